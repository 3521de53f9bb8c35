import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";

type Text = { from: string; to: string; groupBy: string; groups: { value: string; label: string }[]; show: string; label: string };

/** A GET form: the report's address is its query, so it can be bookmarked, shared and works without JS. */
export function ReportFilters({ from, to, groupBy, chart, text }: { from: string; to: string; groupBy: string; chart: string; text: Text }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label={text.label}>
      <Field label={text.from} name="from" type="date" defaultValue={from} required />
      <Field label={text.to} name="to" type="date" defaultValue={to} required />
      <SelectField label={text.groupBy} name="groupBy" defaultValue={groupBy} options={text.groups} />
      <input type="hidden" name="chart" value={chart} />
      <Button type="submit">{text.show}</Button>
    </form>
  );
}
