CREATE TYPE "public"."lottery_entry_status" AS ENUM('waiting', 'drawn', 'not_drawn');--> statement-breakpoint
ALTER TYPE "public"."message_kind" ADD VALUE 'lottery_drawn';--> statement-breakpoint
ALTER TYPE "public"."message_kind" ADD VALUE 'lottery_not_drawn';--> statement-breakpoint
CREATE TABLE "lottery_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"seed" text NOT NULL,
	"entry_count" integer NOT NULL,
	"places" integer NOT NULL,
	"winners" integer NOT NULL,
	"drawn_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lottery_draws_seed_ck" CHECK ("lottery_draws"."seed" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "lottery_draws_counts_ck" CHECK ("lottery_draws"."entry_count" >= 0 and "lottery_draws"."places" >= 0 and "lottery_draws"."winners" between 0 and "lottery_draws"."entry_count")
);
--> statement-breakpoint
CREATE TABLE "lottery_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"office_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"session_starts_at" time NOT NULL,
	"draw_at" timestamp with time zone NOT NULL,
	"nik_hash" text NOT NULL,
	"nik_encrypted" text NOT NULL,
	"nik_masked" text NOT NULL,
	"full_name" text NOT NULL,
	"phone" text NOT NULL,
	"email" text,
	"language" text DEFAULT 'id' NOT NULL,
	"consent_at" timestamp with time zone,
	"status" "lottery_entry_status" DEFAULT 'waiting' NOT NULL,
	"booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lottery_entries_language_ck" CHECK ("lottery_entries"."language" in ('id', 'en'))
);
--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "is_lottery_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "lottery_window_minutes" smallint DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "lottery_draws" ADD CONSTRAINT "lottery_draws_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lottery_entries" ADD CONSTRAINT "lottery_entries_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lottery_entries" ADD CONSTRAINT "lottery_entries_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lottery_entries" ADD CONSTRAINT "lottery_entries_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lottery_draws_office_day_uq" ON "lottery_draws" USING btree ("office_id","service_date");--> statement-breakpoint
CREATE UNIQUE INDEX "lottery_entries_reference_uq" ON "lottery_entries" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "lottery_entries_person_day_uq" ON "lottery_entries" USING btree ("office_id","service_date","nik_hash");--> statement-breakpoint
CREATE INDEX "lottery_entries_due_idx" ON "lottery_entries" USING btree ("draw_at") WHERE "lottery_entries"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "lottery_entries_office_day_idx" ON "lottery_entries" USING btree ("office_id","service_date");--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_lottery_window_ck" CHECK ("offices"."lottery_window_minutes" between 1 and 1440);