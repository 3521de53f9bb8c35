import type { Metadata } from "next";
import { TransparencyFigures } from "@/components/reports/transparency-figures";
import { listPublicPlaces } from "@/lib/dal/places";
import { getTransparency, MIN_CELL } from "@/lib/dal/transparency";
import { getPageTranslator } from "@/lib/i18n/server";

/** Cached for everyone (see app/[locale]/layout.tsx); never more than a second behind the database. */
export const revalidate = 1;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getPageTranslator((await params).locale)("transparency.title") };
}

/**
 * Public, no login: places this week and last month's performance, per service point; small cells
 * withheld. The training place is never among them, even when public.
 */
export default async function TransparencyPage({ params }: Props) {
  const [t, places] = await Promise.all([params.then((p) => getPageTranslator(p.locale)), listPublicPlaces()]);
  const reported = places.filter((p) => !p.isTraining);
  if (reported.length <= 1) {
    const data = await getTransparency({});
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">{t("transparency.title")}</h1>
        <p>{data.office.name}</p>
        <p>{t("transparency.intro", { min: MIN_CELL })}</p>
        <TransparencyFigures data={data} t={t} />
        <p className="text-sm text-muted">{t("transparency.updated")}</p>
      </div>
    );
  }
  const all = await Promise.all(reported.map((p) => getTransparency({ officeSlug: p.slug })));
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("transparency.title")}</h1>
      <p>{t("transparency.intro", { min: MIN_CELL })}</p>
      {all.map((data) => (
        <section key={data.office.slug} aria-labelledby={`place-${data.office.slug}`} className="space-y-4">
          <h2 id={`place-${data.office.slug}`} className="text-2xl font-bold">{data.office.name}</h2>
          <TransparencyFigures data={data} t={t} heading={3} idPrefix={`${data.office.slug}-`} placeHeadingId={`place-${data.office.slug}`} />
        </section>
      ))}
      <p className="text-sm text-muted">{t("transparency.updated")}</p>
    </div>
  );
}
