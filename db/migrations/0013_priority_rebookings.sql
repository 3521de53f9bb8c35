ALTER TYPE "public"."capacity_scope" ADD VALUE 'priority';--> statement-breakpoint
CREATE TABLE "priority_rebookings" (
	"booking_id" uuid PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"reason_en" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"new_booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priority_rebookings_source_ck" CHECK ("priority_rebookings"."source" in ('outage', 'closure', 'capacity'))
);
--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "priority_rebook_percent" smallint DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "priority_rebookings" ADD CONSTRAINT "priority_rebookings_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_rebookings" ADD CONSTRAINT "priority_rebookings_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_rebookings" ADD CONSTRAINT "priority_rebookings_new_booking_id_bookings_id_fk" FOREIGN KEY ("new_booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "priority_rebookings_office_idx" ON "priority_rebookings" USING btree ("office_id","created_at");--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_priority_rebook_ck" CHECK ("offices"."priority_rebook_percent" between 0 and 100);