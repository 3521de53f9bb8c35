import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { messageTemplates } from "@/db/schema";
import type { Locale } from "../i18n/messages";
import { DEFAULT_TEMPLATES, type MessageKind, type Template } from "./templates";

/** The template for a kind and language: the office's own when an admin saved one, else the default. */
export async function findTemplate(db: Database, officeId: string, kind: MessageKind, locale: Locale): Promise<Template> {
  const [row] = await db
    .select({ subject: messageTemplates.subject, body: messageTemplates.body })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.officeId, officeId), eq(messageTemplates.kind, kind), eq(messageTemplates.language, locale)));
  return row ?? DEFAULT_TEMPLATES[locale][kind];
}
