import type { Metadata } from "next";
import Link from "next/link";
import { formatInstant } from "@/components/staff/users/staff-labels";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Field, SelectField } from "@/components/ui/field";
import { requireStaffPage } from "@/lib/auth/session";
import { getAuditFilterOptions, listAuditLog, type AuditPage } from "@/lib/dal/audit-log";
import { requireOfficeById } from "@/lib/dal/offices";
import { isAppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/server";
import { formatReference } from "@/lib/reference";
import { AuditQuerySchema } from "@/lib/validation/audit";
import { parseInput } from "@/lib/validation/parse";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.audit") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Who did what, when, to which booking: the office's audit log with filters, for supervisors and admins. */
export default async function AuditLogPage({ searchParams }: Props) {
  const actor = await requireStaffPage("audit.view");
  const [t, params, office, options] = await Promise.all([getTranslator(), searchParams, requireOfficeById(actor.officeId), getAuditFilterOptions(actor)]);
  const typed = { who: first(params.who), action: first(params.action), from: first(params.from), to: first(params.to), reference: first(params.reference) };
  let result: AuditPage | null = null;
  let fields: Record<string, string[]> = {};
  try {
    const query = parseInput(AuditQuerySchema, { ...typed, page: first(params.page) });
    result = await listAuditLog(actor, query);
  } catch (error) {
    if (!isAppError(error) || error.status !== 422) throw error;
    fields = Object.fromEntries(Object.entries(error.fields ?? {}).map(([k, keys]) => [k, keys.map((key) => t(key))]));
  }
  const pageHref = (page: number) => `/staff/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(typed).filter(([, v]) => v)), page: String(page) })}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      <Card>
        <form method="get" className="grid items-end gap-3 sm:grid-cols-3">
          <SelectField name="who" label={t("audit.who")} defaultValue={typed.who} errors={fields.who}>
            <option value="">{t("audit.anyone")}</option>
            {options.staff.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </SelectField>
          <SelectField name="action" label={t("audit.action")} defaultValue={typed.action} errors={fields.action}>
            <option value="">{t("audit.anyAction")}</option>
            {options.actions.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </SelectField>
          <Field name="reference" label={t("audit.reference")} defaultValue={typed.reference} errors={fields.reference} autoComplete="off" />
          <Field name="from" type="date" label={t("audit.from")} defaultValue={typed.from} errors={fields.from} />
          <Field name="to" type="date" label={t("audit.to")} defaultValue={typed.to} errors={fields.to} />
          <Button type="submit">{t("audit.filter")}</Button>
        </form>
      </Card>
      {!result ? (
        <Alert tone="error">{t("error.validation")}</Alert>
      ) : (
        <Card className="overflow-x-auto">
          {result.entries.length === 0 ? (
            <p>{t("audit.empty")}</p>
          ) : (
            <DataTable
              caption={t("audit.title")}
              rows={result.entries}
              rowKey={(e) => e.id}
              alignTop
              columns={[
                { header: t("audit.when"), className: "whitespace-nowrap", cell: (e) => formatInstant(e.createdAt, t, office.timezone) },
                { header: t("audit.who"), cell: (e) => e.actorName ?? t(`audit.actor.${e.actorType}`) },
                { header: t("audit.action"), rowHeader: true, className: "font-mono font-normal", cell: (e) => e.action },
                { header: t("audit.reference"), className: "font-mono", cell: (e) => (e.reference ? formatReference(e.reference) : "") },
                { header: t("audit.details"), className: "max-w-md font-mono text-sm break-words", cell: (e) => e.details ?? "" },
              ]}
            />
          )}
          <nav aria-label={t("audit.pages")} className="mt-4 flex flex-wrap items-center gap-4">
            {result.page > 1 ? <Link href={pageHref(result.page - 1)} className="inline-flex min-h-12 items-center">← {t("audit.previous")}</Link> : null}
            <span>{t("audit.page", { page: result.page })}</span>
            {result.hasNext ? <Link href={pageHref(result.page + 1)} className="inline-flex min-h-12 items-center">{t("audit.next")} →</Link> : null}
          </nav>
        </Card>
      )}
    </div>
  );
}
