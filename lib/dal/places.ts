import "server-only";
import { and, asc, eq, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { offices, type Office } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { DEFAULT_OFFICE_SLUG, findOffice } from "./offices";
import { cachedRead } from "./read-cache";

/**
 * What a place says of itself, to citizens and to the admin alike: no internal ids. `nameEn` is the English
 * name where the office gave one (`placeName` picks by language).
 */
export type PlaceFacts = Pick<Office, "slug" | "name" | "nameEn" | "shortName" | "address" | "mapUrl" | "isTraining">;

export function placeFacts(office: Office): PlaceFacts {
  const { slug, name, nameEn, shortName, address, mapUrl, isTraining } = office;
  return { slug, name, nameEn, shortName, address, mapUrl, isTraining };
}

/** A place a citizen may choose. */
export type PlaceDTO = PlaceFacts & { isMain: boolean };

function toPlaceDTO(office: Office): PlaceDTO {
  return { ...placeFacts(office), isMain: office.parentId === null };
}

const unknownOffice = () => new AppError("validation", "error.validation", { fields: { office: ["field.office.unknown"] } });

/**
 * The places citizens choose from: the public office (ANTREAN_DEFAULT_OFFICE) and its public service points,
 * main office first. The training place is listed only once an admin has made it public (`is_public`).
 * One place: the booking path is the single-office path, unchanged.
 */
export function listPublicPlaces(): Promise<PlaceDTO[]> {
  return cachedRead("settings", "public-places", async () => {
    const db = await getDb();
    const main = await findOffice(DEFAULT_OFFICE_SLUG);
    if (!main) return [];
    const rows = await db
      .select()
      .from(offices)
      .where(and(or(eq(offices.id, main.id), eq(offices.parentId, main.id)), eq(offices.isPublic, true)))
      .orderBy(asc(offices.placePosition), asc(offices.name));
    return rows.sort((a, b) => Number(b.id === main.id) - Number(a.id === main.id)).map(toPlaceDTO);
  });
}

/**
 * An office citizens may see and book online: it exists and is public. Anything else answers exactly as an
 * unknown office does, so a hidden place (the training office) is not revealed by its error.
 */
export async function requirePublicOffice(slug?: string, executor?: Executor): Promise<Office> {
  const office = await findPublicOffice(slug, executor);
  if (!office) throw unknownOffice();
  return office;
}

/** As requirePublicOffice, for a page: an unknown or hidden place is null (the page then 404s). */
export async function findPublicOffice(slug?: string, executor?: Executor): Promise<Office | null> {
  const office = await findOffice(slug ?? DEFAULT_OFFICE_SLUG, executor);
  return office?.isPublic ? office : null;
}

/** Public figures (transparency) are about real places only: never the training place, public or not. */
export async function requireReportedOffice(slug?: string, executor?: Executor): Promise<Office> {
  const office = await requirePublicOffice(slug, executor);
  if (office.isTraining) throw unknownOffice();
  return office;
}

function actorOfficeId(actor: Actor): string | null {
  return actor.type === "staff" || actor.type === "api_key" || actor.type === "device" ? actor.officeId : null;
}

/**
 * Whether the actor works at the organisation level: an admin of the main office, or an API key of the main
 * office (an integration of the whole organisation). They may read every place's reports; everyone else
 * reads their own place only.
 */
export function isOrganisationActor(actor: Actor, input: { office: Office }): boolean {
  if (input.office.parentId !== null) return false;
  return (actor.type === "staff" && actor.role === "admin") || actor.type === "api_key";
}

/**
 * The places whose reports the actor may read, own place first. The training place is never among them:
 * its bookings are rehearsals. Authorization of the permission itself stays with `assertCan`.
 */
export async function listReportPlaces(actor: Actor): Promise<PlaceDTO[]> {
  const db = await getDb();
  const officeId = actorOfficeId(actor);
  if (!officeId) return [];
  const [own] = await db.select().from(offices).where(eq(offices.id, officeId));
  if (!own) return [];
  const places = [own];
  if (isOrganisationActor(actor, { office: own })) {
    places.push(...(await db.select().from(offices).where(eq(offices.parentId, own.id)).orderBy(asc(offices.placePosition), asc(offices.name))));
  }
  return places.filter((p) => !p.isTraining).map(toPlaceDTO);
}
