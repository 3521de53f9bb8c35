import "server-only";
import type { Actor } from "../../auth/actor";
import { assertCan } from "../../auth/permissions";
import { isServiceDate, localDate } from "../../dates";
import { AppError } from "../../errors";
import type { Translator } from "../../i18n/translate";
import { getAvailability, type DayAvailability } from "../availability";
import { requireOfficeById } from "../offices";
import { listServices } from "../services";
import { withDefaults, type QueueOptions } from "./change";

export type AssistOptions = {
  today: string;
  date: string;
  services: { slug: string; name: string }[];
  service: string | null;
  /** The chosen date's sessions with the places left for staff (the walk-in reserve included). */
  day: DayAvailability | null;
};

/** What the assisted/walk-in form offers: the office's services and, once chosen, the date's sessions. */
export async function getAssistOptions(actor: Actor, input: { service?: string; date?: string }, options: QueueOptions & { t: Translator }): Promise<AssistOptions> {
  assertCan(actor, "booking.assist");
  if (actor.type !== "staff") throw new AppError("forbidden", "error.forbidden");
  const { now, locale } = withDefaults(options);
  const office = await requireOfficeById(actor.officeId);
  const services = (await listServices({ office }, { locale })).map((s) => ({ slug: s.slug, name: s.name.text }));
  const today = localDate(now, office.timezone);
  const date = input.date && isServiceDate(input.date) && input.date >= today ? input.date : today;
  const service = services.find((s) => s.slug === input.service)?.slug ?? null;
  const availability = service
    ? await getAvailability({ officeSlug: office.slug, serviceSlug: service, from: date, days: 1, channel: "assisted", t: options.t, now })
    : null;
  return { today, date, services, service, day: availability?.days[0] ?? null };
}
