import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BookingForm } from "@/components/booking/booking-form";
import { Steps } from "@/components/booking/steps";
import { TranslationProvider } from "@/components/i18n/translation-provider";
import { Card } from "@/components/ui/card";
import { getAvailability } from "@/lib/dal/availability";
import { formatDate } from "@/lib/format";
import { clientMessages } from "@/lib/i18n/client-messages";
import { getPageTranslator } from "@/lib/i18n/server";
import { single } from "@/lib/page-state";
import { isPowEnabled } from "@/lib/pow/altcha";
import { parseSlot } from "@/lib/slot";
import { withPlace } from "@/lib/place-path";
import { readBookingStep } from "../../booking-step";

type Props = { params: Promise<{ locale: string; slug: string; q: string }> };

/** Cached for everyone (see app/[locale]/layout.tsx); never more than a second behind the database. */
export const revalidate = 1;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getPageTranslator((await params).locale)("details.title"), robots: { index: false } };
}

/** Step 3: the person's details. The slot is re-checked when the booking is made, not trusted from here. */
export default async function DetailsPage({ params }: Props) {
  const { locale, slug, q } = await params;
  const { t, query, office, service } = await readBookingStep({ locale, slug, q });
  if (single(query.checklist) !== "confirmed") redirect(withPlace(`/services/${slug}?incomplete=1`, office));
  const slot = parseSlot(single(query.slot));
  if (!slot) redirect(withPlace(`/book/${slug}?checklist=confirmed&missing=1`, office));
  const chooseOther = withPlace(`/book/${slug}?checklist=confirmed&date=${slot.date}`, office);
  const { days, office: place } = await getAvailability({ officeSlug: office, serviceSlug: slug, from: slot.date, days: 1, t });
  const session = days[0]?.sessions.find((s) => s.start === slot.session && s.remaining > 0);
  if (!session) redirect(`${chooseOther}&taken=1`);

  return (
    <div className="space-y-4">
      <Steps current={3} t={t} />
      <h1 className="text-2xl font-bold">{t("details.title")}</h1>
      <Card>
        <p className="font-semibold">
          {t("details.summary", { service: service.name.text, date: formatDate(slot.date, t.locale), session: session.label })}
        </p>
        {office ? <p>{t("places.current", { place: place.name })}</p> : null}
        <a href={chooseOther} className="mt-1 inline-flex min-h-12 items-center">
          {t("details.change")}
        </a>
      </Card>
      <TranslationProvider locale={t.locale} messages={clientMessages(t.locale, "bookingForm")}>
        <BookingForm
          hidden={{
            service: slug,
            date: slot.date,
            session: slot.session,
            checklist: "confirmed",
            ...(office ? { office } : {}),
            // No wait token here: this page is cached for everyone and a token is single use. Without
            // JavaScript the wait starts in a cookie proxy.ts sets as this page loads (lib/pow/wait-cookie.ts).
          }}
          chooseOtherHref={chooseOther}
          powChallengeUrl={isPowEnabled() ? withPlace("/api/v1/challenge", office) : undefined}
        />
      </TranslationProvider>
    </div>
  );
}
