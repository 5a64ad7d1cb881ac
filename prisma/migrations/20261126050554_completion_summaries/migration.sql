-- AlterTable
ALTER TABLE "person_assignment" ADD COLUMN     "done_on" DATE;

-- CreateTable
CREATE TABLE "completion_summary" (
    "unit_id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "staff_category" "staff_category" NOT NULL,
    "due_on" DATE NOT NULL,
    "assigned" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "completion_summary_pkey" PRIMARY KEY ("unit_id","assignment_id","staff_category","due_on")
);

-- CreateTable
CREATE TABLE "completion_month" (
    "month_end" DATE NOT NULL,
    "unit_id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "staff_category" "staff_category" NOT NULL,
    "assigned" INTEGER NOT NULL,
    "done" INTEGER NOT NULL,
    "overdue" INTEGER NOT NULL,

    CONSTRAINT "completion_month_pkey" PRIMARY KEY ("month_end","unit_id","assignment_id","staff_category")
);

-- CreateTable
CREATE TABLE "completion_month_unit" (
    "month_end" DATE NOT NULL,
    "unit_id" UUID NOT NULL,
    "staff_category" "staff_category" NOT NULL,
    "assigned" INTEGER NOT NULL,
    "done" INTEGER NOT NULL,
    "overdue" INTEGER NOT NULL,

    CONSTRAINT "completion_month_unit_pkey" PRIMARY KEY ("month_end","unit_id","staff_category")
);

-- CreateTable
CREATE TABLE "completion_month_build" (
    "month_end" DATE NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "completion_month_build_pkey" PRIMARY KEY ("month_end")
);


-- Hand-written (ADR 022): the figures HR reports, kept in the transaction
-- that changes them, whichever code path that is.

-- The first day (Vietnam time) a completion satisfies a period that began
-- on p_assigned: any completion for a one-off rule, one still valid then
-- (completed less than p_recurrence months before) for a recurring one.
CREATE FUNCTION hoc_so_done_on(p_user uuid, p_course uuid, p_assigned date, p_recurrence int) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT min((e.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
    FROM enrolment e
   WHERE e.user_id = p_user AND e.course_id = p_course AND e.status = 'COMPLETED' AND e.completed_at IS NOT NULL
     AND (p_recurrence IS NULL
          OR ((e.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh') + make_interval(months => p_recurrence))::date > p_assigned)
$$;

-- Every trigger below first takes this person's lock (until the end of the
-- transaction), then reads the other tables: two transactions changing one
-- person's figures (a completion and a move, say) take turns, and the
-- second reads what the first committed. Without it, each would work from
-- a snapshot that misses the other's change, and today's figures would
-- drift from the recount.
CREATE FUNCTION hoc_so_lock_person(p_user uuid) RETURNS void
LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock(hashtextextended('completion:' || p_user::text, 0)) $$;

-- Adds (p_sign = 1) or takes away (-1) one requirement's share of today's
-- figures: in each unit its person is in now.
CREATE FUNCTION hoc_so_summary_apply(p_user uuid, p_assignment uuid, p_due date, p_done boolean, p_sign int) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO completion_summary AS s (unit_id, assignment_id, staff_category, due_on, assigned, done)
  SELECT m.unit_id, p_assignment, u.staff_category, p_due, p_sign, CASE WHEN p_done THEN p_sign ELSE 0 END
    FROM unit_membership m JOIN app_user u ON u.id = m.user_id
   WHERE m.user_id = p_user AND m.valid_to IS NULL
  ON CONFLICT (unit_id, assignment_id, staff_category, due_on)
  DO UPDATE SET assigned = s.assigned + EXCLUDED.assigned, done = s.done + EXCLUDED.done
$$;

-- A person's requirements in force, added to or taken from one unit (a
-- membership opening or closing) or under one staff category.
CREATE FUNCTION hoc_so_summary_apply_person(p_user uuid, p_unit uuid, p_category staff_category, p_sign int) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO completion_summary AS s (unit_id, assignment_id, staff_category, due_on, assigned, done)
  SELECT p_unit, pa.assignment_id, p_category, pa.due_on, p_sign * count(*), p_sign * count(pa.done_on)
    FROM person_assignment pa
   WHERE pa.user_id = p_user AND pa.ended_on IS NULL
   GROUP BY pa.assignment_id, pa.due_on
  ON CONFLICT (unit_id, assignment_id, staff_category, due_on)
  DO UPDATE SET assigned = s.assigned + EXCLUDED.assigned, done = s.done + EXCLUDED.done
$$;

-- person_assignment: its done_on is worked out as it is written...
CREATE FUNCTION hoc_so_person_assignment_done_on() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM hoc_so_lock_person(NEW.user_id);
  SELECT hoc_so_done_on(NEW.user_id, a.course_id, NEW.assigned_on, a.recurrence_months)
    INTO NEW.done_on FROM assignment a WHERE a.id = NEW.assignment_id;
  RETURN NEW;
END $$;

CREATE TRIGGER person_assignment_done_on_hand
  BEFORE INSERT OR UPDATE OF user_id, assignment_id, assigned_on ON person_assignment
  FOR EACH ROW EXECUTE FUNCTION hoc_so_person_assignment_done_on();

-- Existing rows get theirs before the triggers below are there to count
-- each one (today's figures are then built once, at the end).
UPDATE person_assignment pa
   SET done_on = hoc_so_done_on(pa.user_id, a.course_id, pa.assigned_on, a.recurrence_months)
  FROM assignment a WHERE a.id = pa.assignment_id;

-- ...and its share of today's figures moves with it.
CREATE FUNCTION hoc_so_person_assignment_summary() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM hoc_so_lock_person(OLD.user_id); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM hoc_so_lock_person(NEW.user_id); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.ended_on IS NULL THEN
    PERFORM hoc_so_summary_apply(OLD.user_id, OLD.assignment_id, OLD.due_on, OLD.done_on IS NOT NULL, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.ended_on IS NULL THEN
    PERFORM hoc_so_summary_apply(NEW.user_id, NEW.assignment_id, NEW.due_on, NEW.done_on IS NOT NULL, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER person_assignment_summary_hand
  AFTER INSERT OR DELETE OR UPDATE OF user_id, assignment_id, assigned_on, due_on, ended_on, done_on ON person_assignment
  FOR EACH ROW EXECUTE FUNCTION hoc_so_person_assignment_summary();

-- A completion made, changed or withdrawn: the periods it satisfies.
CREATE FUNCTION hoc_so_enrolment_done_on() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  rec record;
BEGIN
  FOR rec IN
    SELECT DISTINCT user_id, course_id FROM (VALUES
      (CASE WHEN TG_OP <> 'INSERT' THEN OLD.user_id END, CASE WHEN TG_OP <> 'INSERT' THEN OLD.course_id END),
      (CASE WHEN TG_OP <> 'DELETE' THEN NEW.user_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.course_id END)
    ) AS changed(user_id, course_id) WHERE user_id IS NOT NULL
  LOOP
    PERFORM hoc_so_lock_person(rec.user_id);
    UPDATE person_assignment pa
       SET done_on = hoc_so_done_on(pa.user_id, a.course_id, pa.assigned_on, a.recurrence_months)
      FROM assignment a
     WHERE a.id = pa.assignment_id AND pa.user_id = rec.user_id AND a.course_id = rec.course_id
       AND pa.done_on IS DISTINCT FROM hoc_so_done_on(pa.user_id, a.course_id, pa.assigned_on, a.recurrence_months);
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER enrolment_done_on_hand
  AFTER INSERT OR DELETE ON enrolment
  FOR EACH ROW EXECUTE FUNCTION hoc_so_enrolment_done_on();
-- Learners' progress writes touch enrolment all day: only a change to
-- whether or when it was completed wakes the trigger.
CREATE TRIGGER enrolment_done_on_update_hand
  AFTER UPDATE OF user_id, course_id, status, completed_at ON enrolment
  FOR EACH ROW
  WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.course_id IS DISTINCT FROM NEW.course_id
        OR OLD.status IS DISTINCT FROM NEW.status OR OLD.completed_at IS DISTINCT FROM NEW.completed_at)
  EXECUTE FUNCTION hoc_so_enrolment_done_on();

-- A rule pointed at another course, or made recurring: its periods again.
CREATE FUNCTION hoc_so_assignment_done_on() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  person uuid;
BEGIN
  -- Person by person, each under their lock (see hoc_so_lock_person).
  FOR person IN SELECT DISTINCT user_id FROM person_assignment WHERE assignment_id = NEW.id ORDER BY user_id LOOP
    PERFORM hoc_so_lock_person(person);
    UPDATE person_assignment pa
       SET done_on = hoc_so_done_on(pa.user_id, NEW.course_id, pa.assigned_on, NEW.recurrence_months)
     WHERE pa.assignment_id = NEW.id AND pa.user_id = person
       AND pa.done_on IS DISTINCT FROM hoc_so_done_on(pa.user_id, NEW.course_id, pa.assigned_on, NEW.recurrence_months);
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER assignment_done_on_hand
  AFTER UPDATE OF course_id, recurrence_months ON assignment
  FOR EACH ROW
  WHEN (OLD.course_id IS DISTINCT FROM NEW.course_id OR OLD.recurrence_months IS DISTINCT FROM NEW.recurrence_months)
  EXECUTE FUNCTION hoc_so_assignment_done_on();

-- A person's unit: a membership that opens or closes moves their figures.
CREATE FUNCTION hoc_so_membership_summary() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM hoc_so_lock_person(OLD.user_id); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM hoc_so_lock_person(NEW.user_id); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.valid_to IS NULL THEN
    PERFORM hoc_so_summary_apply_person(OLD.user_id, OLD.unit_id, u.staff_category, -1) FROM app_user u WHERE u.id = OLD.user_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.valid_to IS NULL THEN
    PERFORM hoc_so_summary_apply_person(NEW.user_id, NEW.unit_id, u.staff_category, 1) FROM app_user u WHERE u.id = NEW.user_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER unit_membership_summary_hand
  AFTER INSERT OR DELETE OR UPDATE OF user_id, unit_id, valid_to ON unit_membership
  FOR EACH ROW EXECUTE FUNCTION hoc_so_membership_summary();

-- A person's staff category: their figures move to the new one.
CREATE FUNCTION hoc_so_user_category_summary() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM hoc_so_lock_person(NEW.id);
  PERFORM hoc_so_summary_apply_person(NEW.id, m.unit_id, OLD.staff_category, -1),
          hoc_so_summary_apply_person(NEW.id, m.unit_id, NEW.staff_category, 1)
     FROM unit_membership m WHERE m.user_id = NEW.id AND m.valid_to IS NULL;
  RETURN NULL;
END $$;

CREATE TRIGGER app_user_category_summary_hand
  AFTER UPDATE OF staff_category ON app_user
  FOR EACH ROW WHEN (OLD.staff_category IS DISTINCT FROM NEW.staff_category)
  EXECUTE FUNCTION hoc_so_user_category_summary();

-- Today's figures from scratch (and the check that the triggers kept them):
-- concurrent writers wait for the lock, so nothing is counted twice.
CREATE FUNCTION hoc_so_rebuild_completion_summary() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE completion_summary IN EXCLUSIVE MODE;
  DELETE FROM completion_summary;
  INSERT INTO completion_summary (unit_id, assignment_id, staff_category, due_on, assigned, done)
  SELECT m.unit_id, pa.assignment_id, u.staff_category, pa.due_on, count(*), count(pa.done_on)
    FROM person_assignment pa
    JOIN unit_membership m ON m.user_id = pa.user_id AND m.valid_to IS NULL
    JOIN app_user u ON u.id = pa.user_id
   WHERE pa.ended_on IS NULL
   GROUP BY m.unit_id, pa.assignment_id, u.staff_category, pa.due_on;
END $$;

-- Today's overdue list (oldest due first, then by id: the page order): open, not done, past due.
CREATE INDEX person_assignment_overdue_hand ON person_assignment (due_on, id) WHERE ended_on IS NULL AND done_on IS NULL;

-- Today's figures for the existing rows.
SELECT hoc_so_rebuild_completion_summary();
