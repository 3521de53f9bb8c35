import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/booking/action-form";
import { canBookShownDate, SlotPicker } from "@/components/booking/slot-picker";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { priorityRebookAction } from "@/lib/actions/priority-rebook";
import { getPriorityRebooking, type PriorityRebookView } from "@/lib/dal/priority-rebook";
import { isAppError } from "@/lib/errors";
import { formatDate, formatTime } from "@/lib/format";
import { getTranslator } from "@/lib/i18n/server";
import { readManageToken } from "@/lib/manage-cookie";
import { formatReference } from "@/lib/reference";

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ token?: string | string[]; date?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("rebook.title"), robots: { index: false } };
}

/**
 * Priority rebooking after the office cancelled a booking (outage, closure): reached by the message's link
 * (its token) or after Cek booking with reference + NIK (the manage cookie). Works without JavaScript.
 */
export default async function PriorityRebookPage({ params, searchParams }: Props) {
  const [{ reference }, query, t] = await Promise.all([params, searchParams, getTranslator()]);
  const token = typeof query.token === "string" && query.token.length <= 200 ? query.token : undefined;
  const manageToken = await readManageToken();
  let view: PriorityRebookView | null = null;
  try {
    view = await getPriorityRebooking({ reference, ...(token ? { priorityToken: token } : { manageToken: manageToken ?? "" }) }, { t });
  } catch (error) {
    if (!isAppError(error) || error.code !== "not_found") throw error;
  }
  if (!view && !/^[A-Za-z0-9-]{4,20}$/.test(reference)) notFound();
  if (!view) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("rebook.title")}</h1>
        <p>{t("rebook.needProof")}</p>
        <ButtonLink href={`/check?reference=${encodeURIComponent(reference)}`}>{t("rebook.checkLink")}</ButtonLink>
      </div>
    );
  }
  const [untilDate, untilTime] = view.until.split(" ");
  const until = `${formatDate(untilDate!, t.locale)} ${formatTime(untilTime!, t.locale)}`;
  const tokenQuery = token ? `token=${encodeURIComponent(token)}&` : "";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("rebook.title")}</h1>
      <p>
        {t("rebook.intro", {
          reference: formatReference(view.reference),
          service: view.service.name,
          date: formatDate(view.date, t.locale),
          session: view.session.label,
          reason: view.reason,
          until,
        })}
      </p>
      {view.state === "used" ? (
        <Alert tone="info">
          {t("rebook.used")}{" "}
          {view.newReference ? <a href={`/booking/${view.newReference}`}>{t("rebook.done", { reference: formatReference(view.newReference) })}</a> : null}
        </Alert>
      ) : view.state === "expired" ? (
        <>
          <Alert tone="warning">{t("rebook.expired")}</Alert>
          <ButtonLink href={`/services/${view.service.slug}`}>{view.service.name}</ButtonLink>
        </>
      ) : view.days.some((d) => d.sessions.some((s) => s.remaining > 0)) ? (
        <ActionForm
          action={priorityRebookAction}
          hidden={{ reference: view.reference, ...(token ? { token } : {}) }}
          submitLabel={t("rebook.submit")}
          pendingLabel={t("common.loading")}
          canSubmit={canBookShownDate(view.days, query.date)}
        >
          <SlotPicker days={view.days} t={t} date={query.date} hrefFor={(d) => `/booking/${view.reference}/rebook?${tokenQuery}date=${d}`} />
        </ActionForm>
      ) : (
        <Alert tone="warning">{t("rebook.none")}</Alert>
      )}
      <ButtonLink href={`/booking/${view.reference}`} variant="secondary">
        {t("common.back")}
      </ButtonLink>
    </div>
  );
}
