import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { queryObject } from "@/lib/api/query";
import { getPowChallenge } from "@/lib/dal/pow";
import { SlugSchema } from "@/lib/validation/fields";
import { parseInput } from "@/lib/validation/parse";

const ChallengeQuerySchema = z.object({ office: SlugSchema.optional() });

/**
 * An ALTCHA challenge for a booking, exactly as altcha-lib's `createChallenge` returns it (`parameters`,
 * `signature`): what the `altcha` widget's `challenge` URL expects. Signed, expires in 10 minutes, for
 * one booking at the office (`?office=`, default the deployment's office). Never cached.
 */
export const GET = apiRoute("GET /api/v1/challenge", async (request) => {
  const query = parseInput(ChallengeQuerySchema, queryObject(request, ["office"]));
  return Response.json(await getPowChallenge({ officeSlug: query.office }));
});
