import type { ReactNode } from "react";
import type { QueueEntryDTO } from "@/lib/dal/queue/entry-dto";
import { localTime } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translate";
import { CHANNEL_LABEL, PRIORITY_LABEL } from "@/lib/queue-labels";

function PriorityBadge({ entry, t }: { entry: Pick<QueueEntryDTO, "isPriority" | "priorityReason">; t: Translator }) {
  if (!entry.isPriority) return null;
  const reason = entry.priorityReason ? ` · ${t(PRIORITY_LABEL[entry.priorityReason])}` : "";
  return (
    <span className="inline-block rounded bg-amber-200 px-2 py-0.5 text-sm font-semibold text-amber-950">
      {t("queue.priority.badge")}
      {reason}
    </span>
  );
}

/** The day's bookings of one status in one session; `actions` adds a last column (e.g. a supervisor's cancel). */
export function EntryTable({
  caption,
  entries,
  timezone,
  t,
  actions,
}: {
  caption: string;
  entries: QueueEntryDTO[];
  timezone: string;
  t: Translator;
  actions?: (entry: QueueEntryDTO) => ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="py-2 text-left text-lg font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300 text-sm">
            <th scope="col" className="p-2">{t("today.col.number")}</th>
            <th scope="col" className="p-2">{t("today.col.reference")}</th>
            <th scope="col" className="p-2">{t("today.col.name")}</th>
            <th scope="col" className="p-2">{t("today.col.nik")}</th>
            <th scope="col" className="p-2">{t("today.col.service")}</th>
            <th scope="col" className="p-2">{t("today.col.channel")}</th>
            <th scope="col" className="p-2">{t("today.col.checkedIn")}</th>
            <th scope="col" className="p-2">{t("today.col.counter")}</th>
            {actions ? <th scope="col" className="p-2">{t("today.col.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.reference} className="border-b border-slate-200 align-top">
              <th scope="row" className="p-2 text-lg font-bold">
                {entry.queueNumber} <PriorityBadge entry={entry} t={t} />
              </th>
              <td className="p-2 font-mono">{entry.referenceDisplay}</td>
              <td className="p-2">{entry.name ?? "—"}</td>
              <td className="p-2 font-mono">{entry.nikMasked}</td>
              <td className="p-2">{entry.service.name}</td>
              <td className="p-2">{t(CHANNEL_LABEL[entry.channel])}</td>
              <td className="p-2">{entry.checkedInAt ? localTime(new Date(entry.checkedInAt), timezone) : "—"}</td>
              <td className="p-2">{entry.counter ? entry.counter.name : "—"}</td>
              {actions ? <td className="p-2">{actions(entry)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
