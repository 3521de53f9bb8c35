-- One active outage per scope (office, date, session or all, service or all): a declaration racing another
-- (the admin API and the staff form at once) got two, and lifting one left the scope suspended. Should a
-- database already hold such twins, the later ones are lifted (at the first one's start: they never added
-- anything) before the index is built.
UPDATE "outages" o SET "lifted_at" = o."starts_at"
FROM "outages" first
WHERE o."lifted_at" IS NULL AND first."lifted_at" IS NULL AND first."id" <> o."id"
  AND first."office_id" = o."office_id" AND first."date" = o."date"
  AND first."session_starts_at" IS NOT DISTINCT FROM o."session_starts_at"
  AND first."service_id" IS NOT DISTINCT FROM o."service_id"
  AND (first."starts_at", first."id") < (o."starts_at", o."id");--> statement-breakpoint
CREATE UNIQUE INDEX "outages_active_scope_uq" ON "outages" USING btree ("office_id","date",coalesce("session_starts_at"::text, ''),coalesce("service_id"::text, '')) WHERE "outages"."lifted_at" is null;
