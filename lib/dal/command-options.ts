import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { DEFAULT_LOCALE, type Locale } from "../i18n/messages";

/**
 * Every data-layer command is called `fn(actor, input, options)`; this is `options`: a fixed clock for
 * tests, the reader's language for the DTO it returns. A command with options of its own extends it.
 */
export type CommandOptions = { now?: Date; locale?: Locale };

export function withDefaults(options: CommandOptions = {}): { now: Date; locale: Locale } {
  return { now: options.now ?? new Date(), locale: options.locale ?? DEFAULT_LOCALE };
}

/**
 * The office a command acts on: the one `input.officeId` names (the command line's system actor always
 * names one; a staff member may name another they are allowed to manage), else the actor's own. Nothing
 * the actor already carries is passed again. The caller still checks the permission for it.
 */
/**
 * The input of a read or command about one office: the actor's own unless `officeId` names another (which the
 * actor must be allowed to act on; `commandOffice` picks it, the caller checks the permission).
 */
export type OfficeRef = { officeId?: string };

export function commandOffice(actor: Actor, input: OfficeRef): string {
  const officeId = input.officeId ?? ("officeId" in actor ? actor.officeId : undefined);
  if (!officeId) throw new AppError("validation", "error.validation");
  return officeId;
}
