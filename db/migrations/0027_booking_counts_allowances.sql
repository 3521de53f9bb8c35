-- The booking statement also counts the caller's allowances (the address's or the date's shared one, the
-- NIK's and the phone's): one round trip per booking instead of two. The keys and caps come as arrays
-- (empty or null for staff, who have none); a key at its cap raises AN002 with the key as its detail. An
-- attempt the statement refuses (full, already booked) rolls its counts back with it, and the app counts
-- it again on its own (lib/dal/bookings.ts), so failed attempts still use the allowance.
-- The new function is an overload beside the previous one (0023's, 32 parameters), which stays: while
-- instances are restarted one by one onto this release, the ones still running the previous release keep
-- booking with it. A later migration drops it.
CREATE FUNCTION antrean_create_booking(
	p_office_id uuid, p_service_id uuid, p_service_date date, p_session_starts_at time, p_session_ends_at time,
	p_day_limit integer, p_session_limit integer, p_service_limit integer, p_phone_hash text, p_phone_limit integer,
	p_queue_letter text, p_reference text, p_channel booking_channel,
	p_nik_hash text, p_nik_encrypted text, p_nik_masked text, p_full_name text, p_phone text, p_email text,
	p_age_years smallint, p_sex text, p_dedupe_key text, p_is_priority boolean, p_priority_reason priority_reason,
	p_consent_at timestamptz, p_created_by_staff_id uuid, p_actor_type actor_type, p_actor_device_id uuid, p_audit_details jsonb, p_ip text,
	p_language text, p_now timestamptz,
	p_limit_keys text[], p_limit_caps integer[], p_limit_window timestamptz
) RETURNS TABLE (booking_id uuid, booking_queue_seq integer, booking_created_ms double precision)
LANGUAGE plpgsql AS $$
DECLARE
	v_scope capacity_scope;
	v_key text;
	v_limit integer;
	v_seq integer;
	v_id uuid;
	v_created timestamptz;
	v_limit_key text;
	v_cap integer;
BEGIN
	-- The caller's allowances first, in key order (every statement that counts several keys takes their
	-- rows in that order, so two of them never wait on each other). One over its cap refuses the attempt
	-- and, rolled back with it, counts nothing: the key is already at its cap.
	FOR v_limit_key, v_cap IN
		SELECT l.k, l.c FROM unnest(p_limit_keys, p_limit_caps) AS l(k, c) ORDER BY l.k
	LOOP
		INSERT INTO rate_limits AS r (key, window_start, count) VALUES (v_limit_key, p_limit_window, 1)
		ON CONFLICT (key, window_start) DO UPDATE SET count = r.count + 1 WHERE r.count < v_cap;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'rate limited' USING ERRCODE = 'AN002', DETAIL = v_limit_key;
		END IF;
	END LOOP;

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
