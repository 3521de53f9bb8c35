/** Both languages side by side; English must have exactly the Indonesian keys. */
export function defineMessages<const T extends Record<string, string>>(messages: {
  id: T;
  en: { [K in keyof T]: string };
}) {
  return messages;
}
