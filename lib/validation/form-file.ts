import { AppError } from "../errors";
import { FORM_FILE_MAX_BYTES, isPdf, pdfFileName } from "../form-file";

export type FormFileInput = { bytes: Buffer; fileName: string };

const refuse = (key: "field.file.required" | "field.file.tooLarge" | "field.file.notPdf") =>
  new AppError("validation", "error.validation", { fields: { file: [key] }, params: { maxMb: FORM_FILE_MAX_BYTES / 1024 / 1024 } });

/**
 * An uploaded form PDF: present, at most 2 MiB and starting with `%PDF-` (the bytes are checked, not the
 * declared content type or the name). Anything else is a 422 on the `file` field; nothing is written.
 */
export async function parseFormFile(value: unknown, fallbackName: string): Promise<FormFileInput> {
  if (!(value instanceof Blob) || value.size === 0) throw refuse("field.file.required");
  if (value.size > FORM_FILE_MAX_BYTES) throw refuse("field.file.tooLarge");
  const bytes = Buffer.from(await value.arrayBuffer());
  if (!isPdf(bytes)) throw refuse("field.file.notPdf");
  const name = "name" in value && typeof value.name === "string" ? value.name : "";
  return { bytes, fileName: pdfFileName(name, fallbackName) };
}

/** Whether the post carries a file at all (an empty file input posts an empty, nameless part). */
export function hasUpload(value: unknown): boolean {
  return value instanceof Blob && value.size > 0;
}
