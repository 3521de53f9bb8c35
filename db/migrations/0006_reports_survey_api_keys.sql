ALTER TYPE "public"."actor_type" ADD VALUE 'api_key';--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"booking_id" uuid,
	"service_id" uuid,
	"counter_id" uuid,
	"service_date" date NOT NULL,
	"u1" smallint NOT NULL,
	"u2" smallint NOT NULL,
	"u3" smallint NOT NULL,
	"u4" smallint NOT NULL,
	"u5" smallint NOT NULL,
	"u6" smallint NOT NULL,
	"u7" smallint NOT NULL,
	"u8" smallint NOT NULL,
	"u9" smallint NOT NULL,
	"comment" text,
	"age_band" text,
	"sex" text,
	"education" text,
	"occupation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_scores_ck" CHECK (least("survey_responses"."u1", "survey_responses"."u2", "survey_responses"."u3", "survey_responses"."u4", "survey_responses"."u5", "survey_responses"."u6", "survey_responses"."u7", "survey_responses"."u8", "survey_responses"."u9") >= 1 and greatest("survey_responses"."u1", "survey_responses"."u2", "survey_responses"."u3", "survey_responses"."u4", "survey_responses"."u5", "survey_responses"."u6", "survey_responses"."u7", "survey_responses"."u8", "survey_responses"."u9") <= 4),
	CONSTRAINT "survey_responses_sex_ck" CHECK ("survey_responses"."sex" is null or "survey_responses"."sex" in ('M', 'F'))
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by_staff_id" uuid,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_keys_scopes_ck" CHECK (cardinality("api_keys"."scopes") > 0 and "api_keys"."scopes" <@ array['booking', 'admin', 'reports']::text[])
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_staff_id_staff_users_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_booking_uq" ON "survey_responses" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "survey_responses_office_date_idx" ON "survey_responses" USING btree ("office_id","service_date");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_uq" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_office_idx" ON "api_keys" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "calls_booking_idx" ON "calls" USING btree ("booking_id","called_at");