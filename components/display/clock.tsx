"use client";

import { useEffect, useState } from "react";

/** The office's date and a ticking clock, in the office's time zone whatever the TV's own setting. */
export function Clock({ timeZone, locale, initial }: { timeZone: string; locale: string; initial: string }) {
  const [now, setNow] = useState(() => new Date(initial));
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const date = new Intl.DateTimeFormat(locale, { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(now);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
    .format(now)
    .replace(/\./g, ":");
  return (
    <div className="shrink-0 text-right leading-tight whitespace-nowrap">
      <p className="text-[length:min(1.8vw,3.2vh)] font-semibold" suppressHydrationWarning>
        {date}
      </p>
      <p className="text-[length:min(3.4vw,6vh)] font-bold tabular-nums" suppressHydrationWarning>
        <time dateTime={now.toISOString()} suppressHydrationWarning>
          {time}
        </time>
      </p>
    </div>
  );
}
