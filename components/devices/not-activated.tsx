import type { Translator } from "@/lib/i18n/translate";

/** What an unactivated TV or kiosk shows: how to activate it, and no queue data at all. */
export function NotActivated({ t, linkFailed }: { t: Translator; linkFailed: boolean }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center gap-6 px-6 py-10 text-xl">
      <h1 className="text-4xl font-bold">{t("devices.notActivated.title")}</h1>
      {linkFailed ? (
        <p role="alert" className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4 font-semibold text-red-900">
          {t("devices.notActivated.linkFailed")}
        </p>
      ) : null}
      <p>{t("devices.notActivated.body")}</p>
      <ol className="list-decimal space-y-2 pl-8">
        <li>{t("devices.notActivated.step1")}</li>
        <li>{t("devices.notActivated.step2")}</li>
        <li>{t("devices.notActivated.step3")}</li>
      </ol>
    </main>
  );
}
