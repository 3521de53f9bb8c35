import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findSharedConfirmation } from "@/lib/dal/public-booking";
import { getPageTranslator } from "@/lib/i18n/server";
import { ConfirmationView } from "../confirmation-view";

type Props = { params: Promise<{ locale: string; reference: string }> };

/**
 * The confirmation as everyone who holds the reference sees it (shortened name, masked NIK, no manage
 * buttons), cached per reference and language and never more than a second behind the database (see
 * app/[locale]/layout.tsx). Only proxy.ts reaches it, for references and addresses it may serve from the
 * cache (lib/public-confirmations.ts); the address a visitor types, /booking/…/shared-view, is a 404.
 */
export const revalidate = 1;

export function generateStaticParams() {
  return [];
}

export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function SharedConfirmationPage({ params }: Props) {
  const { locale, reference } = await params;
  const t = getPageTranslator(locale);
  const confirmation = await findSharedConfirmation({ reference }, { locale: t.locale });
  if (!confirmation) notFound();
  return <ConfirmationView confirmation={confirmation} t={t} />;
}
