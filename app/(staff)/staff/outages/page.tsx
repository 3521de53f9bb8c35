import type { Metadata } from "next";
import { ActionForm } from "@/components/booking/action-form";
import { OutageForm } from "@/components/outage/outage-form";
import { Alert, Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { declareOutageAction, liftOutageAction } from "@/lib/actions/outages";
import { requireStaffPage } from "@/lib/auth/session";
import { getOutageFormOptions, listOutages, type OutageContact } from "@/lib/dal/outages";
import { formatDate } from "@/lib/format";
import { getTranslator } from "@/lib/i18n/server";
import { formatReference } from "@/lib/reference";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.outages") };
}

type Props = { searchParams: Promise<{ declared?: string; lifted?: string }> };

/** The outage switch (supervisor, admin): suspend, see whom to contact (phone, WhatsApp), lift. */
export default async function OutagesPage({ searchParams }: Props) {
  const actor = await requireStaffPage("outage.manage");
  const [t, query] = await Promise.all([getTranslator(), searchParams]);
  const [options, outages] = await Promise.all([getOutageFormOptions(actor, { locale: t.locale }), listOutages(actor, { locale: t.locale })]);
  /** A chat with the citizen, the message already written (only where a phone number is known). */
  const whatsappLink = (c: OutageContact) => {
    const digits = c.phone?.replace(/\D/g, "") ?? "";
    if (!digits) return null;
    const text = t("outage.whatsappText", { reference: formatReference(c.reference), place: options.officeName });
    return (
      <a href={`https://wa.me/${digits}?text=${encodeURIComponent(text)}`} target="_blank" rel="noopener noreferrer" className="inline-flex min-h-12 items-center">
        {t("outage.whatsappLink", { name: c.fullName ?? formatReference(c.reference) })}
      </a>
    );
  };
  const declared = query.declared !== undefined && /^\d{1,6}$/.test(query.declared) ? Number(query.declared) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("outage.title")}</h1>
      <p>{t("outage.intro")}</p>
      {declared !== null ? <Alert tone="success">{t("outage.declared", { count: declared })}</Alert> : null}
      {query.lifted ? <Alert tone="success">{t("outage.lifted")}</Alert> : null}
      <Card>
        <OutageForm
          action={declareOutageAction}
          today={options.today}
          sessions={options.sessions}
          services={options.services}
        />
      </Card>
      <section aria-labelledby="active-outages" className="space-y-4">
        <h2 id="active-outages" className="text-xl font-bold">
          {t("outage.active")}
        </h2>
        {outages.length === 0 ? <p>{t("outage.none")}</p> : null}
        {outages.map((o) => {
          const heading = `${formatDate(o.date, t.locale)} · ${o.session ? o.session.replace(":", ".") : t("outage.allSessions")} · ${o.service?.name ?? t("outage.allServices")}`;
          return (
            <Card key={o.id} className="space-y-3 overflow-x-auto">
              <h3 className="text-lg font-bold">{heading}</h3>
              <p>
                {t("outage.reason")}: {o.reason}
                {o.liftedAt ? ` — ${t("outage.lifted")}` : ""}
              </p>
              {o.liftedAt ? null : (
                <ActionForm action={liftOutageAction} hidden={{ outageId: o.id }} submitLabel={t("outage.lift")} pendingLabel={t("common.loading")} variant="primary" />
              )}
              <h4 className="font-bold">{t("outage.affected")}</h4>
              {o.contacts.length === 0 ? (
                <p>{t("outage.affectedNone")}</p>
              ) : (
                <DataTable
                  caption={`${t("outage.affected")}: ${heading}`}
                  rows={o.contacts}
                  rowKey={(c) => c.reference}
                  alignTop
                  columns={[
                    { header: t("outage.col.reference"), rowHeader: true, className: "font-mono font-semibold", cell: (c) => formatReference(c.reference) },
                    { header: t("outage.col.name"), cell: (c) => c.fullName ?? "" },
                    { header: t("outage.col.phone"), cell: (c) => (c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : "") },
                    { header: t("outage.col.whatsapp"), cell: whatsappLink },
                    { header: t("outage.col.was"), cell: (c) => `${formatDate(c.serviceDate, t.locale)} ${c.sessionStart.replace(":", ".")}` },
                    { header: t("outage.col.rebooked"), cell: (c) => (c.rebookedReference ? t("outage.rebookedAs", { reference: formatReference(c.rebookedReference) }) : t("outage.notRebooked")) },
                  ]}
                />
              )}
            </Card>
          );
        })}
      </section>
    </div>
  );
}
