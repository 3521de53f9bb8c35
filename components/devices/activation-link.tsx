import { useT } from "@/components/i18n/translation-provider";
import type { DeviceFormState } from "@/lib/actions/devices";

/** The one-time link, as text to copy and as a QR code for a tablet kiosk's camera. Shown once. */
export function ActivationLink({ link }: { link: NonNullable<DeviceFormState["link"]> }) {
  const t = useT();
  const title = t("devices.admin.linkTitle", { name: link.device.name });
  return (
    <div role="status" className="flex flex-col gap-3 rounded-lg border-l-4 border-green-700 bg-green-50 p-4">
      <p className="font-bold">{title}</p>
      <p>{t("devices.admin.linkBody")}</p>
      <input
        readOnly
        value={link.url}
        aria-label={title}
        onFocus={(e) => e.currentTarget.select()}
        className="min-h-12 w-full rounded-lg border-2 border-slate-400 bg-white px-3 font-mono text-sm"
      />
      <div role="img" aria-label={t("devices.admin.linkQr")} className="size-48 bg-white [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: link.qrSvg }} />
    </div>
  );
}
