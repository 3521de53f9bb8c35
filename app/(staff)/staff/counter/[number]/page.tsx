import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/queue/auto-refresh";
import { CounterPanel, type CurrentCitizen } from "@/components/queue/counter-panel";
import { requireStaffPage } from "@/lib/auth/session";
import { getCounterView } from "@/lib/dal/queue/counters";
import { isAppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("pageTitle.counter") };
}

type Props = { params: Promise<{ number: string }> };

/** One counter's screen: call next, the citizen at the counter and what can be done with them. */
export default async function CounterPage({ params }: Props) {
  const actor = await requireStaffPage("queue.operate");
  const [{ number }, t] = await Promise.all([params, getTranslator()]);
  if (!/^\d{1,3}$/.test(number)) notFound();
  const view = await getCounterView(actor, { counterNumber: Number(number) }, { locale: t.locale }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const open: CurrentCitizen[] = view.open.flatMap((c) =>
    c.status === "called" || c.status === "serving"
      ? [
          {
            reference: c.reference,
            queueNumber: c.queueNumber,
            service: c.service.name,
            name: c.name,
            nikMasked: c.nikMasked,
            priority: c.isPriority ? (c.priorityReason ?? "badge") : null,
            status: c.status,
            callCount: c.callCount,
          },
        ]
      : [],
  );

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <AutoRefresh seconds={15} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold">{view.counter.name}</h1>
        <p className="text-xl" role="status">
          {t("counter.waiting", { count: view.waiting })}
        </p>
      </div>
      <p className="text-sm text-muted">{view.counter.services.map((s) => s.name).join(", ")}</p>
      <CounterPanel
        counter={view.counter.number}
        open={open}
        noShowAfterCalls={view.noShowAfterCalls}
        targets={{
          counters: view.otherCounters.map((o) => ({ value: `counter:${o.number}`, label: o.name })),
          services: view.services.map((s) => ({ value: `service:${s.slug}`, label: s.name })),
        }}
      />
    </div>
  );
}
