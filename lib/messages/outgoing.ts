import type { Database } from "@/db/client";
import type { Message } from "@/db/schema";
import { buildCalendarFile } from "../calendar-file";
import { createTranslator, isLocale } from "../i18n/translate";
import { formatReference } from "../reference";
import type { Outgoing } from "./channels/types";
import { renderMessage } from "./templates";
import { findTemplate } from "./template-store";

/** A message ready for its channel: the template rendered in the citizen's language, the calendar file on email. */
export async function buildOutgoing(db: Database, message: Message, timezone: string, baseUrl: string, now: Date): Promise<Outgoing> {
  const locale = isLocale(message.language) ? message.language : "id";
  const template = await findTemplate(db, message.officeId, message.kind, locale);
  const rendered = renderMessage(template, message.params, locale, baseUrl);
  const p = message.params;
  const withCalendar = message.channel === "email" && (message.kind === "confirmation" || message.kind === "moved");
  const t = createTranslator(locale);
  return {
    to: message.recipient!,
    ...rendered,
    idempotencyKey: message.idempotencyKey,
    reference: p.reference,
    calendar: withCalendar
      ? {
          filename: `antrean-${p.reference}.ics`,
          content: buildCalendarFile(
            {
              reference: p.reference,
              date: p.date,
              start: p.sessionStart,
              end: p.sessionEnd,
              timezone,
              summary: t("calendar.summary", { service: p.service, queue: p.queueNumber }),
              location: [p.place, p.address].filter(Boolean).join(", "),
              description: t("calendar.description", { reference: formatReference(p.reference) }),
            },
            now,
          ),
        }
      : undefined,
  };
}
