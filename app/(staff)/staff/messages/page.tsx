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
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.messages") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The outbox of one day: every message with its status, attempts and last error; resend a failed one. */
/** A message that failed or had no channel: shown in red, with the resend button. */
const needsResend = (m: { status: string }) => m.status === "failed" || m.status === "no_channel";

export default async function MessagesPage({ searchParams }: Props) {
  const actor = await requireStaffPage("messages.manage");
  const [t, params, office] = await Promise.all([getTranslator(), searchParams, requireOfficeById(actor.officeId)]);
  const date = OutboxQuerySchema.parse(params).date ?? localDate(new Date(), office.timezone);
  const { entries, counts } = await listOutbox(actor, { date });
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
          <DataTable
            caption={t("outbox.title")}
            alignTop
            rows={entries}
            rowKey={(m) => m.id}
            columns={[
              { header: t("outbox.time"), cell: (m) => formatInstant(m.createdAt, t, office.timezone) },
              { header: t("outbox.reference"), rowHeader: true, id: (m) => `msg-${m.id}`, className: "font-mono font-semibold", cell: (m) => formatReference(m.reference) },
              { header: t("outbox.kind"), cell: (m) => t(`outbox.kind.${m.kind}`) },
              { header: t("outbox.channel"), cell: (m) => t(`outbox.channel.${m.channel}`) },
              { header: t("outbox.status"), className: (m) => (needsResend(m) ? "font-semibold text-red-800" : ""), cell: (m) => t(`outbox.status.${m.status}`) },
              { header: t("outbox.attempts"), cell: (m) => m.attempts },
              { header: t("outbox.lastError"), className: "max-w-xs text-sm break-words", cell: (m) => m.lastError ?? "" },
              {
                header: t("outbox.resend"),
                srOnlyHeader: true,
                cell: (m) => (needsResend(m) ? <ResendForm action={resendMessageAction} messageId={m.id} describedBy={`msg-${m.id}`} /> : null),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
