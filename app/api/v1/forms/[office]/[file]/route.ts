import { apiRoute } from "@/lib/api/handler";
import { findPublicFormFile } from "@/lib/dal/admin-forms";
import { notFound } from "@/lib/errors";
import { SlugSchema } from "@/lib/validation/fields";

type Params = { params: Promise<{ office: string; file: string }> };

/**
 * A form PDF the office uploaded, at a stable address (`/api/v1/forms/{office}/{form}.pdf`): shown in the
 * browser (inline), never sniffed as anything but a PDF, cached briefly and revalidated by its hash, so a
 * replaced PDF reaches citizens within five minutes at the same link.
 */
export const GET = apiRoute("GET /api/v1/forms/[office]/[file]", async (request, _ctx, { params }: Params) => {
  const { office, file } = await params;
  const slug = file.endsWith(".pdf") ? file.slice(0, -4) : "";
  if (!SlugSchema.safeParse(office).success || !SlugSchema.safeParse(slug).success) throw notFound();
  const found = await findPublicFormFile(office, slug);
  if (!found) throw notFound();
  const etag = `"${found.sha256}"`;
  // The name is reduced to [A-Za-z0-9._-] on upload (pdfFileName), so it needs no further quoting.
  const headers = new Headers({
    "Content-Type": "application/pdf",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": `inline; filename="${found.fileName}"`,
    "Cache-Control": "public, max-age=300, must-revalidate",
    ETag: etag,
    "Last-Modified": found.updatedAt.toUTCString(),
  });
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  headers.set("Content-Length", String(found.bytes.length));
  return new Response(new Uint8Array(found.bytes), { status: 200, headers });
});
