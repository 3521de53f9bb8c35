import type { Metadata } from "next";
import { CreateApiKeyForm, RevokeApiKeyForm } from "@/components/api-keys/api-key-forms";
import { formatInstant } from "@/components/staff/users/staff-labels";
import { Card } from "@/components/ui/card";
import { API_KEY_SCOPES } from "@/db/schema/api-keys";
import { requireStaffPage } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/dal/api-keys";
import { requireOfficeById } from "@/lib/dal/offices";
import { getTranslator } from "@/lib/i18n/server";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.apiKeys") };
}

/** Admins issue keys for integrations (shown once) and revoke them. */
export default async function ApiKeysPage() {
  const actor = await requireStaffPage("api_keys.manage");
  const [t, keys, office] = await Promise.all([getTranslator(), listApiKeys(actor), requireOfficeById(actor.officeId)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("apiKeys.title")}</h1>
      <p>{t("apiKeys.intro")}</p>
      <Card>
        <CreateApiKeyForm scopes={API_KEY_SCOPES} />
      </Card>
      <Card className="overflow-x-auto">
        <h2 className="mb-4 text-xl font-bold">{t("apiKeys.list")}</h2>
        {keys.length === 0 ? (
          <p>{t("apiKeys.none")}</p>
        ) : (
          <DataTable
            caption={t("apiKeys.list")}
            className="text-sm"
            rows={keys}
            rowKey={(k) => k.id}
            columns={[
              { header: t("apiKeys.name"), rowHeader: true, cell: (k) => k.name },
              { header: t("apiKeys.prefix"), className: "font-mono", cell: (k) => `${k.prefix}…` },
              { header: t("apiKeys.scopes"), cell: (k) => k.scopes.join(", ") },
              { header: t("apiKeys.lastUsed"), cell: (k) => (k.lastUsedAt ? formatInstant(new Date(k.lastUsedAt), t, office.timezone) : t("apiKeys.never")) },
              {
                header: t("apiKeys.revoke"),
                srOnlyHeader: true,
                cell: (k) => (k.revokedAt ? t("apiKeys.revoked") : <RevokeApiKeyForm apiKeyId={k.id} name={k.name} />),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
