/**
 * Backtest of the live wait estimate (lib/queue-wait.ts, the functions the API uses) over generated office
 * days: arrivals through the day, 10 % priority, three services with their own log-normal service times,
 * four counters serving different subsets, one opening late and one closing early. At each check-in the
 * estimate is taken as the page would show it; the real wait is when a counter then calls that citizen.
 * Reports how often the real wait fell inside the shown range and the median error (against the midpoint).
 */
import { countAhead, estimateWait, serviceTimeFrom, type CounterRow, type WaitingRow } from "@/lib/queue-wait";

type Service = { id: string; median: number; sigma: number; share: number };
const SERVICES: Service[] = [
  { id: "ktp", median: 8, sigma: 0.45, share: 0.45 },
  { id: "kk", median: 12, sigma: 0.5, share: 0.35 },
  { id: "kia", median: 6, sigma: 0.4, share: 0.2 },
];
/** Minutes after 08:00 each counter is open. */
const COUNTERS: (CounterRow & { opens: number; closes: number })[] = [
  { id: "c1", isActive: true, serviceIds: ["ktp", "kk", "kia"], opens: 0, closes: 420 },
  { id: "c2", isActive: true, serviceIds: ["ktp", "kk", "kia"], opens: 0, closes: 420 },
  { id: "c3", isActive: true, serviceIds: ["ktp"], opens: 60, closes: 420 },
  { id: "c4", isActive: true, serviceIds: ["kk", "kia"], opens: 0, closes: 240 },
];
const DAYS = Number(process.env.BENCH_DAYS || 30);
const ARRIVALS_PER_HOUR = Number(process.env.BENCH_ARRIVALS || 26);
const ARRIVAL_MINUTES = 300;
const STEP = 0.25;

let seed = Number(process.env.BENCH_SEED || 13);
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const pickService = () => {
  let r = random();
  for (const s of SERVICES) if ((r -= s.share) < 0) return s;
  return SERVICES[0]!;
};

type Person = WaitingRow & { priority: boolean; arrival: number; low: number; high: number; calledAt?: number };

function simulateDay(history: Map<string, number[]>) {
  const arrivals: Person[] = [];
  for (let t = 0, n = 0; ; n++) {
    t += (-Math.log(1 - random()) * 60) / ARRIVALS_PER_HOUR;
    if (t > ARRIVAL_MINUTES) break;
    arrivals.push({ id: `p${n}`, serviceId: pickService().id, counterId: null, priority: random() < 0.1, arrival: t, low: 0, high: 0 });
  }
  const today = new Map<string, number[]>();
  const busyUntil = new Map<string, number>();
  const waiting: Person[] = [];
  let next = 0;
  for (let t = 0; t < 720 && (next < arrivals.length || waiting.length > 0); t += STEP) {
    const counters = COUNTERS.map((c) => ({ ...c, isActive: t >= c.opens && t < c.closes }));
    // Counters free now call first, in the fair order (priority, then arrival), as call-next does.
    for (const c of counters) {
      if (!c.isActive || (busyUntil.get(c.id) ?? 0) > t) continue;
      const i = waiting.findIndex((p) => c.serviceIds.includes(p.serviceId));
      if (i === -1) continue;
      const [p] = waiting.splice(i, 1);
      p!.calledAt = t;
      const s = SERVICES.find((x) => x.id === p!.serviceId)!;
      const duration = s.median * Math.exp(s.sigma * normal());
      busyUntil.set(c.id, t + duration);
      const list = today.get(s.id) ?? [];
      list.push(duration);
      today.set(s.id, list);
    }
    while (next < arrivals.length && arrivals[next]!.arrival <= t) {
      const p = arrivals[next++]!;
      const at = p.priority ? waiting.findIndex((w) => !w.priority) : -1;
      waiting.splice(at === -1 ? waiting.length : at, 0, p);
      const position = countAhead(waiting, p.id, counters)!;
      const time = (id: string) => serviceTimeFrom(today.get(id) ?? [], history.get(id) ?? []);
      const eta = estimateWait(position.ahead.map((r) => time(r.serviceId)), time(p.serviceId), position.counters.filter((c) => c.isActive).length);
      p.low = eta.low;
      p.high = eta.high;
    }
  }
  return { people: arrivals.filter((p) => p.calledAt !== undefined), today };
}

const history = new Map<string, number[]>();
const recent: Map<string, number[]>[] = [];
let inside = 0;
let total = 0;
const errors: number[] = [];
const waits: number[] = [];
for (let day = 0; day < DAYS; day++) {
  const { people, today } = simulateDay(history);
  for (const p of people) {
    const wait = p.calledAt! - p.arrival;
    total++;
    waits.push(wait);
    if (wait >= p.low - STEP && wait <= p.high + STEP) inside++;
    errors.push(Math.abs(wait - (p.low + p.high) / 2));
  }
  recent.push(today);
  if (recent.length > 14) recent.shift();
  history.clear();
  for (const d of recent) for (const [k, v] of d) history.set(k, [...(history.get(k) ?? []), ...v]);
}
errors.sort((a, b) => a - b);
const pct = (q: number) => errors[Math.floor((errors.length - 1) * q)]!;
console.log(`waiting backtest: ${DAYS} generated days, ${total} citizens, ${ARRIVALS_PER_HOUR}/h arriving, 4 counters (one opens late, one closes early)`);
waits.sort((a, b) => a - b);
console.log(`  real waits: median ${waits[Math.floor(waits.length / 2)]!.toFixed(1)} min, p90 ${waits[Math.floor(waits.length * 0.9)]!.toFixed(1)} min`);
console.log(`  real wait inside the shown range: ${((100 * inside) / total).toFixed(1)} %`);
console.log(`  error against the range's midpoint: median ${pct(0.5).toFixed(1)} min, p90 ${pct(0.9).toFixed(1)} min`);
