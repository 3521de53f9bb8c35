-- One clock for the outbox (as 0023 did for the bookings): the messages the bookings trigger writes carry the
-- booking row's own time — the command's clock, which the app sets — as created_at and updated_at, not the
-- database's now(). Retention purges messages by created_at and the outbox screens group them by it, so they
-- must agree with the booking they belong to (found by a test with a fixed clock: the lottery's messages were
-- dated by the database). Due times, rows, keys and the WHEN clauses of 0024 are unchanged.
CREATE OR REPLACE FUNCTION "antrean_enqueue_booking_message"(b "bookings", k "message_kind", key_suffix text, due timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  p jsonb;
BEGIN
  IF b."phone" IS NULL AND b."email" IS NULL THEN
    RETURN;
  END IF;
  p := "antrean_booking_message_params"(b);
  INSERT INTO "messages" ("office_id", "booking_id", "kind", "channel", "recipient", "language", "params", "idempotency_key", "next_attempt_at", "created_at", "updated_at")
  SELECT b."office_id", b."id", k, c."channel", c."recipient", b."language", p, k || ':' || b."id" || ':' || c."channel" || key_suffix, due, due, due
  FROM (VALUES ('whatsapp'::"message_channel", b."phone", ltrim(b."phone", '+')), ('email'::"message_channel", b."email", b."email"))
    AS c("channel", address, "recipient")
  WHERE c.address IS NOT NULL
  ON CONFLICT ("idempotency_key") DO NOTHING;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "antrean_bookings_outbox"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."status" = 'booked' THEN
      PERFORM "antrean_enqueue_booking_message"(NEW, 'confirmation', '', NEW."created_at");
    END IF;
    RETURN NULL;
  END IF;
  IF NEW."purged_at" IS NOT NULL AND OLD."purged_at" IS NULL THEN
    -- Retention: the outbox keeps no address or text of a purged booking.
    UPDATE "messages" SET "recipient" = NULL, "rendered_text" = NULL, "updated_at" = NEW."purged_at" WHERE "booking_id" = NEW."id";
  END IF;
  IF NEW."status" = 'cancelled' AND OLD."status" <> 'cancelled' THEN
    PERFORM "antrean_enqueue_booking_message"(NEW, 'cancelled', '', NEW."updated_at");
  ELSIF NEW."status" = 'done' AND OLD."status" <> 'done' THEN
    PERFORM "antrean_enqueue_booking_message"(NEW, 'survey', '', NEW."updated_at");
  ELSIF NEW."status" = 'booked' AND (NEW."service_date" <> OLD."service_date" OR NEW."session_starts_at" <> OLD."session_starts_at") THEN
    -- A booking may move more than once, even back to a former slot: the transaction id keeps each move's key apart.
    PERFORM "antrean_enqueue_booking_message"(NEW, 'moved', ':' || to_char(NEW."service_date", 'YYYY-MM-DD') || 'T' || to_char(NEW."session_starts_at", 'HH24MI') || ':' || txid_current(), NEW."updated_at");
  ELSE
    RETURN NULL;
  END IF;
  -- A reminder still waiting belongs to the old date or a visit that will not happen.
  UPDATE "messages" SET "status" = 'cancelled', "updated_at" = NEW."updated_at"
  WHERE "booking_id" = NEW."id" AND "kind" = 'reminder' AND "status" IN ('queued', 'no_channel');
  RETURN NULL;
END;
$$;
