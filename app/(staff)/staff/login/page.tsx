import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/staff/login-form";
import { Card } from "@/components/ui/card";
import { LOCKED_ERROR_PREFIX } from "@/lib/auth/options";
import { getStaffActor } from "@/lib/auth/session";
import { staffReturnPath } from "@/lib/auth/staff-paths";
import { getTranslator } from "@/lib/i18n/server";
import type { Translator } from "@/lib/i18n/translate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.login") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A message carried in the address: after signing out, or from next-auth's own endpoints. */
function noticeFrom(params: Record<string, string | string[] | undefined>, t: Translator) {
  const error = typeof params.error === "string" ? params.error : undefined;
  if (error?.startsWith(LOCKED_ERROR_PREFIX)) {
    const minutes = Number.parseInt(error.slice(LOCKED_ERROR_PREFIX.length), 10);
    return { tone: "error" as const, text: t("error.locked", { minutes: Number.isFinite(minutes) && minutes > 0 ? minutes : 1 }) };
  }
  if (error) return { tone: "error" as const, text: t("staff.login.invalid") };
  if (params.signedOut) return { tone: "info" as const, text: t("staff.login.signedOut") };
  return undefined;
}

export default async function StaffLoginPage({ searchParams }: { searchParams: SearchParams }) {
  const [params, t] = await Promise.all([searchParams, getTranslator()]);
  const next = staffReturnPath(params.next ?? params.callbackUrl);
  if (await getStaffActor()) redirect(next);
  return (
    <Card className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("staff.login.title")}</h1>
      <p>{t("staff.login.intro")}</p>
      <LoginForm
        next={next}
        notice={noticeFrom(params, t)}
        labels={{ email: t("staff.login.email"), password: t("staff.login.password"), submit: t("staff.login.submit"), pending: t("common.loading") }}
      />
    </Card>
  );
}
