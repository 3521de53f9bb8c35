import QRCode from "qrcode";

/** The QR code as inline SVG, rendered on the server: no script, prints sharply at any size. */
export async function QrCode({ value, label, size = 200 }: { value: string; label: string; size?: number }) {
  const svg = await QRCode.toString(value, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return (
    <div
      role="img"
      aria-label={label}
      style={{ width: size, height: size }}
      className="shrink-0 [&>svg]:h-full [&>svg]:w-full"
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
