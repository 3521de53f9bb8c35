-- The booking keeps the language it was made in (its messages use it): antrean_create_booking takes it as a
-- last parameter. Otherwise the function is the one of 0004, unchanged.
DROP FUNCTION antrean_create_booking(
	uuid, uuid, date, time, time,
	integer, integer, integer, text, integer,
	text, text, booking_channel,
	text, text, text, text, text, text,
	smallint, text, text, boolean, priority_reason,
	timestamptz, uuid, actor_type, uuid, jsonb, text
);
--> statement-breakpoint
CREATE FUNCTION antrean_create_booking(
	p_office_id uuid, p_service_id uuid, p_service_date date, p_session_starts_at time, p_session_ends_at time,
	p_day_limit integer, p_session_limit integer, p_service_limit integer, p_phone_hash text, p_phone_limit integer,
	p_queue_letter text, p_reference text, p_channel booking_channel,
	p_nik_hash text, p_nik_encrypted text, p_nik_masked text, p_full_name text, p_phone text, p_email text,
	p_age_years smallint, p_sex text, p_dedupe_key text, p_is_priority boolean, p_priority_reason priority_reason,
	p_consent_at timestamptz, p_created_by_staff_id uuid, p_actor_type actor_type, p_actor_device_id uuid, p_audit_details jsonb, p_ip text,
	p_language text
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
		is_priority, priority_reason, consent_at, created_by_staff_id, language)
	VALUES (p_reference, p_office_id, p_service_id, p_service_date, p_session_starts_at, p_session_ends_at, p_queue_letter, v_seq,
		p_channel, p_nik_hash, p_nik_encrypted, p_nik_masked, p_full_name, p_phone, p_phone_hash, p_email, p_age_years, p_sex, p_dedupe_key,
		p_is_priority, p_priority_reason, p_consent_at, p_created_by_staff_id, p_language)
	RETURNING id, created_at INTO v_id, v_created;

	INSERT INTO audit_logs (office_id, actor_type, actor_staff_id, actor_device_id, action, booking_id, details, ip)
	VALUES (p_office_id, p_actor_type, p_created_by_staff_id, p_actor_device_id, 'booking.create', v_id, p_audit_details, p_ip);

	RETURN QUERY SELECT v_id, v_seq, (extract(epoch FROM v_created) * 1000)::double precision;
END;
$$;
