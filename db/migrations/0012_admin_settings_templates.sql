CREATE TABLE "message_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"kind" "message_kind" NOT NULL,
	"language" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_templates_language_ck" CHECK ("message_templates"."language" in ('id', 'en')),
	CONSTRAINT "message_templates_length_ck" CHECK (length("message_templates"."subject") between 1 and 200 and length("message_templates"."body") between 1 and 2000)
);
--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "message_templates_office_kind_language_uq" ON "message_templates" USING btree ("office_id","kind","language");--> statement-breakpoint
CREATE INDEX "message_templates_office_idx" ON "message_templates" USING btree ("office_id");--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_daily_cap_max_ck" CHECK ("offices"."daily_cap" <= 10000000);--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_cutoff_ck" CHECK ("offices"."booking_cutoff_days_before" between 0 and 90);--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_check_in_ck" CHECK ("offices"."check_in_opens_minutes" between 0 and 600 and "offices"."check_in_grace_minutes" between 0 and 240);--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_no_show_ck" CHECK ("offices"."no_show_after_calls" between 1 and 10);--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_retention_ck" CHECK ("offices"."retention_days" between 30 and 3650);--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_name_ck" CHECK (length("offices"."name") between 1 and 200 and length("offices"."short_name") between 1 and 60);--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_daily_cap_max_ck" CHECK ("services"."daily_cap" is null or "services"."daily_cap" <= 10000000);--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_age_ck" CHECK (("services"."min_age" is null or "services"."min_age" between 0 and 120) and ("services"."max_age" is null or "services"."max_age" between 0 and 120) and ("services"."min_age" is null or "services"."max_age" is null or "services"."min_age" <= "services"."max_age"));--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_name_ck" CHECK (length("services"."name") between 1 and 200 and length("services"."category") between 1 and 100);