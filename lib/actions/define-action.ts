import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { citizen, type Actor, type StaffActor } from "../auth/actor";
import { getDeviceActor } from "../auth/device-session";
import type { Permission } from "../auth/permissions";
import { requireStaffAction } from "../auth/session";
import type { DeviceActor } from "../dal/devices";
import { AppError } from "../errors";
import { getTranslator } from "../i18n/server";
import { createTranslator, isLocale, type Translator } from "../i18n/translate";
import { UNTRUSTED_CLIENT } from "../client-ip";
import { requestIp } from "../request-context";
import { formDataToObject, parseInput } from "../validation/parse";
import { toFormState } from "./form-state";

export type RawForm = Record<string, string | string[]>;

/**
 * Who may submit: a staff permission (the signed-in account must have it: 401/403 otherwise), a device's
 * permission (the device cookie: kiosk, display), or nobody in particular (a citizen, by address).
 */
type Who = { permission: Permission; device?: false } | { permission: Permission; device: true } | { permission?: undefined; device?: false };
type ActorOf<W> = W extends { device: true } ? DeviceActor : W extends { permission: Permission } ? StaffActor : Actor;

/** `files`: the uploaded files of the post by field name (non-empty ones only); `raw` holds its text fields. */
export type ActionContext<A extends Actor> = { actor: A; t: Translator; raw: RawForm; files: Record<string, File>; ip: string };

/** Where the action sends the browser after success (a plain form post then lands on a page of its own). */
export type Redirect = { redirect: string };

type Config<Sc extends z.ZodType | undefined, W extends Who> = W & {
  /** The zod schema of the whole form (`formDataToObject`); the parsed value is the data-layer input. */
  schema?: Sc;
  /**
   * The one way typed values go back to the form on an error: the names of the fields to put back (each at
   * most 200 characters; never list a password), or a function for a form with its own rule.
   */
  echo?: readonly string[] | ((raw: RawForm) => Record<string, string>);
  /** Run before parsing, with the caller's address: the rate limits that guard against guessing. */
  limit?: (ip: string) => Promise<void>;
  /** Forms posted from a shared screen (the kiosk) say which language their citizen chose. */
  localeFromForm?: boolean;
};

/**
 * Wraps a server action as `apiRoute` wraps a route handler: translator → who → limits → parse → the data
 * layer → the new state or a redirect; expected errors become the form's state in the reader's language
 * (with what was typed put back, see `echo`), anything else goes to error.tsx, logged without personal data.
 * `run` is the few lines that differ: which data-layer function, what success shows or where it goes.
 */
export function defineAction<S extends { status: string }, W extends Who, Sc extends z.ZodType | undefined = undefined>(
  config: Config<Sc, W>,
  run: (input: Sc extends z.ZodType ? z.output<Sc> : RawForm, ctx: ActionContext<ActorOf<W>>) => Promise<S | Redirect>,
): (previous: S, formData: FormData) => Promise<S> {
  return async (_previous, formData) => {
    const raw = formDataToObject(formData);
    const t = config.localeFromForm && isLocale(raw.lang) ? createTranslator(raw.lang) : await getTranslator();
    let outcome: S | Redirect;
    try {
      const ip = await requestIp();
      const actor = await actorFor(config, ip);
      await config.limit?.(ip);
      const input = (config.schema ? parseInput(config.schema, raw) : raw) as Sc extends z.ZodType ? z.output<Sc> : RawForm;
      outcome = await run(input, { actor: actor as ActorOf<W>, t, raw, files: uploadedFiles(formData), ip });
    } catch (error) {
      return toFormState(error, t, echoed(config.echo, raw)) as unknown as S;
    }
    if ("redirect" in outcome) redirect(outcome.redirect);
    return outcome;
  };
}

function uploadedFiles(formData: FormData): Record<string, File> {
  const files: Record<string, File> = {};
  for (const [key, value] of formData.entries()) if (typeof value !== "string" && value.size > 0) files[key] = value;
  return files;
}

async function actorFor(who: Who, ip: string): Promise<Actor> {
  // As apiRoute: the actor carries an address only when it is known (the shared bucket is no address).
  if (!who.permission) return citizen(ip === UNTRUSTED_CLIENT ? null : ip);
  if (!who.device) return requireStaffAction(who.permission);
  const device = await getDeviceActor(who.permission);
  if (!device) throw new AppError("unauthorized", "devices.error.notActivated");
  return device;
}

/** What was typed in the named fields (or by the form's own rule), to put back after an error. */
export function echoed(echo: Config<undefined, Who>["echo"], raw: RawForm): Record<string, string> {
  if (!echo) return {};
  if (typeof echo === "function") return echo(raw);
  return Object.fromEntries(echo.map((name) => [name, typeof raw[name] === "string" ? raw[name].slice(0, 200) : ""]));
}
