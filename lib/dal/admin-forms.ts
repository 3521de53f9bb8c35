import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { forms, type Form } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { getDb } from "../db";
import { AppError, pgErrorCode } from "../errors";
import type { FormLinkInput } from "../validation/services";
import { writeAudit } from "./audit";
import { invalidateReads } from "./read-cache";

export type AdminForm = Pick<Form, "id" | "slug" | "name" | "nameEn" | "description" | "descriptionEn" | "url">;
const FIELDS = ["name", "nameEn", "description", "descriptionEn", "url"] as const;

/** The office's forms (formulir): a name in both languages and a link to the PDF. */
export async function listForms(actor: Actor, officeId: string): Promise<AdminForm[]> {
  assertCan(actor, "settings.manage", officeId);
  const db = await getDb();
  return db
    .select({ id: forms.id, slug: forms.slug, name: forms.name, nameEn: forms.nameEn, description: forms.description, descriptionEn: forms.descriptionEn, url: forms.url })
    .from(forms)
    .where(eq(forms.officeId, officeId))
    .orderBy(asc(forms.name));
}

export async function createForm(actor: Actor, officeId: string, input: FormLinkInput & { slug: string }): Promise<void> {
  assertCan(actor, "settings.manage", officeId);
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      await tx.insert(forms).values({ officeId, slug: input.slug, name: input.name, nameEn: input.nameEn, description: input.description, descriptionEn: input.descriptionEn, url: input.url });
      await writeAudit(tx, { officeId, actor, action: "form.create", details: { slug: input.slug, url: input.url } });
    });
  } catch (error) {
    if (pgErrorCode(error).code === "23505") throw new AppError("duplicate", "error.service.slugTaken", { fields: { slug: ["field.service.slugTaken"] } });
    throw error;
  }
  invalidateReads("settings");
}

export async function updateForm(actor: Actor, officeId: string, slug: string, input: FormLinkInput): Promise<void> {
  assertCan(actor, "settings.manage", officeId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [form] = await tx.select().from(forms).where(and(eq(forms.officeId, officeId), eq(forms.slug, slug))).for("update");
    if (!form) throw new AppError("not_found", "error.pageNotFound");
    const changed = FIELDS.filter((k) => form[k] !== input[k]);
    if (changed.length === 0) return;
    await tx.update(forms).set(input).where(eq(forms.id, form.id));
    await writeAudit(tx, {
      officeId,
      actor,
      action: "form.update",
      details: { slug, before: Object.fromEntries(changed.map((k) => [k, form[k]])), after: Object.fromEntries(changed.map((k) => [k, input[k]])) },
    });
  });
  invalidateReads("settings");
}
