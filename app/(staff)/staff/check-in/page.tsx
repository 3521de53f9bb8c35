import type { Metadata } from "next";
import { CheckInForm } from "@/components/queue/check-in-form";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { PRIORITY_LABEL } from "@/lib/queue-labels";
import { PRIORITY_REASONS } from "@/lib/validation/queue";

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
        <CheckInForm
          text={{
            reference: t("checkIn.reference"),
            referenceHint: t("checkIn.referenceHint"),
            nik: t("checkIn.nik"),
            nikHint: t("checkIn.nikHint"),
            submit: t("checkIn.submit"),
            pending: t("checkIn.pending"),
            camera: { start: t("checkIn.camera.start"), stop: t("checkIn.camera.stop"), video: t("checkIn.camera.video"), failed: t("checkIn.camera.failed") },
            result: {
              heading: t("checkIn.result.heading"),
              queueNumber: t("checkIn.result.queueNumber"),
              name: t("checkIn.result.name"),
              nik: t("checkIn.result.nik"),
              service: t("checkIn.result.service"),
              session: t("checkIn.result.session"),
              status: t("checkIn.result.status"),
              reference: t("checkIn.result.reference"),
              priority: t("queue.priority.badge"),
              priorityReason: t("checkIn.priorityReason"),
              priorityOptions: PRIORITY_REASONS.map((value) => ({ value, label: t(PRIORITY_LABEL[value]) })),
              prioritySubmit: t("checkIn.prioritySubmit"),
            },
          }}
        />
      </Card>
    </div>
  );
}
