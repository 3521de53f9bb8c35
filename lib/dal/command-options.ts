import { DEFAULT_LOCALE, type Locale } from "../i18n/messages";

/**
 * Every data-layer command is called `fn(actor, input, options)`; this is `options`: a fixed clock for
 * tests, the reader's language for the DTO it returns. A command with options of its own extends it.
 */
export type CommandOptions = { now?: Date; locale?: Locale };

export function resolveOptions(options: CommandOptions = {}): { now: Date; locale: Locale } {
  return { now: options.now ?? new Date(), locale: options.locale ?? DEFAULT_LOCALE };
}
