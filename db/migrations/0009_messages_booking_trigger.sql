-- The outbox rows for a booking's events, written by the database in the same transaction as the change,
-- whichever path made it (public form, API, staff desk, expiry sweep). One row per channel the booking has
-- an address for (WhatsApp: the phone; email: the address). The parameters never include the NIK.
CREATE OR REPLACE FUNCTION "antrean_booking_message_params"(b "bookings") RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'reference', b."reference",
    'queueNumber', b."queue_letter" || '-' || lpad(b."queue_seq"::text, 3, '0'),
    'service', CASE WHEN b."language" = 'en' THEN coalesce(s."name_en", s."name") ELSE s."name" END,
    'date', to_char(b."service_date", 'YYYY-MM-DD'),
    'sessionStart', to_char(b."session_starts_at", 'HH24:MI'),
    'sessionEnd', to_char(b."session_ends_at", 'HH24:MI'),
    'arriveBy', to_char(b."session_starts_at" - interval '15 minutes', 'HH24:MI'),
    'place', o."name",
    'address', o."address",
    'bring', coalesce((
      SELECT jsonb_agg(CASE WHEN b."language" = 'en' THEN coalesce(r."text_en", r."text") ELSE r."text" END ORDER BY r."position")
      FROM "service_requirements" r WHERE r."service_id" = b."service_id" AND r."kind" = 'document'
    ), '[]'::jsonb),
    'link', '/booking/' || b."reference"
  )
  FROM "services" s, "offices" o
  WHERE s."id" = b."service_id" AND o."id" = b."office_id"
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "antrean_enqueue_booking_message"(b "bookings", k "message_kind", key_suffix text, due timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  p jsonb := "antrean_booking_message_params"(b);
BEGIN
  IF b."phone" IS NOT NULL THEN
    INSERT INTO "messages" ("office_id", "booking_id", "kind", "channel", "recipient", "language", "params", "idempotency_key", "next_attempt_at")
    VALUES (b."office_id", b."id", k, 'whatsapp', ltrim(b."phone", '+'), b."language", p, k || ':' || b."id" || ':whatsapp' || key_suffix, due)
    ON CONFLICT ("idempotency_key") DO NOTHING;
  END IF;
  IF b."email" IS NOT NULL THEN
    INSERT INTO "messages" ("office_id", "booking_id", "kind", "channel", "recipient", "language", "params", "idempotency_key", "next_attempt_at")
    VALUES (b."office_id", b."id", k, 'email', b."email", b."language", p, k || ':' || b."id" || ':email' || key_suffix, due)
    ON CONFLICT ("idempotency_key") DO NOTHING;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "antrean_bookings_outbox"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."status" = 'booked' THEN
      PERFORM "antrean_enqueue_booking_message"(NEW, 'confirmation', '', now());
    END IF;
    RETURN NULL;
  END IF;
  IF NEW."purged_at" IS NOT NULL AND OLD."purged_at" IS NULL THEN
    -- Retention: the outbox keeps no address or text of a purged booking.
    UPDATE "messages" SET "recipient" = NULL, "rendered_text" = NULL, "updated_at" = now() WHERE "booking_id" = NEW."id";
  END IF;
  IF NEW."status" = 'cancelled' AND OLD."status" <> 'cancelled' THEN
    PERFORM "antrean_enqueue_booking_message"(NEW, 'cancelled', '', now());
  ELSIF NEW."status" = 'done' AND OLD."status" <> 'done' THEN
    PERFORM "antrean_enqueue_booking_message"(NEW, 'survey', '', now());
  ELSIF NEW."status" = 'booked' AND (NEW."service_date" <> OLD."service_date" OR NEW."session_starts_at" <> OLD."session_starts_at") THEN
    -- A booking may move more than once, even back to a former slot: the transaction id keeps each move's key apart.
    PERFORM "antrean_enqueue_booking_message"(NEW, 'moved', ':' || to_char(NEW."service_date", 'YYYY-MM-DD') || 'T' || to_char(NEW."session_starts_at", 'HH24MI') || ':' || txid_current(), now());
  ELSE
    RETURN NULL;
  END IF;
  -- A reminder still waiting belongs to the old date or a visit that will not happen.
  UPDATE "messages" SET "status" = 'cancelled', "updated_at" = now()
  WHERE "booking_id" = NEW."id" AND "kind" = 'reminder' AND "status" IN ('queued', 'no_channel');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "bookings_outbox_insert" AFTER INSERT ON "bookings" FOR EACH ROW EXECUTE FUNCTION "antrean_bookings_outbox"();
--> statement-breakpoint
CREATE TRIGGER "bookings_outbox_update" AFTER UPDATE OF "status", "service_date", "session_starts_at", "purged_at" ON "bookings" FOR EACH ROW EXECUTE FUNCTION "antrean_bookings_outbox"();
