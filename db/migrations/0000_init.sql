CREATE TYPE "public"."actor_type" AS ENUM('citizen', 'staff', 'device', 'system');--> statement-breakpoint
CREATE TYPE "public"."booking_channel" AS ENUM('online', 'assisted', 'walk_in');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('booked', 'checked_in', 'called', 'serving', 'done', 'cancelled', 'no_show', 'expired');--> statement-breakpoint
CREATE TYPE "public"."call_kind" AS ENUM('call', 'recall');--> statement-breakpoint
CREATE TYPE "public"."capacity_scope" AS ENUM('day', 'session', 'service', 'phone', 'sequence');--> statement-breakpoint
CREATE TYPE "public"."date_override_kind" AS ENUM('closed', 'open');--> statement-breakpoint
CREATE TYPE "public"."device_kind" AS ENUM('display', 'kiosk');--> statement-breakpoint
CREATE TYPE "public"."late_arrival_policy" AS ENUM('back_of_queue', 'refuse');--> statement-breakpoint
CREATE TYPE "public"."priority_reason" AS ENUM('elderly', 'disability', 'pregnant');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('admin', 'supervisor', 'operator');--> statement-breakpoint
CREATE TABLE "forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"note" text,
	"url" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"timezone" text DEFAULT 'Asia/Jakarta' NOT NULL,
	"region_code" text NOT NULL,
	"address" text,
	"website" text,
	"open_weekdays" smallint[] DEFAULT '{1,2,3,4,5}'::smallint[] NOT NULL,
	"daily_cap" integer DEFAULT 250 NOT NULL,
	"walk_in_reserve_percent" smallint DEFAULT 20 NOT NULL,
	"booking_days_ahead" smallint DEFAULT 7 NOT NULL,
	"booking_opens_at" time DEFAULT '00:00' NOT NULL,
	"booking_cutoff_days_before" smallint DEFAULT 1 NOT NULL,
	"booking_cutoff_at" time DEFAULT '23:59' NOT NULL,
	"phone_daily_limit" smallint DEFAULT 5 NOT NULL,
	"allow_several_services_per_day" boolean DEFAULT false NOT NULL,
	"check_in_opens_minutes" smallint DEFAULT 60 NOT NULL,
	"check_in_grace_minutes" smallint DEFAULT 30 NOT NULL,
	"late_arrival_policy" "late_arrival_policy" DEFAULT 'back_of_queue' NOT NULL,
	"no_show_after_calls" smallint DEFAULT 3 NOT NULL,
	"is_priority_enabled" boolean DEFAULT true NOT NULL,
	"retention_days" smallint DEFAULT 365 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offices_daily_cap_ck" CHECK ("offices"."daily_cap" >= 0),
	CONSTRAINT "offices_reserve_ck" CHECK ("offices"."walk_in_reserve_percent" between 0 and 100),
	CONSTRAINT "offices_days_ahead_ck" CHECK ("offices"."booking_days_ahead" between 1 and 90),
	CONSTRAINT "offices_phone_limit_ck" CHECK ("offices"."phone_daily_limit" between 1 and 50)
);
--> statement-breakpoint
CREATE TABLE "requirement_forms" (
	"requirement_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	CONSTRAINT "requirement_forms_requirement_id_form_id_pk" PRIMARY KEY("requirement_id","form_id")
);
--> statement-breakpoint
CREATE TABLE "service_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"text" text NOT NULL,
	"text_en" text
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"min_age" smallint,
	"max_age" smallint,
	"eligibility_note" text,
	"queue_letter" text NOT NULL,
	"daily_cap" integer,
	"is_active" boolean DEFAULT true NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_letter_ck" CHECK ("services"."queue_letter" ~ '^[A-Z]$'),
	CONSTRAINT "services_daily_cap_ck" CHECK ("services"."daily_cap" is null or "services"."daily_cap" >= 0)
);
--> statement-breakpoint
CREATE TABLE "capacity_usages" (
	"office_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"scope" "capacity_scope" NOT NULL,
	"scope_key" text NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "capacity_usages_office_id_service_date_scope_scope_key_pk" PRIMARY KEY("office_id","service_date","scope","scope_key"),
	CONSTRAINT "capacity_usages_used_ck" CHECK ("capacity_usages"."used" >= 0)
);
--> statement-breakpoint
CREATE TABLE "date_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" date_override_kind NOT NULL,
	"reason" text NOT NULL,
	"reason_en" text,
	"daily_cap" integer,
	CONSTRAINT "date_overrides_cap_ck" CHECK ("date_overrides"."daily_cap" is null or "date_overrides"."daily_cap" >= 0)
);
--> statement-breakpoint
CREATE TABLE "session_capacity_overrides" (
	"office_id" uuid NOT NULL,
	"date" date NOT NULL,
	"starts_at" time NOT NULL,
	"capacity" integer NOT NULL,
	CONSTRAINT "session_capacity_overrides_office_id_date_starts_at_pk" PRIMARY KEY("office_id","date","starts_at"),
	CONSTRAINT "session_capacity_overrides_ck" CHECK ("session_capacity_overrides"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "weekly_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"capacity" integer NOT NULL,
	CONSTRAINT "weekly_sessions_weekday_ck" CHECK ("weekly_sessions"."weekday" between 1 and 7),
	CONSTRAINT "weekly_sessions_order_ck" CHECK ("weekly_sessions"."starts_at" < "weekly_sessions"."ends_at"),
	CONSTRAINT "weekly_sessions_capacity_ck" CHECK ("weekly_sessions"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"kind" "device_kind" NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by_staff_id" uuid,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "staff_role" NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"office_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"session_starts_at" time NOT NULL,
	"session_ends_at" time NOT NULL,
	"queue_letter" text NOT NULL,
	"queue_seq" integer NOT NULL,
	"status" "booking_status" DEFAULT 'booked' NOT NULL,
	"channel" "booking_channel" DEFAULT 'online' NOT NULL,
	"nik_hash" text,
	"nik_encrypted" text,
	"nik_masked" text NOT NULL,
	"full_name" text,
	"phone" text,
	"phone_hash" text,
	"email" text,
	"age_years" smallint,
	"sex" text,
	"dedupe_key" text,
	"is_priority" boolean DEFAULT false NOT NULL,
	"priority_reason" "priority_reason",
	"consent_at" timestamp with time zone,
	"queue_sort_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"called_at" timestamp with time zone,
	"call_count" smallint DEFAULT 0 NOT NULL,
	"counter_id" uuid,
	"serving_started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"no_show_at" timestamp with time zone,
	"created_by_staff_id" uuid,
	"purged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_session_ck" CHECK ("bookings"."session_starts_at" < "bookings"."session_ends_at"),
	CONSTRAINT "bookings_sex_ck" CHECK ("bookings"."sex" is null or "bookings"."sex" in ('M', 'F'))
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"kind" "call_kind" NOT NULL,
	"called_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counter_services" (
	"counter_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "counter_services_counter_id_service_id_pk" PRIMARY KEY("counter_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"number" smallint NOT NULL,
	"name" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid,
	"actor_type" "actor_type" NOT NULL,
	"actor_staff_id" uuid,
	"actor_device_id" uuid,
	"action" text NOT NULL,
	"booking_id" uuid,
	"details" jsonb,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "forms" ADD CONSTRAINT "forms_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_forms" ADD CONSTRAINT "requirement_forms_requirement_id_service_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."service_requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_forms" ADD CONSTRAINT "requirement_forms_form_id_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requirements" ADD CONSTRAINT "service_requirements_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_usages" ADD CONSTRAINT "capacity_usages_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "date_overrides" ADD CONSTRAINT "date_overrides_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_capacity_overrides" ADD CONSTRAINT "session_capacity_overrides_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_sessions" ADD CONSTRAINT "weekly_sessions_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_created_by_staff_id_staff_users_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_created_by_staff_id_staff_users_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_services" ADD CONSTRAINT "counter_services_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_services" ADD CONSTRAINT "counter_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_staff_id_staff_users_id_fk" FOREIGN KEY ("actor_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_device_id_devices_id_fk" FOREIGN KEY ("actor_device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "forms_office_slug_uq" ON "forms" USING btree ("office_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "offices_slug_uq" ON "offices" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "service_requirements_service_idx" ON "service_requirements" USING btree ("service_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "services_office_slug_uq" ON "services" USING btree ("office_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "date_overrides_office_date_uq" ON "date_overrides" USING btree ("office_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "weekly_sessions_office_day_start_uq" ON "weekly_sessions" USING btree ("office_id","weekday","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_token_hash_uq" ON "devices" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_email_uq" ON "staff_users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_reference_uq" ON "bookings" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_queue_number_uq" ON "bookings" USING btree ("office_id","service_date","queue_letter","queue_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_active_person_day_uq" ON "bookings" USING btree ("service_date","dedupe_key") WHERE "bookings"."status" in ('booked', 'checked_in', 'called', 'serving');--> statement-breakpoint
CREATE INDEX "bookings_office_day_status_idx" ON "bookings" USING btree ("office_id","service_date","status");--> statement-breakpoint
CREATE INDEX "bookings_waiting_idx" ON "bookings" USING btree ("office_id","service_date","queue_sort_at") WHERE "bookings"."status" = 'checked_in';--> statement-breakpoint
CREATE INDEX "bookings_nik_hash_idx" ON "bookings" USING btree ("nik_hash");--> statement-breakpoint
CREATE INDEX "calls_office_called_idx" ON "calls" USING btree ("office_id","called_at");--> statement-breakpoint
CREATE UNIQUE INDEX "counters_office_number_uq" ON "counters" USING btree ("office_id","number");--> statement-breakpoint
CREATE INDEX "audit_logs_booking_idx" ON "audit_logs" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "audit_logs_office_created_idx" ON "audit_logs" USING btree ("office_id","created_at");