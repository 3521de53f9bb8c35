import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";

type Option = { value: string; label: string };
type Text = { from: string; to: string; groupBy: string; groups: Option[]; show: string; label: string; place?: string };

/** A GET form: the report's address is its query, so it can be bookmarked, shared and works without JS. */
export function ReportFilters(props: { from: string; to: string; groupBy: string; chart: string; text: Text; office?: string; places?: Option[] }) {
  const { from, to, groupBy, chart, text, office, places = [] } = props;
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label={text.label}>
      {/* Only staff allowed on several places (the organisation's admins) get a choice. */}
      {places.length > 1 ? <SelectField label={text.place ?? ""} name="office" defaultValue={office} options={places} /> : null}
      <Field label={text.from} name="from" type="date" defaultValue={from} required />
      <Field label={text.to} name="to" type="date" defaultValue={to} required />
      <SelectField label={text.groupBy} name="groupBy" defaultValue={groupBy} options={text.groups} />
      <input type="hidden" name="chart" value={chart} />
      <Button type="submit">{text.show}</Button>
    </form>
  );
}
