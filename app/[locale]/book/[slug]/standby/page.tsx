import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { TranslationProvider } from "@/components/i18n/translation-provider";
import { StandbyJoinForm } from "@/components/standby/join-form";
import { ButtonLink } from "@/components/ui/button";
import { getAvailability } from "@/lib/dal/availability";
import { findPublicService } from "@/lib/dal/public-service";
import { formatDate } from "@/lib/format";
import { clientMessages } from "@/lib/i18n/client-messages";
import { getPageTranslator } from "@/lib/i18n/server";
import { parsePlaceParam, withPlace } from "@/lib/place-path";
import { DateSchema } from "@/lib/validation/fields";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<{ date?: string; office?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getPageTranslator((await params).locale)("standby.join.title"), robots: { index: false } };
}

/** The standby list of a full date: reached from the date's "full" note on the slot page. */
export default async function JoinStandbyPage({ params, searchParams }: Props) {
  const [{ locale, slug }, query] = await Promise.all([params, searchParams]);
  const t = getPageTranslator(locale);
  const office = parsePlaceParam(query.office);
  if (office === null) notFound();
  const service = await findPublicService({ slug, officeSlug: office }, { locale: t.locale });
  if (!service) notFound();
  const date = DateSchema.safeParse(query.date);
  if (!date.success) redirect(withPlace(`/book/${slug}?checklist=confirmed`, office));
  const back = withPlace(`/book/${slug}?checklist=confirmed&date=${date.data}`, office);
  const { days } = await getAvailability({ officeSlug: office, serviceSlug: slug, from: date.data, days: 1, t });
  const day = days[0];
  // Only a full day has a list; anything else goes back to the normal choice.
  if (!day || day.reasonCode !== "full") redirect(back);
  const dateText = formatDate(date.data, t.locale);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("standby.join.title")}</h1>
      <p>{t("standby.join.intro", { date: dateText, service: service.name.text })}</p>
      <TranslationProvider locale={t.locale} messages={clientMessages(t.locale, "standbyJoin")}>
        <StandbyJoinForm
          service={slug}
          office={office}
          date={date.data}
          sessions={day.sessions.map((s) => ({ value: s.start, label: s.label }))}
        />
      </TranslationProvider>
      <ButtonLink href={back} variant="secondary">
        {t("common.back")}
      </ButtonLink>
    </div>
  );
}
