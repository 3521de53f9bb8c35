import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/card";
import { findConfirmationForPage, RATE_LIMITED } from "@/lib/dal/public-booking";
import { getTranslator } from "@/lib/i18n/server";
import { readManageToken } from "@/lib/manage-cookie";
import { requestIp } from "@/lib/request-context";
import { ConfirmationView } from "./confirmation-view";

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ done?: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * The confirmation, per request: for the owner (manage cookie), a first look-up of a reference, an address
 * that missed, or a query (`done`). Everyone else is served the cached shared view (proxy.ts).
 */
export default async function ConfirmationPage({ params, searchParams }: Props) {
  const [{ reference }, { done }, t] = await Promise.all([params, searchParams, getTranslator()]);
  const confirmation = await findConfirmationForPage({ reference, manageToken: await readManageToken(), ip: await requestIp() }, { locale: t.locale });
  if (confirmation === RATE_LIMITED) return <Alert tone="error">{t("error.rateLimited")}</Alert>;
  if (!confirmation) notFound();
  return <ConfirmationView confirmation={confirmation} t={t} done={done} />;
}
