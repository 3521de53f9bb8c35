/**
 * Form PDFs uploaded by an office (`forms.file`): the rules shared by the upload's validation, the data
 * layer and the public download route. The database holds the same bounds (migration "places_admin_form_files").
 */
export const FORM_FILE_MAX_BYTES = 2 * 1024 * 1024;

/** Every PDF starts with `%PDF-`; a file's name or declared type says nothing. */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= PDF_MAGIC.length && PDF_MAGIC.every((b, i) => bytes[i] === b);
}

/** The stable public address of a form's uploaded PDF (under /api: never rewritten to a locale). */
export function formFilePath(officeSlug: string, formSlug: string): string {
  return `/api/v1/forms/${encodeURIComponent(officeSlug)}/${encodeURIComponent(formSlug)}.pdf`;
}

/**
 * The name the PDF is saved under: the upload's own name reduced to safe characters (letters, digits, dot,
 * dash, underscore), always ending in `.pdf`, at most 120 characters; the form's slug when nothing is left.
 */
export function pdfFileName(uploaded: string, fallback: string): string {
  const base = uploaded
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\.pdf$/i, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 100);
  return `${base || fallback}.pdf`;
}
