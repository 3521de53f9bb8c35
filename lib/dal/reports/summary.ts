import "server-only";
import { eq } from "drizzle-orm";
import { counters, services } from "@/db/schema";
import type { Actor } from "../../auth/actor";
import { assertCan } from "../../auth/permissions";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { createTranslator } from "../../i18n/translate";
import { CHANNEL_LABEL } from "../../queue-labels";
import type { HourRow, IkmRow, Report, ReportRow } from "../../reports/types";
import type { ReportQuery } from "../../validation/reports";
import { requireOffice, requireOfficeById } from "../offices";
import { isOrganisationActor } from "../places";
import { serviceName } from "../services";
import { aggregateQuota } from "./hours-quota";
import { aggregateIkm } from "./ikm";
import { aggregateVisits, type VisitAggregate } from "./visits";
import { withDefaults, type CommandOptions } from "../command-options";

const EMPTY: Omit<ReportRow, "key" | "label"> = {
  booked: 0,
  checkedIn: 0,
  served: 0,
  noShow: 0,
  cancelled: 0,
  expired: 0,
  waitMedian: null,
  waitP90: null,
  serviceMedian: null,
  serviceP90: null,
};

function actorOffice(actor: Actor): string {
  if (actor.type === "staff" || actor.type === "api_key" || actor.type === "device") return actor.officeId;
  throw new AppError("forbidden", "error.forbidden");
}

/**
 * The office's numbers for a date range: counts and times per period, service, channel and counter, by hour
 * of day, each date's quota, and the IKM. Supervisors, admins and keys with the `reports` scope, for their
 * own place; an admin or key of the main office also for each of its service points (`office`). The
 * training place has no reports.
 */
export async function getReport(actor: Actor, query: ReportQuery, options: CommandOptions = {}): Promise<Report> {
  assertCan(actor, "reports.view");
  const db = await getDb();
  // The system actor (jobs, the benchmark) has no place of its own and names one.
  const own = actor.type === "system" ? null : await requireOfficeById(actorOffice(actor), db);
  const office = query.office ? await requireOffice(query.office, db) : own;
  if (!office) throw new AppError("validation", "error.validation", { fields: { office: ["field.office.unknown"] } });
  // Another place: only the organisation (an admin or key of the main office) over its own service points.
  if (own && office.id !== own.id && !(office.parentId === own.id && isOrganisationActor(actor, { office: own }))) throw new AppError("forbidden", "error.forbidden");
  if (own && office.id === own.id) assertCan(actor, "reports.view", office.id);
  // The training place's bookings are rehearsals: never in any report.
  if (office.isTraining) throw new AppError("validation", "error.validation", { fields: { office: ["field.office.training"] } });
  const t = createTranslator(withDefaults(options).locale);
  const params = { officeId: office.id, office, from: query.from, to: query.to, groupBy: query.groupBy };
  const [visits, quota, ikm, serviceRows, counterRows] = await Promise.all([
    aggregateVisits(db, { ...params, hoursIn: office.timezone }),
    aggregateQuota(db, params),
    aggregateIkm(db, params),
    db.select().from(services).where(eq(services.officeId, office.id)),
    db.select().from(counters).where(eq(counters.officeId, office.id)),
  ]);
  const hours: HourRow[] = visits
    .filter((v) => v.dimension === "hour")
    .map((v) => ({ hour: Number(v.key), checkedIn: v.checkedIn, waitMedian: v.waitMedian, waitP90: v.waitP90, served: v.served }))
    .sort((a, b) => a.hour - b.hour);
  const serviceLabel = new Map(serviceRows.map((s) => [s.id, serviceName(s, t.locale)]));
  const counterLabel = new Map(counterRows.map((c) => [c.id, c.name]));
  const label = (dimension: VisitAggregate["dimension"], key: string | null): string => {
    if (dimension === "service") return serviceLabel.get(key ?? "") ?? "—";
    if (dimension === "counter") return key ? (counterLabel.get(key) ?? "—") : t("report.counter.none");
    if (dimension === "channel") return t(CHANNEL_LABEL[key as keyof typeof CHANNEL_LABEL]);
    return key ?? t("report.total");
  };
  const rows = (dimension: VisitAggregate["dimension"]) =>
    visits
      .filter((v) => v.dimension === dimension)
      .map(({ dimension: d, key, ...numbers }) => ({ ...numbers, key: key ?? "", label: label(d, key) }))
      .sort((a, b) => (dimension === "period" ? a.key.localeCompare(b.key) : b.booked - a.booked));
  const ikmRows = (dimension: "total" | "period" | "service" | "counter"): IkmRow[] =>
    ikm
      .filter((i) => i.dimension === dimension)
      .map((i) => ({ key: i.key ?? "", label: label(dimension, i.key), responses: i.result.responses, nrr: i.result.nrr, ikm: i.result.ikm, grade: i.result.grade }))
      .sort((a, b) => a.key.localeCompare(b.key));
  return {
    office: { slug: office.slug, name: office.name, timezone: office.timezone },
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    total: rows("total")[0] ?? { ...EMPTY, key: "", label: t("report.total") },
    periods: rows("period"),
    services: rows("service"),
    channels: rows("channel"),
    counters: rows("counter"),
    hours,
    quota,
    ikm: { total: ikmRows("total")[0] ?? null, periods: ikmRows("period"), services: ikmRows("service"), counters: ikmRows("counter") },
  };
}
