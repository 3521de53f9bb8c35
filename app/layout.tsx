import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Antrean — Disdukcapil", template: "%s · Antrean" },
  description: "Booking antrean online layanan administrasi kependudukan (KTP-el, KK, KIA, akta, pindah).",
  applicationName: "Antrean",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0a5aa8",
};

/**
 * A pass-through: each section's layout renders <html> with its own language (components/layout/
 * html-document.tsx). The citizen pages live under app/[locale]/ so their language comes from the path
 * (proxy.ts rewrites to it from the language cookie) and they can be cached; a root layout that read the
 * cookie would make every page rendered per request.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
