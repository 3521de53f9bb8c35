import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { queryObject } from "@/lib/api/query";
import { requirePublicOffice } from "@/lib/dal/places";
import { listServices } from "@/lib/dal/services";
import { SlugSchema } from "@/lib/validation/fields";
import { parseInput } from "@/lib/validation/parse";

const ServicesQuerySchema = z.object({ office: SlugSchema.optional() });

/**
 * The office's services with their requirements (each with its kind: a document to bring, a condition or a
 * note) and forms, in the reader's language where translated.
 */
export const GET = apiRoute("GET /api/v1/services", async (request, { t }) => {
  const query = parseInput(ServicesQuerySchema, queryObject(request, ["office"]));
  const office = await requirePublicOffice(query.office);
  const services = await listServices({ office }, { locale: t.locale });
  const body = {
    office: { slug: office.slug, name: office.name },
    services: services.map((s) => ({
      slug: s.slug,
      name: s.name.text,
      category: s.category.text,
      queueLetter: s.queueLetter,
      minAge: s.minAge,
      maxAge: s.maxAge,
      eligibilityNote: s.eligibilityNote?.text ?? null,
      // The language each text is in: an untranslated text comes in Indonesian, and says so.
      lang: { name: s.name.lang, category: s.category.lang, eligibilityNote: s.eligibilityNote?.lang ?? null },
      requirements: s.requirements.map((r) => ({
        kind: r.kind,
        ...(r.kind === "document" ? { copy: r.copy, copies: r.copies } : {}),
        text: r.text.text,
        lang: r.text.lang,
        forms: r.forms.map((f) => ({ name: f.name.text, url: f.url, description: f.description?.text ?? null, lang: f.name.lang })),
      })),
    })),
  };
  // Public and the same for everyone; a short shared cache spares the database, per language.
  return Response.json(body, { headers: { "Cache-Control": "public, max-age=60", Vary: "Accept-Language" } });
});
