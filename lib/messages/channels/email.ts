import nodemailer from "nodemailer";
import type { Channel, Outgoing, SendResult } from "./types";

export type EmailConfig = { url: string; from: string; timeoutMs?: number };

/**
 * Email through SMTP (nodemailer): text and HTML bodies, the calendar file attached. A 5xx SMTP reply
 * (unknown mailbox, refused) is permanent — except a refused login or sender, which is Antrean's own
 * configuration and retried (`configuration`); 4xx replies and connection trouble are retried.
 */
export function createEmailChannel(config: EmailConfig): Channel {
  const timeout = config.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport(config.url, { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  return {
    name: "email",
    async send(message: Outgoing): Promise<SendResult> {
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          // The idempotency key doubles as the Message-ID, so a re-sent copy is recognisably the same mail.
          messageId: `<${message.idempotencyKey.replace(/[^\w.-]/g, ".")}@antrean>`,
          headers: { "X-Antrean-Reference": message.reference },
          attachments: message.calendar ? [{ filename: message.calendar.filename, content: message.calendar.content, contentType: "text/calendar; charset=utf-8; method=PUBLISH" }] : [],
        });
        return { ok: true, providerMessageId: info.messageId, answer: String(info.response ?? "").slice(0, 500), providerStatus: 250 };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        const text = error instanceof Error ? error.message : String(error);
        const configuration = configurationFault(error);
        return { ok: false, retry: Boolean(configuration) || !(code && code >= 500), providerStatus: code, error: `smtp: ${text}`.slice(0, 500), configuration };
      }
    },
  };
}

/** A refused login (535 and kin) or sender: the office's SMTP settings are wrong, not the recipient. */
function configurationFault(error: unknown): string | undefined {
  const { code, command, responseCode } = error as { code?: string; command?: string; responseCode?: number };
  const status = responseCode ? ` (${responseCode})` : "";
  if (code === "EAUTH" || code === "ENOAUTH" || [530, 534, 535, 538].includes(responseCode ?? 0)) {
    return `SMTP login refused${status}: check the user and password in ANTREAN_SMTP_URL`;
  }
  if (command === "MAIL FROM" && (responseCode ?? 0) >= 500) return `SMTP sender refused${status}: check ANTREAN_MAIL_FROM`;
  return undefined;
}
