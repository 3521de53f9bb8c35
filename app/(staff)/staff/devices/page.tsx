import type { Metadata } from "next";
import { CreateDeviceForm } from "@/components/devices/create-device-form";
import { DeviceActions } from "@/components/devices/device-actions";
import { formatInstant } from "@/components/staff/users/staff-labels";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { listDevices } from "@/lib/dal/devices";
import { requireOfficeById } from "@/lib/dal/offices";
import { getTranslator } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Perangkat" };

/** Admins register the waiting-room TVs and kiosks, hand out their one-time links, and revoke them. */
export default async function DevicesPage() {
  const actor = await requireStaffPage("devices.manage");
  const [t, devices, office] = await Promise.all([getTranslator(), listDevices(actor), requireOfficeById(actor.officeId)]);
  const link = { title: t("devices.admin.linkTitle"), body: t("devices.admin.linkBody"), qr: t("devices.admin.linkQr") };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("devices.admin.title")}</h1>
      <p>{t("devices.admin.intro")}</p>
      <Card>
        <h2 className="mb-4 text-xl font-bold">{t("devices.admin.createTitle")}</h2>
        <CreateDeviceForm
          labels={{
            kind: t("devices.admin.kind"),
            kindDisplay: t("devices.admin.kind.display"),
            kindKiosk: t("devices.admin.kind.kiosk"),
            name: t("devices.admin.name"),
            nameHint: t("devices.admin.nameHint"),
            submit: t("devices.admin.create"),
            link,
          }}
        />
      </Card>
      <Card className="overflow-x-auto">
        <h2 className="mb-4 text-xl font-bold">{t("devices.admin.listTitle")}</h2>
        {devices.length === 0 ? (
          <p>{t("devices.admin.empty")}</p>
        ) : (
          <table className="w-full text-left">
            <caption className="sr-only">{t("devices.admin.listTitle")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("devices.admin.col.name")}</th>
                <th scope="col" className="py-2 pr-4">{t("devices.admin.col.kind")}</th>
                <th scope="col" className="py-2 pr-4">{t("devices.admin.col.lastSeen")}</th>
                <th scope="col" className="py-2 pr-4">{t("devices.admin.col.status")}</th>
                <th scope="col" className="py-2 pr-4">{t("devices.admin.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-4 font-semibold">{d.name}</th>
                  <td className="py-2 pr-4">{t(`devices.admin.kind.${d.kind}`)}</td>
                  <td className="py-2 pr-4">{d.lastSeenAt ? formatInstant(new Date(d.lastSeenAt), t, office.timezone) : t("devices.admin.never")}</td>
                  <td className="py-2 pr-4">
                    {d.revokedAt ? (
                      <strong className="text-red-800">{t("devices.admin.revokedAt", { date: formatInstant(new Date(d.revokedAt), t, office.timezone) })}</strong>
                    ) : (
                      t("devices.admin.active")
                    )}
                  </td>
                  <td className="py-2 pr-4">
                    {d.revokedAt ? null : (
                      <DeviceActions
                        deviceId={d.id}
                        labels={{
                          reissue: t("devices.admin.reissue"),
                          reissueLabel: t("devices.admin.reissueLabel", { name: d.name }),
                          revoke: t("devices.admin.revoke"),
                          revokeLabel: t("devices.admin.revokeLabel", { name: d.name }),
                          revokeConfirm: t("devices.admin.revokeConfirm", { name: d.name }),
                          link,
                        }}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
