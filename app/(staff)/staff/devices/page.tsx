import type { Metadata } from "next";
import { CreateDeviceForm } from "@/components/devices/create-device-form";
import { DeviceActions } from "@/components/devices/device-actions";
import { formatInstant } from "@/components/staff/users/staff-labels";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { listDevices } from "@/lib/dal/devices";
import { requireOfficeById } from "@/lib/dal/offices";
import { getTranslator } from "@/lib/i18n/server";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.devices") };
}

/** Admins register the waiting-room TVs and kiosks, hand out their one-time links, and revoke them. */
export default async function DevicesPage() {
  const actor = await requireStaffPage("devices.manage");
  const [t, devices, office] = await Promise.all([getTranslator(), listDevices(actor), requireOfficeById(actor.officeId)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("devices.admin.title")}</h1>
      <p>{t("devices.admin.intro")}</p>
      <Card>
        <h2 className="mb-4 text-xl font-bold">{t("devices.admin.createTitle")}</h2>
        <CreateDeviceForm />
      </Card>
      <Card className="overflow-x-auto">
        <h2 className="mb-4 text-xl font-bold">{t("devices.admin.listTitle")}</h2>
        {devices.length === 0 ? (
          <p>{t("devices.admin.empty")}</p>
        ) : (
          <DataTable
            caption={t("devices.admin.listTitle")}
            alignTop
            rows={devices}
            rowKey={(d) => d.id}
            columns={[
              { header: t("devices.admin.col.name"), rowHeader: true, className: "font-semibold", cell: (d) => d.name },
              { header: t("devices.admin.col.kind"), cell: (d) => t(`devices.admin.kind.${d.kind}`) },
              { header: t("devices.admin.col.lastSeen"), cell: (d) => (d.lastSeenAt ? formatInstant(new Date(d.lastSeenAt), t, office.timezone) : t("devices.admin.never")) },
              {
                header: t("devices.admin.col.status"),
                cell: (d) =>
                  d.revokedAt ? (
                    <strong className="text-red-800">{t("devices.admin.revokedAt", { date: formatInstant(new Date(d.revokedAt), t, office.timezone) })}</strong>
                  ) : (
                    t("devices.admin.active")
                  ),
              },
              {
                header: t("devices.admin.col.actions"),
                cell: (d) =>
                  d.revokedAt ? null : (
                    <DeviceActions deviceId={d.id} name={d.name} />
                  ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
