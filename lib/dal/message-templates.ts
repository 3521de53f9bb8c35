import "server-only";
import { and, eq } from "drizzle-orm";
import { messageTemplates } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { getDb } from "../db";
import { AppError, pgErrorCode } from "../errors";
import type { Locale } from "../i18n/messages";
import { MESSAGE_KINDS } from "../messages/template-rules";
import { DEFAULT_TEMPLATES, type MessageKind, type Template } from "../messages/templates";
import type { TemplateInput } from "../validation/message-templates";
import { writeAudit } from "./audit";
import { commandOffice, withDefaults, type CommandOptions, type OfficeRef } from "./command-options";

export type TemplateEntry = Template & { kind: MessageKind; language: Locale; isCustom: boolean };

/** Every kind in both languages: the office's own text where an admin saved one, else the default. */
export async function listTemplates(actor: Actor, input: OfficeRef = {}): Promise<TemplateEntry[]> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const db = await getDb();
  const rows = await db.select().from(messageTemplates).where(eq(messageTemplates.officeId, officeId));
  return MESSAGE_KINDS.flatMap((kind) =>
    (["id", "en"] as const).map((language) => {
      const row = rows.find((r) => r.kind === kind && r.language === language);
      return { kind, language, subject: row?.subject ?? DEFAULT_TEMPLATES[language][kind].subject, body: row?.body ?? DEFAULT_TEMPLATES[language][kind].body, isCustom: !!row };
    }),
  );
}

export async function getTemplate(actor: Actor, input: TemplateRef): Promise<TemplateEntry> {
  const entry = (await listTemplates(actor, input)).find((e) => e.kind === input.kind && e.language === input.language);
  if (!entry) throw new AppError("not_found", "error.pageNotFound");
  return entry;
}

/** Which template: a kind and a language, of the actor's office unless `officeId` names another. */
export type TemplateRef = { kind: MessageKind; language: Locale; officeId?: string };

/** Saves the office's text for one kind and language (audited, before and after); the next message sent uses it. */
export async function saveTemplate(actor: Actor, input: TemplateInput & { officeId?: string }, options: CommandOptions = {}): Promise<void> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const { now } = withDefaults(options);
  const kind = input.kind as MessageKind;
  const language = input.language as Locale;
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const where = and(eq(messageTemplates.officeId, officeId), eq(messageTemplates.kind, kind), eq(messageTemplates.language, language));
      const [existing] = await tx.select().from(messageTemplates).where(where).for("update");
      const before = existing ? { subject: existing.subject, body: existing.body } : DEFAULT_TEMPLATES[language][kind];
      if (before.subject === input.subject && before.body === input.body && existing) return;
      const updatedBy = actor.type === "staff" ? actor.staffId : null;
      if (existing) await tx.update(messageTemplates).set({ subject: input.subject, body: input.body, updatedBy, updatedAt: now }).where(where);
      else await tx.insert(messageTemplates).values({ officeId, kind, language, subject: input.subject, body: input.body, updatedBy, createdAt: now, updatedAt: now });
      await writeAudit(tx, { officeId, actor, action: "message_template.update", details: { kind, language, before, after: { subject: input.subject, body: input.body } } });
    });
  } catch (error) {
    if (pgErrorCode(error).code === "23514") throw new AppError("validation", "error.validation", { fields: { body: ["field.tooLong"] } });
    throw error;
  }
}

/** Back to the default text: the office's row goes (audited with what it held). */
export async function resetTemplate(actor: Actor, input: TemplateRef, _options: CommandOptions = {}): Promise<void> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const { kind, language } = input;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(messageTemplates)
      .where(and(eq(messageTemplates.officeId, officeId), eq(messageTemplates.kind, kind), eq(messageTemplates.language, language)))
      .returning();
    if (!removed) return;
    await writeAudit(tx, { officeId, actor, action: "message_template.reset", details: { kind, language, before: { subject: removed.subject, body: removed.body } } });
  });
}
