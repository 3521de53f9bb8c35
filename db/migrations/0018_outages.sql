CREATE TABLE "outages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"date" date NOT NULL,
	"session_starts_at" time,
	"service_id" uuid,
	"reason_code" text NOT NULL,
	"reason" text NOT NULL,
	"reason_en" text,
	"starts_at" timestamp with time zone NOT NULL,
	"lifted_at" timestamp with time zone,
	"created_by_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outages_reason_code_ck" CHECK ("outages"."reason_code" in ('siak_down', 'network_down', 'blanko_empty', 'other')),
	CONSTRAINT "outages_reason_ck" CHECK (length("outages"."reason") between 1 and 300 and ("outages"."reason_en" is null or length("outages"."reason_en") between 1 and 300))
);
--> statement-breakpoint
ALTER TABLE "priority_rebookings" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "outages" ADD CONSTRAINT "outages_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outages" ADD CONSTRAINT "outages_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outages" ADD CONSTRAINT "outages_created_by_staff_id_staff_users_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outages_office_date_idx" ON "outages" USING btree ("office_id","date");--> statement-breakpoint
CREATE INDEX "priority_rebookings_source_idx" ON "priority_rebookings" USING btree ("source_id");