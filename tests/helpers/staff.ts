import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Database } from "@/db/client";
import { staffUsers, type StaffRole, type StaffUser } from "@/db/schema";
import { citizen, type StaffActor } from "@/lib/auth/actor";
import { verifyStaffLogin, type StaffLogin } from "@/lib/dal/staff-auth";
import { parseInput } from "@/lib/validation/parse";
import { StaffLoginSchema } from "@/lib/validation/staff";

export const TEST_PASSWORD = "Correct-Horse-Battery-9";
let passwordHash: Promise<string> | undefined;

/** A staff account with TEST_PASSWORD (hashed once per file: argon2 is deliberately slow). */
export async function createTestStaff(
  db: Database,
  officeId: string,
  options: { role?: StaffRole; isActive?: boolean; email?: string; name?: string } = {},
): Promise<StaffUser> {
  passwordHash ??= hash(TEST_PASSWORD);
  const [row] = await db
    .insert(staffUsers)
    .values({
      officeId,
      email: options.email ?? `staff-${randomBytes(4).toString("hex")}@antrean.test`,
      name: options.name ?? "Petugas Uji",
      role: options.role ?? "operator",
      isActive: options.isActive ?? true,
      passwordHash: await passwordHash,
    })
    .returning();
  return row!;
}

export function actorOf(staff: StaffUser, ip: string | null = "10.0.0.1"): StaffActor {
  return { type: "staff", staffId: staff.id, officeId: staff.officeId, role: staff.role, name: staff.name, email: staff.email, ip };
}

/**
 * One login attempt as the login form makes it: the form parsed by its schema (as `defineAction` does),
 * then the data layer's login for a caller at `ip` (null: no trusted proxy, so no address).
 */
export async function attemptLogin(
  form: { email: unknown; password: unknown },
  options: { ip?: string | null; knownDevice?: string | null; now?: Date } = {},
): Promise<StaffLogin> {
  const input = parseInput(StaffLoginSchema, form);
  return verifyStaffLogin(citizen(options.ip ?? null), { ...input, knownDevice: options.knownDevice ?? null }, { now: options.now });
}
