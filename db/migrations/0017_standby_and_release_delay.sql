CREATE TYPE "public"."capacity_release_status" AS ENUM('pending', 'held', 'released', 'used');--> statement-breakpoint
CREATE TYPE "public"."standby_status" AS ENUM('waiting', 'offered', 'booked', 'expired');--> statement-breakpoint
ALTER TYPE "public"."message_kind" ADD VALUE 'standby_offer';--> statement-breakpoint
CREATE TABLE "capacity_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"session_starts_at" time NOT NULL,
	"session_ends_at" time NOT NULL,
	"is_whole_place" boolean NOT NULL,
	"release_at" timestamp with time zone NOT NULL,
	"status" "capacity_release_status" DEFAULT 'pending' NOT NULL,
	"source_booking_id" uuid,
	"standby_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standby_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "standby_entries_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"reference" text NOT NULL,
	"office_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"session_starts_at" time,
	"nik_hash" text NOT NULL,
	"nik_encrypted" text NOT NULL,
	"nik_masked" text NOT NULL,
	"full_name" text NOT NULL,
	"phone" text NOT NULL,
	"language" text DEFAULT 'id' NOT NULL,
	"status" "standby_status" DEFAULT 'waiting' NOT NULL,
	"offered_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"offered_session_starts_at" time,
	"offered_session_ends_at" time,
	"booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "standby_entries_language_ck" CHECK ("standby_entries"."language" in ('id', 'en')),
	CONSTRAINT "standby_entries_offer_ck" CHECK ("standby_entries"."status" <> 'offered' or ("standby_entries"."offer_expires_at" is not null and "standby_entries"."offered_session_starts_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "release_delay_minutes" smallint DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "standby_offer_minutes" smallint DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "capacity_releases" ADD CONSTRAINT "capacity_releases_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_releases" ADD CONSTRAINT "capacity_releases_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_releases" ADD CONSTRAINT "capacity_releases_source_booking_id_bookings_id_fk" FOREIGN KEY ("source_booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_releases" ADD CONSTRAINT "capacity_releases_standby_entry_id_standby_entries_id_fk" FOREIGN KEY ("standby_entry_id") REFERENCES "public"."standby_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standby_entries" ADD CONSTRAINT "standby_entries_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standby_entries" ADD CONSTRAINT "standby_entries_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standby_entries" ADD CONSTRAINT "standby_entries_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capacity_releases_due_idx" ON "capacity_releases" USING btree ("release_at") WHERE "capacity_releases"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "capacity_releases_office_day_idx" ON "capacity_releases" USING btree ("office_id","service_date","status");--> statement-breakpoint
CREATE INDEX "capacity_releases_entry_idx" ON "capacity_releases" USING btree ("standby_entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "standby_entries_reference_uq" ON "standby_entries" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "standby_entries_person_day_uq" ON "standby_entries" USING btree ("office_id","service_date","nik_hash");--> statement-breakpoint
CREATE INDEX "standby_entries_waiting_idx" ON "standby_entries" USING btree ("office_id","service_date","service_id","seq") WHERE "standby_entries"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "standby_entries_offer_due_idx" ON "standby_entries" USING btree ("offer_expires_at") WHERE "standby_entries"."status" = 'offered';--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_release_delay_ck" CHECK ("offices"."release_delay_minutes" between 0 and 1440);--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_standby_offer_ck" CHECK ("offices"."standby_offer_minutes" between 5 and 1440);