ALTER TABLE "offices" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "is_public" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "is_training" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "map_url" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "place_position" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_parent_id_offices_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."offices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offices_parent_idx" ON "offices" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "audit_logs_reschedule_idx" ON "audit_logs" USING btree ("office_id","created_at") WHERE "audit_logs"."action" = 'booking.reschedule';--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_map_url_ck" CHECK ("offices"."map_url" is null or "offices"."map_url" ~ '^https://[^[:space:]]+$');--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_parent_ck" CHECK ("offices"."parent_id" is null or "offices"."parent_id" <> "offices"."id");