import type { Metadata } from "next";
import { NotActivated } from "@/components/devices/not-activated";
import { Kiosk } from "@/components/kiosk/kiosk";
import { kioskLabels } from "@/components/kiosk/labels";
import { getDeviceActor } from "@/lib/auth/device-session";
import { requireOfficeById, toOfficeDTO } from "@/lib/dal/offices";
import { getTranslator } from "@/lib/i18n/server";
import "./slip-print.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Check-in mandiri", robots: { index: false, follow: false } };

/** The self check-in kiosk: scan or type the reference, type the NIK, get a queue number and a slip. */
export default async function KioskPage() {
  const [t, actor] = await Promise.all([getTranslator(), getDeviceActor("kiosk.check_in")]);
  if (!actor) return <NotActivated t={t} linkFailed={false} />;
  const office = toOfficeDTO(await requireOfficeById(actor.officeId));
  return (
    <div className="min-h-dvh bg-white px-8 py-6">
      <header className="mb-8 flex items-center justify-between border-b-4 border-brand-600 pb-4 print:hidden">
        <h1 className="text-5xl font-bold">{t("devices.kiosk.title")}</h1>
        <p className="text-2xl font-semibold text-muted">{office.shortName}</p>
      </header>
      <main>
        <Kiosk labels={kioskLabels(t)} locale={t.locale} />
      </main>
    </div>
  );
}
