import type { Metadata } from "next";
import { CheckInForm } from "@/components/queue/check-in-form";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.checkIn") };
}

/** The check-in desk: scan or type the reference, type the NIK from the KTP. */
export default async function CheckInPage() {
  await requireStaffPage("booking.check_in");
  const t = await getTranslator();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("checkIn.title")}</h1>
      <p>{t("checkIn.intro")}</p>
      <Card>
        <CheckInForm />
      </Card>
    </div>
  );
}
