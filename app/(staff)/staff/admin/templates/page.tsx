import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { listTemplates } from "@/lib/dal/message-templates";
import { getTranslator } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Templat pesan" };

/** Every message kind in both languages, marked where the office has its own text. */
export default async function TemplatesPage() {
  const actor = await requireStaffPage("settings.manage");
  const [t, entries] = await Promise.all([getTranslator(), listTemplates(actor, actor.officeId)]);
  return (
    <div className="space-y-6">
      <Link href="/staff/admin">← {t("admin.back")}</Link>
      <h1 className="text-2xl font-bold">{t("templates.title")}</h1>
      <p>{t("templates.intro")}</p>
      <Card className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="sr-only">{t("templates.title")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">{t("templates.kind")}</th>
              <th scope="col" className="py-2 pr-4">{t("templates.language")}</th>
              <th scope="col" className="py-2 pr-4">{t("templates.subject")}</th>
              <th scope="col" className="py-2 pr-4">{t("templates.source")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={`${e.kind}-${e.language}`} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <Link href={`/staff/admin/templates/${e.kind}/${e.language}`} className="inline-flex min-h-12 items-center">
                    {t(`outbox.kind.${e.kind}`)} · {t(`templates.lang.${e.language}`)}
                  </Link>
                </th>
                <td className="py-2 pr-4">{t(`templates.lang.${e.language}`)}</td>
                <td className="py-2 pr-4">{e.subject}</td>
                <td className="py-2 pr-4">{e.isCustom ? <strong>{t("templates.custom")}</strong> : t("templates.default")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
