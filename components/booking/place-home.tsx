import Link from "next/link";
import { LocalizedText } from "@/components/booking/localized-text";
import { WayOnLinks } from "@/components/booking/way-on-links";
import { Card } from "@/components/ui/card";
import { OutageNotice } from "@/components/outage/outage-notice";
import type { listPublicOutages } from "@/lib/dal/outages";
import type { getPublicHome } from "@/lib/dal/public-home";
import type { Translator } from "@/lib/i18n/translate";
import { withPlace } from "@/lib/place-path";

type Home = Awaited<ReturnType<typeof getPublicHome>>;

/**
 * A place's home: what to do, then its services by category. `place` is set when the citizen chose among
 * several places: every link then carries it, and the heading says where.
 */
export function PlaceHome({ home, outages, t, place }: { home: Home; outages: Awaited<ReturnType<typeof listPublicOutages>>; t: Translator; place?: { slug: string; name: string } }) {
  const { office, categories } = home;
  return (
    <div className="space-y-8">
      <OutageNotice outages={outages} t={t} />
      <section className="space-y-3">
        <h1 className="text-3xl font-bold leading-tight">{t("home.title", { office: office.shortName })}</h1>
        {place ? (
          <p className="text-lg">
            {t("places.current", { place: place.name })} · <Link prefetch={false} href="/" className="inline-flex min-h-12 items-center">{t("places.change")}</Link>
          </p>
        ) : null}
        <p className="text-lg">{t("home.intro")}</p>
        <p>{t("home.quota", { cap: office.dailyCap })}</p>
        <WayOnLinks main={{ href: "#layanan", label: t("home.bookCta") }} checkLabel={t("home.checkCta")} />
      </section>

      <Card aria-labelledby="how">
        <h2 id="how" className="text-xl font-bold">
          {t("home.howTitle")}
        </h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6">
          <li>{t("home.how1")}</li>
          <li>{t("home.how2")}</li>
          <li>{t("home.how3")}</li>
          <li>{t("home.how4")}</li>
        </ol>
      </Card>

      <section aria-labelledby="layanan" className="space-y-4">
        <h2 id="layanan" className="scroll-mt-4 text-2xl font-bold">
          {t("home.servicesTitle")}
        </h2>
        {categories.map((category) => (
          <section key={category.slug} aria-labelledby={`cat-${category.slug}`}>
            <h3 id={`cat-${category.slug}`} className="mb-2 text-lg font-bold text-muted">
              <LocalizedText value={category.name} t={t} />
            </h3>
            <ul className="space-y-2">
              {category.services.map((s) => (
                <li key={s.slug}>
                  <Link
                    prefetch={false}
                    href={withPlace(`/services/${s.slug}`, place?.slug)}
                    className="flex min-h-14 flex-col justify-center rounded-xl border-2 border-slate-200 bg-white px-4 py-3 font-semibold no-underline hover:border-brand-600"
                  >
                    <span>
                      <LocalizedText value={s.name} t={t} />
                    </span>
                    {s.minAge !== null ? <span className="text-sm font-normal text-muted">{t("home.ageMin", { age: s.minAge })}</span> : null}
                    {s.maxAge !== null ? <span className="text-sm font-normal text-muted">{t("home.ageMax", { age: s.maxAge + 1 })}</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </div>
  );
}
