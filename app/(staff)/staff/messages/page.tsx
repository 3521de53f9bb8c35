import type { Metadata } from "next";
import { ResendForm } from "@/components/outbox/resend-form";
import { formatInstant } from "@/components/staff/users/staff-labels";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { resendMessageAction } from "@/lib/actions/outbox";
import { requireStaffPage } from "@/lib/auth/session";
import { localDate } from "@/lib/dates";
import { requireOfficeById } from "@/lib/dal/offices";
import { listOutbox } from "@/lib/dal/outbox";
import { formatDate } from "@/lib/format";
import { getTranslator } from "@/lib/i18n/server";
import { formatReference } from "@/lib/reference";
import { OutboxQuerySchema } from "@/lib/validation/outbox";

export const metadata: Metadata = { title: "Pesan" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The outbox of one day: every message with its status, attempts and last error; resend a failed one. */
export default async function MessagesPage({ searchParams }: Props) {
  const actor = await requireStaffPage("messages.manage");
  const [t, params, office] = await Promise.all([getTranslator(), searchParams, requireOfficeById(actor.officeId)]);
  const date = OutboxQuerySchema.parse(params).date ?? localDate(new Date(), office.timezone);
  const { entries, counts } = await listOutbox(actor, date);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("outbox.title")}</h1>
      <p>{t("outbox.intro")}</p>
      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <Field label={t("outbox.date")} name="date" type="date" defaultValue={date} />
          <Button type="submit">{t("outbox.show")}</Button>
        </form>
      </Card>
      <Card className="overflow-x-auto">
        <h2 className="text-xl font-bold">{formatDate(date, t.locale)}</h2>
        <p className="mb-4">{t("outbox.counts", { sent: counts.sent, queued: counts.queued, failed: counts.failed, noChannel: counts.no_channel })}</p>
        {entries.length === 0 ? (
          <p>{t("outbox.empty")}</p>
        ) : (
          <table className="w-full text-left">
            <caption className="sr-only">{t("outbox.title")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("outbox.time")}</th>
                <th scope="col" className="py-2 pr-4">{t("outbox.reference")}</th>
                <th scope="col" className="py-2 pr-4">{t("outbox.kind")}</th>
                <th scope="col" className="py-2 pr-4">{t("outbox.channel")}</th>
                <th scope="col" className="py-2 pr-4">{t("outbox.status")}</th>
                <th scope="col" className="py-2 pr-4">{t("outbox.attempts")}</th>
                <th scope="col" className="py-2 pr-4">{t("outbox.lastError")}</th>
                <th scope="col" className="py-2 pr-4"><span className="sr-only">{t("outbox.resend")}</span></th>
              </tr>
            </thead>
            <tbody>
              {entries.map((m) => (
                <tr key={m.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4">{formatInstant(m.createdAt, t, office.timezone)}</td>
                  <th scope="row" id={`msg-${m.id}`} className="py-2 pr-4 font-mono font-semibold">{formatReference(m.reference)}</th>
                  <td className="py-2 pr-4">{t(`outbox.kind.${m.kind}`)}</td>
                  <td className="py-2 pr-4">{t(`outbox.channel.${m.channel}`)}</td>
                  <td className={`py-2 pr-4 ${m.status === "failed" || m.status === "no_channel" ? "font-semibold text-red-800" : ""}`}>{t(`outbox.status.${m.status}`)}</td>
                  <td className="py-2 pr-4">{m.attempts}</td>
                  <td className="max-w-xs py-2 pr-4 text-sm break-words">{m.lastError ?? ""}</td>
                  <td className="py-2 pr-4">
                    {m.status === "failed" || m.status === "no_channel" ? (
                      <ResendForm action={resendMessageAction} messageId={m.id} label={t("outbox.resend")} describedBy={`msg-${m.id}`} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
