import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/staff/login-form";
import { Card } from "@/components/ui/card";
import { getStaffActor } from "@/lib/auth/session";
import { staffReturnPath } from "@/lib/auth/staff-paths";
import { getTranslator } from "@/lib/i18n/server";
import type { Translator } from "@/lib/i18n/translate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.login") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The one notice carried in the address: "you have signed out". Login errors are the form's own state. */
function noticeFrom(params: Record<string, string | string[] | undefined>, t: Translator) {
  return params.signedOut ? { tone: "info" as const, text: t("staff.login.signedOut") } : undefined;
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
      />
    </Card>
  );
}
