import { useT } from "@/components/i18n/translation-provider";
import { SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { PRIORITY_LABEL, STATUS_LABEL } from "@/lib/queue-labels";
import type { CurrentCitizen } from "./counter-panel";

/**
 * One citizen at the counter and what can be done with them. Rendered inside the counter panel's client
 * component and bound to its single action, so it needs no state of its own.
 */
export function CounterCitizen({
  citizen,
  counter,
  action,
  pending,
  noShowAfterCalls,
  targets,
}: {
  citizen: CurrentCitizen;
  counter: number;
  action: (formData: FormData) => void;
  pending: boolean;
  noShowAfterCalls: number;
  targets: { counters: { value: string; label: string }[]; services: { value: string; label: string }[] };
}) {
  const t = useT();
  const big = "min-h-16 text-lg";
  const id = citizen.reference;
  return (
    <form action={action} aria-label={citizen.queueNumber} className="space-y-4 border-t border-slate-200 pt-4 first:border-0 first:pt-0">
      <input type="hidden" name="counter" value={counter} />
      <input type="hidden" name="reference" value={citizen.reference} />
      <p className="text-6xl font-bold tracking-wider">{citizen.queueNumber}</p>
      <p className="font-semibold">
        {t(STATUS_LABEL[citizen.status])}
        {citizen.priority ? <span className="ml-2 rounded bg-amber-200 px-2 py-0.5">{t(citizen.priority === "badge" ? "queue.priority.badge" : PRIORITY_LABEL[citizen.priority])}</span> : null}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t("counter.service")}</dt>
        <dd>{citizen.service}</dd>
        <dt className="font-semibold">{t("counter.name")}</dt>
        <dd>{citizen.name ?? "—"}</dd>
        <dt className="font-semibold">{t("counter.nik")}</dt>
        <dd className="font-mono">{citizen.nikMasked}</dd>
        <dt className="font-semibold">{t("counter.calls")}</dt>
        <dd>{citizen.callCount}</dd>
      </dl>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {citizen.status === "called" ? (
          <>
            <Button type="submit" name="intent" value="start" disabled={pending} className={big}>
              {t("counter.start")}
            </Button>
            <Button type="submit" name="intent" value="recall" variant="secondary" disabled={pending} className={big}>
              {t("counter.recall")}
            </Button>
            <div className="flex flex-col gap-1 sm:col-span-2">
              <Button
                type="submit"
                name="intent"
                value="no_show"
                variant="danger"
                disabled={pending || citizen.callCount < noShowAfterCalls}
                aria-describedby={`no-show-hint-${id}`}
                className={big}
              >
                {t("counter.noShow")}
              </Button>
              <p id={`no-show-hint-${id}`} className="text-sm text-muted">
                {t("counter.noShowHint", { calls: noShowAfterCalls })}
              </p>
            </div>
          </>
        ) : (
          <Button type="submit" name="intent" value="finish" disabled={pending} className={`${big} sm:col-span-2`}>
            {t("counter.finish")}
          </Button>
        )}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <SelectField id={`transfer-target-${id}`} name="target" label={t("counter.transferTo")}>
          <optgroup label={t("counter.counters")}>
            {targets.counters.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("counter.services")}>
            {targets.services.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        </SelectField>
        <Button type="submit" name="intent" value="transfer" variant="secondary" disabled={pending}>
          {t("counter.transfer")}
        </Button>
      </div>
    </form>
  );
}
