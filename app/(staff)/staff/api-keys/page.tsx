import type { Metadata } from "next";
import { CreateApiKeyForm, RevokeApiKeyForm } from "@/components/api-keys/api-key-forms";
import { formatInstant } from "@/components/staff/users/staff-labels";
import { Card } from "@/components/ui/card";
import { API_KEY_SCOPES } from "@/db/schema/api-keys";
import { requireStaffPage } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/dal/api-keys";
import { requireOfficeById } from "@/lib/dal/offices";
import { getTranslator } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Kunci API" };

/** Admins issue keys for integrations (shown once) and revoke them. */
export default async function ApiKeysPage() {
  const actor = await requireStaffPage("api_keys.manage");
  const [t, keys, office] = await Promise.all([getTranslator(), listApiKeys(actor), requireOfficeById(actor.officeId)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("apiKeys.title")}</h1>
      <p>{t("apiKeys.intro")}</p>
      <Card>
        <CreateApiKeyForm
          text={{
            name: t("apiKeys.name"),
            nameHint: t("apiKeys.nameHint"),
            scopes: t("apiKeys.scopes"),
            scopeLabels: API_KEY_SCOPES.map((s) => ({ value: s, label: t(`apiKeys.scope.${s}`) })),
            submit: t("apiKeys.create"),
            created: t("apiKeys.created"),
          }}
        />
      </Card>
      <Card className="overflow-x-auto">
        <h2 className="mb-4 text-xl font-bold">{t("apiKeys.list")}</h2>
        {keys.length === 0 ? (
          <p>{t("apiKeys.none")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("apiKeys.list")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("apiKeys.name")}</th>
                <th scope="col" className="py-2 pr-4">{t("apiKeys.prefix")}</th>
                <th scope="col" className="py-2 pr-4">{t("apiKeys.scopes")}</th>
                <th scope="col" className="py-2 pr-4">{t("apiKeys.lastUsed")}</th>
                <th scope="col" className="py-2 pr-4"><span className="sr-only">{t("apiKeys.revoke")}</span></th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4">{k.name}</th>
                  <td className="py-2 pr-4 font-mono">{k.prefix}…</td>
                  <td className="py-2 pr-4">{k.scopes.join(", ")}</td>
                  <td className="py-2 pr-4">{k.lastUsedAt ? formatInstant(new Date(k.lastUsedAt), t, office.timezone) : t("apiKeys.never")}</td>
                  <td className="py-2 pr-4">
                    {k.revokedAt ? t("apiKeys.revoked") : <RevokeApiKeyForm apiKeyId={k.id} label={t("apiKeys.revoke")} ariaLabel={t("apiKeys.revokeLabel", { name: k.name })} />}
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
