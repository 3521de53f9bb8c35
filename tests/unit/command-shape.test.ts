import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * "One shape for every command" (docs/ARCHITECTURE.md), checked on the source: every server action is a
 * `defineAction`, every data-layer command takes `fn(actor, input, options)`, only `changeBooking` writes a
 * booking's status, the read verbs keep their meaning, and the rate limits the web forms use are not the
 * JSON API's.
 */
const ROOT = path.resolve(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (statSync(path.join(ROOT, relative)).isDirectory()) return files(relative);
    return /\.tsx?$/.test(name) ? [relative] : [];
  });
}

/** The logout and "sign out elsewhere" buttons post no form (the login itself is a defineAction). */
const NOT_YET_DEFINE_ACTION = ["lib/actions/staff-auth.ts"];

/** A `(…)` parameter list's top-level parameters (types may hold commas, braces and arrows). */
function parameters(source: string, open: number): { params: string[]; close: number } {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  let i = open + 1;
  for (; i < source.length; i++) {
    const c = source[i]!;
    const arrow = c === ">" && source[i - 1] === "=";
    if ("([{<".includes(c)) depth++;
    else if (")]}>".includes(c) && !arrow) {
      if (depth === 0) break;
      depth--;
    }
    if (c === "," && depth === 0) {
      out.push(current.trim());
      current = "";
    } else current += c;
  }
  if (current.trim()) out.push(current.trim());
  return { params: out, close: i };
}

type Exported = { file: string; name: string; params: string[]; returns: string };

/** Every exported function of the data layer, with its parameters and declared return type. */
function dataLayerFunctions(): Exported[] {
  return files("lib/dal").flatMap((file) => {
    const source = read(file).replace(/\s+/g, " ");
    return [...source.matchAll(/export (?:async )?function (\w+)(?:<[^(]*>)?\(/g)].map((m) => {
      const open = m.index! + m[0].length - 1;
      const { params, close } = parameters(source, open);
      const returns = source.slice(close + 1).match(/^(?:: ([^{]+?))? \{/)?.[1] ?? "";
      return { file, name: m[1]!, params, returns };
    });
  });
}

/** Those whose first parameter is who acts. */
const actorFunctions = () => dataLayerFunctions().filter((f) => /^_?(?:actor|caller): \w*Actor$/.test(f.params[0] ?? ""));

/** Reads (docs/ARCHITECTURE.md's verbs); everything else that takes an actor is a command. */
const READ_VERB = /^(?:get|find|require|list|lookup|select|load|resolve|is|can)[A-Z]/;

/** The citizen's "cek booking" and its twins: the feature's name, behaving as a get. */
const LOOKUPS = ["lookupBooking", "lookupStandby", "lookupLotteryEntry"];

/** Primitives a command is built from, called inside their caller's transaction; not commands themselves. */
const PRIMITIVES = [
  "applyChange", // the locked booking's update, audit row and event (changeBooking and the call-next picker)
  "changeBookings", // the bulk twin of changeBooking, in the caller's transaction (outages, closures, the sweep)
  "runScheduleChange", // one schedule change's transaction, for the schedule commands
  "checkInArrived", // check-in's body, shared by the desk and the kiosk with their own rules
  "commandOffice", // the office a command acts on
];

/**
 * A read's input: one object (the office it names, a slug, a query), never a loose id, slug, office or clock;
 * its options as a command's (a read needing more than the clock and the language extends them).
 */
const INPUT = /^_?(?:input|query)\??: (?!(?:string|number|boolean|Date|Office|Executor)\b)\S.*?(?: = \{\})?$/;
const READ_OPTIONS = /^_?options: (?:CommandOptions|QueueOptions|CreateBookingOptions)(?: & \{.*\})?(?: = \{\})?$/;

/**
 * Helpers that run inside their caller's transaction and take its executor first, then the actor (an audit
 * row's author, a counter's permission, a schedule change's settlement, a staff row's insert).
 */
const IN_TRANSACTION = ["auditEntryBooking", "requireCounter", "settleBookings", "unsafeInsertStaff"];

/** An in-transaction or query helper: the caller's executor first, then what the caller already holds. */
const EXECUTOR_FIRST = /^_?(?:db|tx|executor): (?:Executor|Transaction)$/;

/**
 * Pure mappers and helpers handed what their caller already read (an office, a service, a booking row) and
 * the caller's clock or language: called inside a command or read that took its options, never by a page.
 */
const POSITIONAL_HELPERS = [
  "serviceName", // a service's name in a language
  "toBookingDTO", // the booking mappers (lib/dal/booking-dto.ts)
  "toQueueEntryDTO",
  "entrySummary", // a standby or lottery entry's page (lib/dal/citizen-entries.ts)
  "entryBookingValues", // the booking an accepted offer or a lottery win becomes
  "statusFromDay", // one booking's live status from a day read once
  "requirePerson", // the NIK's person for a service on a date
  "assertNotPast", // a schedule change's date rule
  "ownedBy", // a citizen's proof for changeBooking
];

/** Actor-less reads and resolvers called by pages, route handlers and the limits: `fn(input, options?)`. */
const ACTORLESS_READS = [
  "getTransparency", "computeTransparency", "listPublicOutages", "getPowChallenge", "findPriorityOffer", "listOpenLotteries",
  "findLotteryEntry", "getOfficeDayStatuses", "getQueueStatus", "findSurveyAccess", "findConfirmation", "findSharedConfirmation",
  "findBookingByReference", "getPublicHome", "findPublicService", "findServiceDTO", "listServices", "activateDevice",
  "resolveDeviceActor", "resolveApiKey", "consumeRateLimit", "consumeRateLimits", "assertUnderRateLimit", "getRateLimitCount",
];

/** `options: CommandOptions` (or a type made of it) with its default: the clock and the language. */
const OPTIONS = /^_?options: (?:CommandOptions|QueueOptions|CreateBookingOptions)(?: & \{.*\})? = \{\}$/;

describe("one shape for every command", () => {
  it("every server action is a defineAction (no exported action function of its own)", () => {
    const actions = files("lib/actions").filter((f) => /^["']use server["']/m.test(read(f)));
    expect(actions.length).toBeGreaterThan(15);
    const ownShape = actions.filter((f) => !NOT_YET_DEFINE_ACTION.includes(f) && /^export (async )?function /m.test(read(f)));
    expect(ownShape).toEqual([]);
    expect(read("lib/actions/locale.ts")).toMatch(/export const setLocaleAction = defineAction\(/);
  });

  it("the option types a command may name are CommandOptions", () => {
    expect(read("lib/dal/queue/change.ts")).toMatch(/export type QueueOptions = CommandOptions;/);
    expect(read("lib/dal/bookings.ts")).toMatch(/export type CreateBookingOptions = CommandOptions & \{/);
  });

  it("every data-layer command takes (actor, input, options), options being CommandOptions", () => {
    const commands = actorFunctions().filter((f) => !READ_VERB.test(f.name) && !PRIMITIVES.includes(f.name));
    // The scan sees them all: the citizen's, the desk's, the admin's and the schedule's commands.
    const names = commands.map((f) => f.name);
    for (const known of ["createBooking", "cancelBooking", "callNext", "saveTemplate", "updateOfficeSettings", "createService", "createForm", "updatePlace", "closeSchedule", "importClosures", "unlockStaffLogin"]) {
      expect(names).toContain(known);
    }
    expect(commands.length).toBeGreaterThan(60);
    const offShape = commands.filter((f) => {
      // A command about the actor alone (logout, "sign out elsewhere") has no input.
      if (f.params.length === 2) return !OPTIONS.test(f.params[1]!);
      // The input is one object, never loose values (an id, a slug, the office the actor already carries).
      return f.params.length !== 3 || /^_?\w+: (?:string|number|boolean)\b/.test(f.params[1]!) || !OPTIONS.test(f.params[2]!);
    });
    expect(offShape.map((f) => `${f.file} ${f.name}(${f.params.join(", ")})`)).toEqual([]);
  });

  it("every data-layer read with an actor takes (actor, input?, options?): the office from the actor or the input, never positional", () => {
    const reads = actorFunctions().filter((f) => READ_VERB.test(f.name) && !PRIMITIVES.includes(f.name));
    const names = reads.map((f) => f.name);
    for (const known of ["listTemplates", "getTemplate", "getOfficeSettings", "listStaff", "getStaffMember", "getAdminService", "listAuditLog", "listOutbox", "getReport", "getDayOverview"]) {
      expect(names).toContain(known);
    }
    expect(reads.length).toBeGreaterThan(30);
    const offShape = reads.filter((f) => {
      if (f.params.length > 3) return true;
      if (f.params.length === 3) return !INPUT.test(f.params[1]!) || !READ_OPTIONS.test(f.params[2]!);
      if (f.params.length === 2) return !INPUT.test(f.params[1]!) && !READ_OPTIONS.test(f.params[1]!);
      return false;
    });
    expect(offShape.map((f) => `${f.file} ${f.name}(${f.params.join(", ")})`)).toEqual([]);
  });

  it("a data-layer function taking an actor takes it first (the in-transaction primitives listed aside)", () => {
    const later = dataLayerFunctions().filter((f) => f.params.slice(1).some((p) => /^_?\w+: \w*Actor$/.test(p)) && !IN_TRANSACTION.includes(f.name));
    expect(later.map((f) => `${f.file} ${f.name}(${f.params.join(", ")})`)).toEqual([]);
    const names = dataLayerFunctions().map((f) => f.name);
    for (const helper of IN_TRANSACTION) expect(names, helper).toContain(helper);
  });

  it("no data-layer function with an actor takes the clock, the language or a ctx of its own: they travel in options", () => {
    const loose = actorFunctions().filter((f) =>
      f.params.some((p) => /^_?(?:now|locale|ctx)\b/.test(p) || (/^_?options\b/.test(p) && !/\b(?:CommandOptions|QueueOptions|CreateBookingOptions)\b/.test(p))),
    );
    expect(loose.map((f) => `${f.file} ${f.name}(${f.params.join(", ")})`)).toEqual([]);
  });

  it("a data-layer function without an actor takes (input, options): the clock and the language in options, never positional", () => {
    const actorless = dataLayerFunctions().filter(
      (f) => !/^_?(?:actor|caller): \w*Actor$/.test(f.params[0] ?? "") && !EXECUTOR_FIRST.test(f.params[0] ?? "") && !POSITIONAL_HELPERS.includes(f.name),
    );
    // The scan sees the public reads, the credentials' resolvers and the rate limits.
    const names = actorless.map((f) => f.name);
    for (const known of ACTORLESS_READS) expect(names, known).toContain(known);
    const loose = actorless.filter((f) => f.params.some((p) => /^_?(?:now|locale)\b/.test(p) || /^[^:]*: (?:Date|Locale)\b/.test(p)));
    expect(loose.map((f) => `${f.file} ${f.name}(${f.params.join(", ")})`)).toEqual([]);
    // The public reads and resolvers: one object input (never a loose string), then CommandOptions.
    const offShape = actorless
      .filter((f) => ACTORLESS_READS.includes(f.name))
      .filter((f) => f.params.length !== 2 || !(/^\{[^}]*\}: /.test(f.params[0]!) || INPUT.test(f.params[0]!)) || !/: (?:CommandOptions|Options)(?: & \{.*\})?(?: = \{\})?$/.test(f.params[1]!));
    expect(offShape.map((f) => `${f.file} ${f.name}(${f.params.join(", ")})`)).toEqual([]);
    for (const helper of POSITIONAL_HELPERS) expect(dataLayerFunctions().map((f) => f.name), helper).toContain(helper);
  });

  it("the options' defaults come from withDefaults, not spelled again (options.locale ?? \"id\")", () => {
    const spelled = files("lib/dal").filter((f) => f !== "lib/dal/command-options.ts" && /options\.locale \?\?/.test(read(f)));
    expect(spelled).toEqual([]);
  });

  it("the system's jobs take no actor and only { now } (the maintenance loop passes its clock so)", () => {
    const source = read("lib/maintenance.ts");
    expect(source).toMatch(/pruneRateLimits\(\{ now \}\)/);
    expect([...source.matchAll(/await (\w+)\(now\b/g)].map((m) => m[1])).toEqual([]);
  });

  it("the primitives left out above still exist (a renamed one would hide a command)", () => {
    const names = actorFunctions().map((f) => f.name);
    for (const primitive of PRIMITIVES) expect(names, primitive).toContain(primitive);
  });

  it("only changeBooking/changeBookings write a booking's status", () => {
    const writers = [...files("lib"), ...files("db"), ...files("app")].filter((file) => {
      const source = read(file).replace(/\s+/g, " ");
      const drizzle = [...source.matchAll(/\.update\(bookings\) ?\.set\(\{([^}]*)\}/g)].some((m) => /\bstatus\b/.test(m[1]!));
      return drizzle || /update\s+bookings\s+set[^;]*\bstatus\b/i.test(source);
    });
    expect(writers).toEqual(["lib/dal/change-booking.ts"]);
  });

  it("the read verbs keep their meaning (docs/ARCHITECTURE.md's table), and no other read verb is used", () => {
    const exported = dataLayerFunctions();
    expect(exported.length).toBeGreaterThan(150);
    const wrong = exported.filter(({ name, params, returns }) => {
      // select… and load… are query helpers over the caller's executor; lookup… is the citizen's look-up feature.
      if (/^(?:select|load)[A-Z]/.test(name)) return !/^(?:db|tx|executor): Executor$/.test(params[0] ?? "");
      if (/^lookup[A-Z]/.test(name)) return !LOOKUPS.includes(name);
      // Verbs the table does not have (a check that throws is an assert…, one that returns what it checked a require…).
      if (/^(?:check(?!In)|fetch|query|read|retrieve|obtain)[A-Z]/.test(name)) return true;
      if (!returns) return false; // inferred: the type checker has it, this scan does not
      if (/^find[A-Z]/.test(name)) return !/\bnull\b/.test(returns);
      if (/^(?:get|require|list)[A-Z]/.test(name)) return /\| null\b/.test(returns);
      if (/^resolve[A-Z]/.test(name)) return !/Actor|ApiKey/.test(returns);
      if (/^(?:is|can)[A-Z]/.test(name)) return !/\bboolean\b/.test(returns);
      return false;
    });
    expect(wrong.map((f) => `${f.file} ${f.name}(${f.params.join(", ")}): ${f.returns}`)).toEqual([]);
    for (const name of LOOKUPS) expect(exported.map((f) => f.name), name).toContain(name);
  });

  it("the web forms' rate limits live in lib/limits, not in the JSON API's lib/api", () => {
    const upward = [...files("lib/actions"), ...files("lib/dal"), ...files("lib/limits")].filter((f) => /from ["'](?:\.\.\/)+api\/(?!respond)/.test(read(f)));
    expect(upward).toEqual([]);
  });
});
