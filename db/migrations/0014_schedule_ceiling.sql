ALTER TABLE "capacity_usages" ADD COLUMN "ceiling" integer;--> statement-breakpoint
ALTER TABLE "session_capacity_overrides" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "session_capacity_overrides" ADD COLUMN "reason_en" text;