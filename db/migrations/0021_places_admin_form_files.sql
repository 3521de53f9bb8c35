ALTER TABLE "forms" ALTER COLUMN "url" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "forms" ADD COLUMN "file" "bytea";--> statement-breakpoint
ALTER TABLE "forms" ADD COLUMN "file_name" text;--> statement-breakpoint
ALTER TABLE "forms" ADD COLUMN "file_sha256" text;--> statement-breakpoint
ALTER TABLE "forms" ADD COLUMN "file_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "date_overrides" ADD COLUMN "is_holiday" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "forms" ADD CONSTRAINT "forms_source_ck" CHECK ("forms"."url" is not null or "forms"."file" is not null);--> statement-breakpoint
ALTER TABLE "forms" ADD CONSTRAINT "forms_file_ck" CHECK (("forms"."file" is null and "forms"."file_name" is null and "forms"."file_sha256" is null and "forms"."file_updated_at" is null) or ("forms"."file" is not null and "forms"."file_name" is not null and "forms"."file_sha256" is not null and "forms"."file_updated_at" is not null and octet_length("forms"."file") between 5 and 2097152 and substring("forms"."file" from 1 for 5) = '\x255044462d'::bytea and length("forms"."file_name") between 5 and 120));--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_name_en_ck" CHECK ("offices"."name_en" is null or length("offices"."name_en") between 1 and 200);--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_place_position_ck" CHECK ("offices"."place_position" between 0 and 999);--> statement-breakpoint
-- Closed days so far were all read as holidays. Keep that for holidays (national, cuti bersama imports, the
-- seed) and mark the office's own closures (an audited schedule.close of the whole day) as closures.
UPDATE "date_overrides" AS o SET "is_holiday" = true
WHERE o."kind" = 'closed' AND NOT EXISTS (
  SELECT 1 FROM "audit_logs" AS a
  WHERE a."office_id" = o."office_id" AND a."action" = 'schedule.close'
    AND a."details" ->> 'date' = o."date"::text AND NOT (a."details" ? 'session')
);
