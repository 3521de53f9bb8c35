import { LiveQueue } from "@/components/booking/live-queue";
import { TranslationProvider } from "@/components/i18n/translation-provider";
import { Card } from "@/components/ui/card";
import { getQueueStatus } from "@/lib/dal/queue/position";
import { clientMessages } from "@/lib/i18n/client-messages";
import type { Translator } from "@/lib/i18n/translate";

const IN_QUEUE = ["booked", "checked_in", "called", "serving"];

/**
 * The live queue on the booking page: on the day what to do, the position, the wait and the call; before the
 * day the session's typical wait. Live over SSE with JavaScript; without it a refresh link and a meta refresh,
 * more often as the turn nears, and only while the visit is today and under way.
 */
export async function LiveStatus({ reference, t }: { reference: string; t: Translator }) {
  const view = await getQueueStatus({ reference }).catch(() => null);
  if (!view) return null;
  const { status } = view;
  const live = view.isToday && IN_QUEUE.includes(status.status);
  const shown = live || (view.isToday && ["done", "no_show"].includes(status.status)) || (!view.isToday && status.status === "booked" && status.etaMinutes);
  if (!shown) return null;
  const soon = status.status === "called" || (status.status === "checked_in" && (status.ahead ?? Infinity) <= view.nearTurnAhead);
  const refreshSeconds = soon ? 15 : status.status === "booked" ? 60 : 30;
  return (
    <Card aria-labelledby="live" className="border-2 border-brand-600">
      {live ? (
        <noscript>
          <meta httpEquiv="refresh" content={String(refreshSeconds)} />
        </noscript>
      ) : null}
      <h2 id="live" className="mb-3 text-xl font-bold">
        {view.isToday ? t("live.title") : t("live.typicalTitle")}
      </h2>
      <TranslationProvider locale={t.locale} messages={clientMessages(t.locale, "liveQueue")}>
        <LiveQueue
          reference={view.reference}
          initial={status}
          callCount={view.callCount}
          noShowAfterCalls={view.noShowAfterCalls}
          nearTurnAhead={view.nearTurnAhead}
          checkInOpensAt={view.checkInOpensAt}
          isToday={view.isToday}
          live={live}
        />
      </TranslationProvider>
      {live ? (
        <a href={`/booking/${view.reference}`} className="mt-3 inline-flex min-h-12 items-center font-semibold" data-testid="live-refresh">
          {t("live.refresh")}
        </a>
      ) : null}
    </Card>
  );
}
