/**
 * Indonesian mobile numbers as people write them (`0812-3456-7890`, `+62 812 3456 7890`, `62812…`)
 * normalised to E.164 (`+6281234567890`). Mobile numbers start with 8 after the country code and have
 * 9 to 12 digits after it.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s().\-]/g, "");
  let national: string;
  if (/^\+62\d+$/.test(compact)) national = compact.slice(3);
  else if (/^62\d+$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return null;
  if (!/^8\d{8,11}$/.test(national)) return null;
  return `+62${national}`;
}

/** `+6281234567890` → `0812-3456-7890`, the way the number is written on the KTP's owner's phone. */
export function formatPhoneLocal(e164: string): string {
  const national = "0" + e164.slice(3);
  return national.replace(/^(\d{4})(\d{4})(\d+)$/, "$1-$2-$3");
}

/** Digits for a wa.me link: `6281234567890`. */
export function phoneForWhatsApp(e164: string): string {
  return e164.slice(1);
}
