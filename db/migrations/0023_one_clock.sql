-- One clock for a booking's row (issue 7): the app's `now` (the one every data-layer command takes) is the
-- booking's created_at/updated_at and its audit row's time, and the messages a booking's insert or change
-- enqueues are due at the row's own time rather than at the database's now(). In production the two
-- clocks agree; a command run with another `now` (a test's fixed clock, a back-dated import) no longer
-- mixes them in one row. antrean_create_booking takes the time as a last parameter; otherwise it and the
-- trigger are those of 0010 and 0009.
DROP FUNCTION antrean_create_booking(
	uuid, uuid, date, time, time,
	integer, integer, integer, text, integer,
	text, text, booking_channel,
	text, text, text, text, text, text,
	smallint, text, text, boolean, priority_reason,
	timestamptz, uuid, actor_type, uuid, jsonb, text,
	text
);
--> statement-breakpoint
CREATE FUNCTION antrean_create_booking(
	p_office_id uuid, p_service_id uuid, p_service_date date, p_session_starts_at time, p_session_ends_at time,
	p_day_limit integer, p_session_limit integer, p_service_limit integer, p_phone_hash text, p_phone_limit integer,
	p_queue_letter text, p_reference text, p_channel booking_channel,
	p_nik_hash text, p_nik_encrypted text, p_nik_masked text, p_full_name text, p_phone text, p_email text,
	p_age_years smallint, p_sex text, p_dedupe_key text, p_is_priority boolean, p_priority_reason priority_reason,
	p_consent_at timestamptz, p_created_by_staff_id uuid, p_actor_type actor_type, p_actor_device_id uuid, p_audit_details jsonb, p_ip text,
	p_language text, p_now timestamptz
) RETURNS TABLE (booking_id uuid, booking_queue_seq integer, booking_created_ms double precision)
LANGUAGE plpgsql AS $$
DECLARE
	v_scope capacity_scope;
	v_key text;
	v_limit integer;
	v_seq integer;
	v_id uuid;
	v_created timestamptz;
BEGIN
	FOR v_scope, v_key, v_limit IN
		SELECT * FROM (VALUES
			('day'::capacity_scope, ''::text, p_day_limit),
			('session'::capacity_scope, to_char(p_session_starts_at, 'HH24:MI'), p_session_limit),
			('service'::capacity_scope, p_service_id::text, p_service_limit),
			('phone'::capacity_scope, p_phone_hash, p_phone_limit)
		) AS c(scope, scope_key, lim)
		WHERE c.scope_key IS NOT NULL
	LOOP
		IF v_limit <= 0 THEN
			RAISE EXCEPTION 'full' USING ERRCODE = 'AN001', DETAIL = v_scope::text;
		END IF;
		INSERT INTO capacity_usages AS u (office_id, service_date, scope, scope_key, used)
		VALUES (p_office_id, p_service_date, v_scope, v_key, 1)
		ON CONFLICT (office_id, service_date, scope, scope_key) DO UPDATE SET used = u.used + 1 WHERE u.used < v_limit;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'full' USING ERRCODE = 'AN001', DETAIL = v_scope::text;
		END IF;
	END LOOP;

	INSERT INTO capacity_usages AS u (office_id, service_date, scope, scope_key, used)
	VALUES (p_office_id, p_service_date, 'sequence', p_queue_letter, 1)
	ON CONFLICT (office_id, service_date, scope, scope_key) DO UPDATE SET used = u.used + 1
	RETURNING u.used INTO v_seq;

	INSERT INTO bookings (reference, office_id, service_id, service_date, session_starts_at, session_ends_at, queue_letter, queue_seq,
		channel, nik_hash, nik_encrypted, nik_masked, full_name, phone, phone_hash, email, age_years, sex, dedupe_key,
		is_priority, priority_reason, consent_at, created_by_staff_id, language, created_at, updated_at)
	VALUES (p_reference, p_office_id, p_service_id, p_service_date, p_session_starts_at, p_session_ends_at, p_queue_letter, v_seq,
		p_channel, p_nik_hash, p_nik_encrypted, p_nik_masked, p_full_name, p_phone, p_phone_hash, p_email, p_age_years, p_sex, p_dedupe_key,
		p_is_priority, p_priority_reason, p_consent_at, p_created_by_staff_id, p_language, p_now, p_now)
	RETURNING id, created_at INTO v_id, v_created;

	INSERT INTO audit_logs (office_id, actor_type, actor_staff_id, actor_device_id, action, booking_id, details, ip, created_at)
	VALUES (p_office_id, p_actor_type, p_created_by_staff_id, p_actor_device_id, 'booking.create', v_id, p_audit_details, p_ip, p_now);

	RETURN QUERY SELECT v_id, v_seq, (extract(epoch FROM v_created) * 1000)::double precision;
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
    UPDATE "messages" SET "recipient" = NULL, "rendered_text" = NULL, "updated_at" = now() WHERE "booking_id" = NEW."id";
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
  UPDATE "messages" SET "status" = 'cancelled', "updated_at" = now()
  WHERE "booking_id" = NEW."id" AND "kind" = 'reminder' AND "status" IN ('queued', 'no_channel');
  RETURN NULL;
END;
$$;
