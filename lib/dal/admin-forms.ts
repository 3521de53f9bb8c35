import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { forms, offices } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { getDb } from "../db";
import { AppError, notFound, pgErrorCode } from "../errors";
import type { FormFileInput } from "../validation/form-file";
import type { FormLinkInput } from "../validation/services";
import { writeAudit } from "./audit";
import { commandOffice, withDefaults, type CommandOptions, type OfficeRef } from "./command-options";
import { invalidateReads } from "./read-cache";

/** A form as the admin's list shows it: never the PDF's bytes, only what describes them. */
export type AdminForm = {
  id: string;
  slug: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  descriptionEn: string | null;
  url: string | null;
  file: { name: string; size: number; updatedAt: Date } | null;
};
const FIELDS = ["name", "nameEn", "description", "descriptionEn", "url"] as const;

const FORM_COLUMNS = {
  id: forms.id,
  slug: forms.slug,
  name: forms.name,
  nameEn: forms.nameEn,
  description: forms.description,
  descriptionEn: forms.descriptionEn,
  url: forms.url,
  fileName: forms.fileName,
  fileSize: sql<number | null>`octet_length(${forms.file})`.mapWith((v: unknown) => (v === null ? null : Number(v))),
  fileSha256: forms.fileSha256,
  fileUpdatedAt: forms.fileUpdatedAt,
};
type FormRow = Omit<AdminForm, "file"> & { fileName: string | null; fileSize: number | null; fileSha256: string | null; fileUpdatedAt: Date | null };

function toAdminForm(row: FormRow): AdminForm {
  const { fileName, fileSize, fileSha256: _sha, fileUpdatedAt, ...rest } = row;
  return { ...rest, file: fileName && fileUpdatedAt ? { name: fileName, size: fileSize ?? 0, updatedAt: fileUpdatedAt } : null };
}

/** What an audit row says about a stored PDF: its name, size and hash, never its bytes. */
const fileFacts = (row: Pick<FormRow, "fileName" | "fileSize" | "fileSha256">) => (row.fileName ? { fileName: row.fileName, size: row.fileSize, sha256: row.fileSha256 } : null);

const linkOrFile = () => new AppError("validation", "error.validation", { fields: { url: ["field.form.linkOrFile"] } });

/** The office's forms (formulir): a name in both languages and a link, an uploaded PDF, or both. */
export async function listForms(actor: Actor, input: OfficeRef = {}): Promise<AdminForm[]> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const db = await getDb();
  const rows = await db.select(FORM_COLUMNS).from(forms).where(eq(forms.officeId, officeId)).orderBy(asc(forms.name));
  return rows.map(toAdminForm);
}

function fileValues(file: FormFileInput, now: Date) {
  return { file: file.bytes, fileName: file.fileName, fileSha256: createHash("sha256").update(file.bytes).digest("hex"), fileUpdatedAt: now };
}

/** A form of the actor's office (or of the office `officeId` names), by its code. */
export type FormRef = { slug: string; officeId?: string };

/** A new form with a link, an uploaded PDF or both (neither: 422 on the link). A taken code is a 409. */
export async function createForm(actor: Actor, input: FormLinkInput & FormRef & { file?: FormFileInput }, options: CommandOptions = {}): Promise<void> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const { now } = withDefaults(options);
  const { file } = input;
  if (!input.url && !file) throw linkOrFile();
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const values = { officeId, slug: input.slug, name: input.name, nameEn: input.nameEn, description: input.description, descriptionEn: input.descriptionEn, url: input.url };
      const [row] = await tx.insert(forms).values({ ...values, ...(file ? fileValues(file, now) : {}) }).returning({ id: forms.id });
      const [created] = await tx.select(FORM_COLUMNS).from(forms).where(eq(forms.id, row!.id));
      await writeAudit(tx, { officeId, actor, action: "form.create", details: { slug: input.slug, url: input.url, file: fileFacts(created!) } });
    });
  } catch (error) {
    throw asFormError(error);
  }
  invalidateReads("settings");
}

function asFormError(error: unknown): unknown {
  const { code } = pgErrorCode(error);
  if (code === "23505") return new AppError("duplicate", "error.service.slugTaken", { fields: { slug: ["field.service.slugTaken"] } });
  if (code === "23514") return new AppError("validation", "error.validation", { fields: { _: ["field.invalid"] } });
  return error;
}

async function lockForm(tx: Executor, officeId: string, slug: string): Promise<FormRow> {
  const [form] = await tx.select(FORM_COLUMNS).from(forms).where(and(eq(forms.officeId, officeId), eq(forms.slug, slug))).for("update");
  if (!form) throw notFound("error.pageNotFound");
  return form;
}

/**
 * One change to one form of the actor's office, under the form's row lock: the permission, the lock, the
 * constraint errors as the form shows them, and the read cache dropped afterwards.
 */
async function changeForm(actor: Actor, input: FormRef, change: (tx: Executor, form: FormRow, officeId: string) => Promise<void>): Promise<void> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "settings.manage", officeId);
  const db = await getDb();
  try {
    await db.transaction(async (tx) => change(tx, await lockForm(tx, officeId, input.slug), officeId));
  } catch (error) {
    throw asFormError(error);
  }
  invalidateReads("settings");
}

export async function updateForm(actor: Actor, input: FormLinkInput & FormRef, _options: CommandOptions = {}): Promise<void> {
  const values = Object.fromEntries(FIELDS.map((k) => [k, input[k]])) as FormLinkInput;
  await changeForm(actor, input, async (tx, form, officeId) => {
    const changed = FIELDS.filter((k) => form[k] !== input[k]);
    if (changed.length === 0) return;
    // Emptying the link leaves a form without anything to download unless a PDF is stored.
    if (!input.url && !form.fileName) throw linkOrFile();
    await tx.update(forms).set(values).where(eq(forms.id, form.id));
    await writeAudit(tx, {
      officeId,
      actor,
      action: "form.update",
      details: { slug: input.slug, before: Object.fromEntries(changed.map((k) => [k, form[k]])), after: Object.fromEntries(changed.map((k) => [k, input[k]])) },
    });
  });
}

/** Stores (or replaces) the form's PDF; citizens' links to it stay the same address. */
export async function setFormFile(actor: Actor, input: FormRef & { file: FormFileInput }, options: CommandOptions = {}): Promise<void> {
  const { now } = withDefaults(options);
  const { slug, file } = input;
  await changeForm(actor, input, async (tx, form, officeId) => {
    await tx.update(forms).set(fileValues(file, now)).where(eq(forms.id, form.id));
    const [after] = await tx.select(FORM_COLUMNS).from(forms).where(eq(forms.id, form.id));
    await writeAudit(tx, { officeId, actor, action: form.fileName ? "form.file_replace" : "form.file_upload", details: { slug, before: fileFacts(form), after: fileFacts(after!) } });
  });
}

/** Deletes the form's PDF; a form without a link keeps it (422: add a link first, or delete the form). */
export async function removeFormFile(actor: Actor, input: FormRef, _options: CommandOptions = {}): Promise<void> {
  await changeForm(actor, input, async (tx, form, officeId) => {
    if (!form.fileName) throw notFound("error.pageNotFound");
    if (!form.url) throw linkOrFile();
    await tx.update(forms).set({ file: null, fileName: null, fileSha256: null, fileUpdatedAt: null }).where(eq(forms.id, form.id));
    await writeAudit(tx, { officeId, actor, action: "form.file_delete", details: { slug: input.slug, before: fileFacts(form), after: null } });
  });
}

/** Deletes a form (its links from requirements go with it). */
export async function deleteForm(actor: Actor, input: FormRef, _options: CommandOptions = {}): Promise<void> {
  await changeForm(actor, input, async (tx, form, officeId) => {
    await tx.delete(forms).where(eq(forms.id, form.id));
    const { id: _id, fileSize: _s, fileSha256: _h, fileName: _n, fileUpdatedAt: _u, ...before } = form;
    await writeAudit(tx, { officeId, actor, action: "form.delete", details: { slug: input.slug, before: { ...before, file: fileFacts(form) }, after: null } });
  });
}

export type FormFileDownload = { bytes: Buffer; fileName: string; sha256: string; updatedAt: Date };

/**
 * A public place's uploaded form PDF, for the download route. A hidden place, an unknown form or a form
 * without a PDF all answer null (404), the same.
 */
export async function findPublicFormFile(officeSlug: string, formSlug: string): Promise<FormFileDownload | null> {
  const db = await getDb();
  const [row] = await db
    .select({ bytes: forms.file, fileName: forms.fileName, sha256: forms.fileSha256, updatedAt: forms.fileUpdatedAt })
    .from(forms)
    .innerJoin(offices, eq(offices.id, forms.officeId))
    .where(and(eq(offices.slug, officeSlug), eq(offices.isPublic, true), eq(forms.slug, formSlug)));
  if (!row?.bytes || !row.fileName || !row.sha256 || !row.updatedAt) return null;
  return { bytes: row.bytes, fileName: row.fileName, sha256: row.sha256, updatedAt: row.updatedAt };
}
