import "server-only";
import { lt } from "drizzle-orm";
import { powSpent } from "@/db/schema";
import { getDb } from "../db";
import { AppError } from "../errors";
import { createPowChallenge, type PowProof } from "../pow/altcha";
import { requireOffice } from "./offices";
import { withDefaults, type CommandOptions } from "./command-options";

/**
 * Marks a proof (an ALTCHA challenge or a no-JavaScript wait token) as used, atomically: of two requests
 * with the same proof, on any instance, one gets through and the other is refused with 403 `challenge`.
 */
export async function spendPow(proof: PowProof): Promise<void> {
  const db = await getDb();
  const inserted = await db.insert(powSpent).values(proof).onConflictDoNothing().returning({ nonce: powSpent.nonce });
  if (inserted.length === 0) throw new AppError("challenge", "pow.error.replayed");
}

/** Forgets proofs whose challenge has expired (they are refused as expired anyway); hourly maintenance. */
export async function prunePowSpent({ now = new Date() }: { now?: Date } = {}): Promise<void> {
  const db = await getDb();
  await db.delete(powSpent).where(lt(powSpent.expiresAt, now));
}

/** A new ALTCHA challenge at the office's difficulty (GET /api/v1/challenge, the booking form's widget). */
export async function getPowChallenge({ officeSlug }: { officeSlug?: string }, options: CommandOptions = {}) {
  const office = await requireOffice(officeSlug);
  return createPowChallenge(office, withDefaults(options).now);
}
