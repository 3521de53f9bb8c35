import type { DeviceFormState } from "@/lib/actions/devices";

export type ActivationLinkLabels = { title: string; body: string; qr: string };

/** The one-time link, as text to copy and as a QR code for a tablet kiosk's camera. Shown once. */
export function ActivationLink({ link, labels }: { link: NonNullable<DeviceFormState["link"]>; labels: ActivationLinkLabels }) {
  return (
    <div role="status" className="flex flex-col gap-3 rounded-lg border-l-4 border-green-700 bg-green-50 p-4">
      <p className="font-bold">{labels.title.replace("{name}", link.device.name)}</p>
      <p>{labels.body}</p>
      <input
        readOnly
        value={link.url}
        aria-label={labels.title.replace("{name}", link.device.name)}
        onFocus={(e) => e.currentTarget.select()}
        className="min-h-12 w-full rounded-lg border-2 border-slate-400 bg-white px-3 font-mono text-sm"
      />
      <div role="img" aria-label={labels.qr} className="size-48 bg-white [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: link.qrSvg }} />
    </div>
  );
}
