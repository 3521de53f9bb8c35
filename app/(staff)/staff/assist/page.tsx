import type { Metadata } from "next";
import { AssistForm } from "@/components/queue/assist-form";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { requireStaffPage } from "@/lib/auth/session";
import { getAssistOptions } from "@/lib/dal/queue/assist-options";
import { formatDate } from "@/lib/format";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.assist") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Booking for a citizen who cannot book online. Step 1 (a GET form) picks the service and date, so the
 * sessions with places left can be listed without JavaScript; step 2 takes the citizen's details.
 */
export default async function AssistPage({ searchParams }: Props) {
  const actor = await requireStaffPage("booking.assist");
  const [t, params] = await Promise.all([getTranslator(), searchParams]);
  const options = await getAssistOptions(actor, { service: first(params.service), date: first(params.date) }, { locale: t.locale, t });
  const day = options.day;

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("assist.title")}</h1>
      <p>{t("assist.intro")}</p>
      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <SelectField
            id="assist-service"
            name="service"
            label={t("assist.service")}
            defaultValue={options.service ?? ""}
            required
            options={[{ value: "", label: t("assist.chooseService") }, ...options.services.map((s) => ({ value: s.slug, label: s.name }))]}
          />
          <Field label={t("assist.date")} name="date" type="date" min={options.today} defaultValue={options.date} />
          <Button type="submit" variant="secondary">
            {t("assist.showSessions")}
          </Button>
        </form>
      </Card>
      {options.service && day ? (
        <Card>
          <h2 className="mb-3 text-xl font-bold">{t("assist.detailsHeading", { date: formatDate(options.date, t.locale) })}</h2>
          {!day.open || day.sessions.length === 0 ? (
            <Alert tone="warning">{day.reason ?? t("assist.noSessions")}</Alert>
          ) : (
            <AssistForm
              service={options.service}
              date={options.date}
              isToday={options.date === options.today}
              sessions={day.sessions.map((s) => ({ id: s.id, label: s.label, remaining: s.remaining, closed: s.reason }))}
              outage={day.outage}
            />
          )}
        </Card>
      ) : null}
    </div>
  );
}
