import "server-only";
import { eq } from "drizzle-orm";
import { bookings } from "@/db/schema";
import type { Actor } from "../../auth/actor";
import { assertCan } from "../../auth/permissions";
import { getDb } from "../../db";
import { requireOfficeById } from "../offices";
import { notFound, withDefaults, type QueueOptions } from "./change";
import { selectEntries, type QueueEntryDTO } from "./entry-dto";

export type SlipDTO = QueueEntryDTO & { office: { name: string; shortName: string; address: string | null } };

/** What the 80 mm slip prints for a booking of the actor's office: the queue number, never the full NIK. */
export async function getSlip(actor: Actor, input: { reference: string }, options: QueueOptions = {}): Promise<SlipDTO> {
  assertCan(actor, "day.view");
  const { locale } = withDefaults(options);
  const db = await getDb();
  const [row] = await db.select({ officeId: bookings.officeId, id: bookings.id }).from(bookings).where(eq(bookings.reference, input.reference));
  if (!row) throw notFound();
  assertCan(actor, "day.view", row.officeId);
  const [entry] = await selectEntries(db, eq(bookings.id, row.id), locale);
  const office = await requireOfficeById(row.officeId, db);
  return { ...entry!, office: { name: office.name, shortName: office.shortName, address: office.address } };
}
