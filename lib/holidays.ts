import Holidays from "date-holidays";

/** Indonesian public holidays from date-holidays, one row per date; a few Indonesian names corrected. */
export function nationalHolidays(years: number[]): { date: string; nameId: string; nameEn: string }[] {
  const byDate = new Map<string, { date: string; nameId: string; nameEn: string }>();
  const hdId = new Holidays("ID", { languages: ["id"] });
  const hdEn = new Holidays("ID", { languages: ["en"] });
  for (const year of years) {
    const english = hdEn.getHolidays(year, "en");
    for (const [i, h] of hdId.getHolidays(year, "id").entries()) {
      if (h.type !== "public") continue;
      const date = h.date.slice(0, 10);
      const nameEn = english[i]?.name ?? h.name;
      const nameId = nameEn === "Laylat al-Mi'raj" ? "Isra Mi'raj Nabi Muhammad" : h.name;
      const previous = byDate.get(date);
      byDate.set(date, previous ? { date, nameId: `${previous.nameId}; ${nameId}`, nameEn: `${previous.nameEn}; ${nameEn}` } : { date, nameId, nameEn });
    }
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
