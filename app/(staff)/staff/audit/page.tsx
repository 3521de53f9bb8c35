import type { Metadata } from "next";
import Link from "next/link";
import { formatInstant } from "@/components/staff/users/staff-labels";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { requireStaffPage } from "@/lib/auth/session";
import { getAuditFilterOptions, listAuditLog, type AuditPage } from "@/lib/dal/audit-log";
import { requireOfficeById } from "@/lib/dal/offices";
import { isAppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/server";
import { formatReference } from "@/lib/reference";
import { AuditQuerySchema } from "@/lib/validation/audit";
import { parseInput } from "@/lib/validation/parse";

export const metadata: Metadata = { title: "Log audit" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Who did what, when, to which booking: the office's audit log with filters, for supervisors and admins. */
export default async function AuditLogPage({ searchParams }: Props) {
  const actor = await requireStaffPage("audit.view");
  const [t, params, office, options] = await Promise.all([getTranslator(), searchParams, requireOfficeById(actor.officeId), getAuditFilterOptions(actor, actor.officeId)]);
  const typed = { who: first(params.who), action: first(params.action), from: first(params.from), to: first(params.to), reference: first(params.reference) };
  let result: AuditPage | null = null;
  let fields: Record<string, string[]> = {};
  try {
    const query = parseInput(AuditQuerySchema, { ...typed, page: first(params.page) });
    result = await listAuditLog(actor, actor.officeId, query);
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
            <table className="w-full text-left">
              <caption className="sr-only">{t("audit.title")}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">{t("audit.when")}</th>
                  <th scope="col" className="py-2 pr-4">{t("audit.who")}</th>
                  <th scope="col" className="py-2 pr-4">{t("audit.action")}</th>
                  <th scope="col" className="py-2 pr-4">{t("audit.reference")}</th>
                  <th scope="col" className="py-2 pr-4">{t("audit.details")}</th>
                </tr>
              </thead>
              <tbody>
                {result.entries.map((e) => (
                  <tr key={e.id} className="border-b border-slate-200 align-top">
                    <td className="py-2 pr-4 whitespace-nowrap">{formatInstant(e.createdAt, t, office.timezone)}</td>
                    <td className="py-2 pr-4">{e.actorName ?? t(`audit.actor.${e.actorType}`)}</td>
                    <th scope="row" className="py-2 pr-4 font-mono font-normal">{e.action}</th>
                    <td className="py-2 pr-4 font-mono">{e.reference ? formatReference(e.reference) : ""}</td>
                    <td className="max-w-md py-2 pr-4 font-mono text-sm break-words">{e.details ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
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
