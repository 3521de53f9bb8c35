import { z } from "zod";
import { NameSchema } from "./fields";

export const STAFF_ROLES = ["admin", "supervisor", "operator"] as const;
const MIN_PASSWORD_LENGTH = 12;

/** Emails compare case-insensitively (the unique index is on lower(email)). */
const LoginEmailSchema = z
  .string()
  .max(254)
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => v.length > 0, { error: "field.required" });

const EmailSchema = LoginEmailSchema.pipe(z.email({ error: "field.email.invalid" }));

/** Long enough to resist guessing, bounded so a huge body cannot make argon2 the bottleneck. */
const NewPasswordSchema = z
  .string()
  .max(256)
  .refine((v) => v.length >= MIN_PASSWORD_LENGTH, { error: "field.password.tooShort" });

const StaffIdSchema = z.uuid({ error: "field.invalid" });
const RoleSchema = z.enum(STAFF_ROLES, { error: "field.role.invalid" });

export const StaffLoginSchema = z.object({
  email: LoginEmailSchema,
  password: z.string().min(1).max(256),
});
export type StaffLoginInput = z.output<typeof StaffLoginSchema>;

export const CreateStaffSchema = z.object({
  name: NameSchema,
  email: EmailSchema,
  role: RoleSchema,
  password: NewPasswordSchema,
});
export type CreateStaffInput = z.output<typeof CreateStaffSchema>;

export const UpdateStaffRoleSchema = z.object({ staffId: StaffIdSchema, role: RoleSchema });
export type UpdateStaffRoleInput = z.output<typeof UpdateStaffRoleSchema>;

export const SetStaffActiveSchema = z.object({
  staffId: StaffIdSchema,
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type SetStaffActiveInput = z.output<typeof SetStaffActiveSchema>;

export const ResetStaffPasswordSchema = z.object({ staffId: StaffIdSchema, password: NewPasswordSchema });
export type ResetStaffPasswordInput = z.output<typeof ResetStaffPasswordSchema>;

export const StaffIdInputSchema = z.object({ staffId: StaffIdSchema });
