import type { Metadata } from "next";
import { RecoverForm } from "@/components/booking/recover-form";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("recover.title"), robots: { index: false } };
}

/** A lost reference found again by NIK + phone (e.g. after "this NIK already has an active booking"). */
export default async function RecoverPage() {
  const t = await getTranslator();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("recover.title")}</h1>
      <p>{t("recover.intro")}</p>
      <RecoverForm
        text={{
          nik: t("details.nik"),
          nikHint: t("details.nikHint"),
          phone: t("details.phone"),
          phoneHint: t("recover.phoneHint"),
          submit: t("recover.submit"),
          sending: t("common.loading"),
        }}
      />
    </div>
  );
}
