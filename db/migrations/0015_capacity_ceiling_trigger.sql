-- A schedule change may lower a day's or session's cap (or close it: 0) while bookings are being made with
-- the cap they read a moment before (the read cache, another instance). The counter row then carries the
-- new cap as its `ceiling`, and an increment past it is skipped here: the booking's conditional upsert
-- finds no row and refuses as "full", in the same row lock that serialises every booking. Decrements
-- (cancellations) and rows without a ceiling are untouched; the WHEN clause keeps the hot path free.
CREATE FUNCTION "antrean_capacity_ceiling"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "capacity_usages_ceiling" BEFORE UPDATE OF "used" ON "capacity_usages" FOR EACH ROW
WHEN (NEW."ceiling" IS NOT NULL AND NEW."used" > OLD."used" AND NEW."used" > NEW."ceiling")
EXECUTE FUNCTION "antrean_capacity_ceiling"();
