import "server-only";
import { eq } from "drizzle-orm";
import { offices, type Office } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { evaluateDay, type DayReasonCode } from "../availability";
import { channelLimit } from "../capacity";
import { addDays, localDate } from "../dates";
import { getDb } from "../db";
import { AppError, pgErrorCode } from "../errors";
import { OFFICE_SETTING_KEYS, type OfficeSettingsInput } from "../validation/office-settings";
import { writeAudit } from "./audit";
import { commandOffice, withDefaults, type CommandOptions, type OfficeRef } from "./command-options";
import { loadDayPlans, loadUsage } from "./calendar";
import { invalidateReads } from "./read-cache";

export type OfficeSettings = OfficeSettingsInput;

/** One date of the preview: the online places a citizen could still book, now and with the change. */
export type PreviewDay = { date: string; before: PreviewSide; after: PreviewSide };
export type PreviewSide = { open: boolean; places: number; reasonCode: DayReasonCode | null };

const PREVIEW_DAYS = 14;

function settingsOf(office: Office): OfficeSettings {
  const out = {} as Record<string, unknown>;
  for (const key of OFFICE_SETTING_KEYS) out[key] = office[key];
  const s = out as OfficeSettings;
  return { ...s, bookingOpensAt: office.bookingOpensAt.slice(0, 5), bookingCutoffAt: office.bookingCutoffAt.slice(0, 5) };
}

/** The settings alone (the office a command names is not one of them). */
function pickSettings(input: OfficeSettingsInput): OfficeSettings {
  return Object.fromEntries(OFFICE_SETTING_KEYS.map((key) => [key, input[key]])) as OfficeSettings;
}

export async function getOfficeSettings(actor: Actor, input: OfficeRef = {}): Promise<OfficeSettings> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const db = await getDb();
  const [office] = await db.select().from(offices).where(eq(offices.id, officeId));
  if (!office) throw new AppError("not_found", "error.pageNotFound");
  return settingsOf(office);
}

/**
 * Saves the settings in one transaction with an audit row holding the changed values before and after,
 * then drops the read cache so the next citizen page (in this process; others within a second) uses them.
 * The database's CHECK constraints still apply: a value that slips past the schema is a 422, nothing written.
 */
export async function updateOfficeSettings(
  actor: Actor,
  input: OfficeSettingsInput & { officeId?: string },
  options: CommandOptions = {},
): Promise<{ changed: string[] }> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const { now } = withDefaults(options);
  const settings = pickSettings(input);
  const db = await getDb();
  let changed: string[] = [];
  try {
    await db.transaction(async (tx) => {
      const [office] = await tx.select().from(offices).where(eq(offices.id, officeId)).for("update");
      if (!office) throw new AppError("not_found", "error.pageNotFound");
      const before = settingsOf(office);
      changed = OFFICE_SETTING_KEYS.filter((key) => before[key] !== settings[key]);
      if (changed.length === 0) return;
      const pick = (s: OfficeSettings) => Object.fromEntries(changed.map((k) => [k, s[k as keyof OfficeSettings]]));
      await tx.update(offices).set({ ...settings, updatedAt: now }).where(eq(offices.id, officeId));
      await writeAudit(tx, { officeId, actor, action: "office.settings_update", details: { before: pick(before), after: pick(settings) } });
    });
  } catch (error) {
    if (pgErrorCode(error).code === "23514") throw new AppError("validation", "error.validation", { fields: { _: ["field.invalid"] } });
    throw error;
  }
  if (changed.length > 0) invalidateReads("settings", "usage", "full");
  return { changed };
}

/**
 * What the change would do to the next `days` dates from today: the online places left per date under the
 * current settings and under the proposed ones (same usage, same schedule). Reads only.
 */
export async function previewOfficeSettings(
  actor: Actor,
  input: OfficeSettingsInput & { officeId?: string },
  options: CommandOptions & { days?: number } = {},
): Promise<PreviewDay[]> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const { now } = withDefaults(options);
  const days = options.days ?? PREVIEW_DAYS;
  const db = await getDb();
  // A transaction so the plans are read fresh (never the read cache) for the proposed office as for the current one.
  return db.transaction(async (tx) => {
    const [office] = await tx.select().from(offices).where(eq(offices.id, officeId));
    if (!office) throw new AppError("not_found", "error.pageNotFound");
    const proposed: Office = { ...office, ...pickSettings(input) };
    const from = localDate(now, office.timezone);
    const to = addDays(from, days - 1);
    const [plansBefore, plansAfter] = [await loadDayPlans(tx, office, from, to), await loadDayPlans(tx, proposed, from, to)];
    const usage = await loadUsage(tx, office.id, plansBefore.map((p) => p.date));
    const side = (o: Office, plan: (typeof plansBefore)[number]): PreviewSide => {
      const use = usage.get(plan.date) ?? { day: 0, sessions: new Map(), services: new Map() };
      const day = evaluateDay(plan, use, { office: o, serviceId: "", serviceCap: null, channel: "online", now });
      if (!day.open || !plan.open) return { open: false, places: 0, reasonCode: day.reasonCode ?? null };
      const sessionsSum = day.sessions.reduce((sum, s) => sum + s.remaining, 0);
      const dayLeft = Math.max(0, channelLimit(plan.dayCap, o.walkInReservePercent, "online") - use.day);
      return { open: true, places: Math.min(sessionsSum, dayLeft), reasonCode: day.reasonCode ?? null };
    };
    return plansBefore.map((plan, i) => ({ date: plan.date, before: side(office, plan), after: side(proposed, plansAfter[i]!) }));
  });
}
