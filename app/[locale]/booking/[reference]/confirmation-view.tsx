import { BookingSummary, QueueNumber } from "@/components/booking/booking-summary";
import { QrCode } from "@/components/booking/qr-code";
import { DocumentsToBring } from "@/components/booking/requirement-text";
import { Steps } from "@/components/booking/steps";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { bookingHeading, hasUsableQr } from "@/lib/booking-status";
import { findRemindersEnabled } from "@/lib/dal/booking-reminders";
import type { Confirmation } from "@/lib/dal/public-booking";
import { findPriorityOffer } from "@/lib/dal/priority-rebook";
import { formatDate, formatTime, minusMinutes } from "@/lib/format";
import type { Translator } from "@/lib/i18n/translate";
import { getPublicSite } from "@/lib/env";
import { LiveStatus } from "./live-status";

/**
 * The confirmation: what to bring, when to come, and the QR code to show at check-in. Rendered per request
 * for the owner (page.tsx), and cached per reference in the view everyone may see (shared-view/page.tsx).
 */
export async function ConfirmationView({ confirmation, t, done }: { confirmation: Confirmation; t: Translator; done?: string }) {
  const { booking, requirements, canManage } = confirmation;
  const active = !["cancelled", "no_show", "expired", "done"].includes(booking.status);
  const priorityOffer = booking.status === "cancelled" ? await findPriorityOffer({ reference: booking.reference }) : null;
  const remindersOn = booking.status === "booked" && canManage ? await findRemindersEnabled(booking.reference) : null;
  const base = `/booking/${booking.reference}`;
  const date = formatDate(booking.date, t.locale);
  const shareText = t("confirm.whatsappText", {
    service: booking.service.name,
    date,
    session: booking.session.label,
    queue: booking.queueNumber,
    reference: booking.referenceDisplay,
    url: `${getPublicSite().origin}${base}`,
  });

  return (
    <div className="space-y-6">
      {booking.status === "booked" ? <Steps current={4} t={t} /> : null}
      <h1 className="text-2xl font-bold">{bookingHeading(booking.status, t)}</h1>
      {done === "rescheduled" ? <Alert tone="success">{t("reschedule.done")}</Alert> : null}
      {done === "already" && booking.status === "booked" ? <Alert tone="info">{t("confirm.alreadyBooked")}</Alert> : null}
      {booking.status === "cancelled" ? <Alert tone="warning">{t("confirm.cancelledText")}</Alert> : null}
      {done === "rebooked" ? <Alert tone="success">{t("rebook.done", { reference: booking.referenceDisplay })}</Alert> : null}
      {priorityOffer ? (
        <Alert tone="info">
          {t("rebook.offer", { until: `${formatDate(priorityOffer.until.slice(0, 10), t.locale)} ${formatTime(priorityOffer.until.slice(11), t.locale)}` })}{" "}
          <a href={`/booking/${booking.reference}/rebook`} className="font-semibold">
            {t("rebook.offerLink")}
          </a>
        </Alert>
      ) : null}

      <Card className="flex flex-col items-center gap-4 text-center sm:flex-row sm:text-left">
        {hasUsableQr(booking.status) ? <QrCode value={booking.reference} label={t("confirm.qrAlt", { reference: booking.referenceDisplay })} size={180} /> : null}
        <QueueNumber booking={booking} t={t} />
      </Card>

      <LiveStatus reference={booking.reference} t={t} />

      <Card>
        <BookingSummary booking={booking} t={t} />
      </Card>

      {active ? (
        <>
          <Card aria-labelledby="next">
            <h2 id="next" className="text-xl font-bold">
              {t("confirm.nextTitle")}
            </h2>
            <ol className="mt-2 list-decimal space-y-1 pl-6">
              <li>{t("confirm.next1", { time: formatTime(minusMinutes(booking.session.start, 15), t.locale) })}</li>
              <li>{t("confirm.next2")}</li>
              <li>{t("confirm.next3")}</li>
              <li>{t("confirm.next4")}</li>
            </ol>
            <p className="mt-3 text-sm text-muted">{t("confirm.saveHint")}</p>
          </Card>

          {requirements.some((r) => r.kind === "document") ? (
            <Card aria-labelledby="bring">
              <h2 id="bring" className="text-xl font-bold">
                {t("confirm.requirementsTitle")}
              </h2>
              <DocumentsToBring requirements={requirements} t={t} className="mt-2 space-y-1 pl-6" />
            </Card>
          ) : null}

          <div className="grid gap-3 sm:grid-cols-2">
            <ButtonLink href={`${base}/print`}>{t("confirm.print")}</ButtonLink>
            <ButtonLink href={`${base}/print?format=receipt`} variant="secondary">
              {t("confirm.printReceipt")}
            </ButtonLink>
            <a href={`${base}/calendar.ics?lang=${t.locale}`} className={buttonClass("secondary")} download>
              {t("confirm.calendar")}
            </a>
            <a href={`https://wa.me/?text=${encodeURIComponent(shareText)}`} className={buttonClass("secondary")} rel="noopener noreferrer">
              {t("confirm.whatsapp")}
            </a>
          </div>
        </>
      ) : null}

      {booking.status === "done" ? (
        <Card aria-labelledby="survey">
          <h2 id="survey" className="text-xl font-bold">
            {t("survey.title")}
          </h2>
          <p className="mt-1">{t("survey.prompt")}</p>
          <ButtonLink href={`${base}/survey`} className="mt-3">
            {t("survey.promptButton")}
          </ButtonLink>
        </Card>
      ) : null}

      {booking.status === "booked" ? (
        <Card aria-labelledby="manage">
          <h2 id="manage" className="text-xl font-bold">
            {t("confirm.manageTitle")}
          </h2>
          {canManage ? (
            <div className="mt-3 flex flex-col gap-3 sm:flex-row">
              <ButtonLink href={`${base}/reschedule`} variant="secondary">
                {t("confirm.reschedule")}
              </ButtonLink>
              <ButtonLink href={`${base}/cancel`} variant="danger">
                {t("confirm.cancel")}
              </ButtonLink>
            </div>
          ) : (
            <>
              <p className="mt-1">{t("confirm.manageHint")}</p>
              <a href={`/check?reference=${booking.reference}`} className="inline-flex min-h-12 items-center">
                {t("confirm.manageLink")}
              </a>
            </>
          )}
        </Card>
      ) : null}

      {remindersOn !== null ? (
        <Card aria-labelledby="reminders" className="space-y-3">
          <h2 id="reminders" className="text-xl font-bold">
            {t("reminders.title")}
          </h2>
          <p>{remindersOn ? t("reminders.onText") : t("reminders.offText")}</p>
          <ButtonLink href={`${base}/reminders`} variant="secondary">
            {remindersOn ? t("reminders.turnOff") : t("reminders.turnOn")}
          </ButtonLink>
        </Card>
      ) : null}
    </div>
  );
}
