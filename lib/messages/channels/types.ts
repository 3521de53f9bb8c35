/** One message as a channel sends it. */
export type Outgoing = {
  to: string;
  subject: string;
  text: string;
  html: string;
  idempotencyKey: string;
  reference: string;
  /** The booking's calendar file, for email confirmations. */
  calendar?: { filename: string; content: string };
};

/**
 * What a provider answered. `retry: false` is a permanent refusal (a bad number or address): the worker
 * marks the message failed at once instead of trying again. `configuration` names a fault in Antrean's own
 * settings for the channel (login, token, address; no personal data): never the recipient's fault, so the
 * message is retried and never failed for it.
 */
export type SendResult =
  | { ok: true; providerStatus?: number; providerMessageId?: string; answer?: string }
  | { ok: false; retry: boolean; providerStatus?: number; error: string; answer?: string; configuration?: string };

export type Channel = { name: "whatsapp" | "email"; send(message: Outgoing): Promise<SendResult> };
