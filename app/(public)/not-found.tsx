import { ButtonLink } from "@/components/ui/button";
import { getTranslator } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getTranslator();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("error.pageNotFound")}</h1>
      <p>{t("error.notFound")}</p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <ButtonLink href="/">{t("nav.home")}</ButtonLink>
        <ButtonLink href="/check" variant="secondary">
          {t("nav.check")}
        </ButtonLink>
      </div>
    </div>
  );
}
