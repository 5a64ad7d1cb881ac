-- CreateEnum
CREATE TYPE "assignment_target" AS ENUM ('PERSON', 'UNIT', 'STAFF_CATEGORY', 'JOB_TITLE');

-- CreateTable
CREATE TABLE "assignment" (
    "id" UUID NOT NULL,
    "course_id" UUID NOT NULL,
    "target" "assignment_target" NOT NULL,
    "user_id" UUID,
    "unit_id" UUID,
    "include_subunits" BOOLEAN NOT NULL DEFAULT true,
    "staff_category" "staff_category",
    "job_title" VARCHAR(200),
    "scope_unit_id" UUID,
    "due_date" DATE,
    "due_days" INTEGER,
    "recurrence_months" INTEGER,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_assignment" (
    "id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "assigned_on" DATE NOT NULL,
    "due_on" DATE NOT NULL,
    "ended_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "assignment_course_id_idx" ON "assignment"("course_id");

-- CreateIndex
CREATE INDEX "assignment_unit_id_idx" ON "assignment"("unit_id");

-- CreateIndex
CREATE INDEX "person_assignment_user_id_ended_on_idx" ON "person_assignment"("user_id", "ended_on");

-- CreateIndex
CREATE INDEX "person_assignment_assignment_id_ended_on_idx" ON "person_assignment"("assignment_id", "ended_on");

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_scope_unit_id_fkey" FOREIGN KEY ("scope_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_assignment" ADD CONSTRAINT "person_assignment_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_assignment" ADD CONSTRAINT "person_assignment_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------
-- Written by hand (schema.prisma cannot express these; see CONTRIBUTING.md).

-- Each rule names exactly what its target needs.
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_target_hand" CHECK (
  CASE "target"
    WHEN 'PERSON' THEN "user_id" IS NOT NULL
    WHEN 'UNIT' THEN "unit_id" IS NOT NULL
    WHEN 'STAFF_CATEGORY' THEN "staff_category" IS NOT NULL
    WHEN 'JOB_TITLE' THEN "job_title" IS NOT NULL
  END);
-- A due date, or a number of days: one of the two.
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_due_hand"
  CHECK (("due_date" IS NULL) <> ("due_days" IS NULL) AND ("due_days" IS NULL OR "due_days" BETWEEN 1 AND 3650)
         AND ("recurrence_months" IS NULL OR "recurrence_months" BETWEEN 1 AND 120));
-- A person is under a rule at most once at a time.
CREATE UNIQUE INDEX "person_assignment_open_hand" ON "person_assignment" ("assignment_id", "user_id") WHERE "ended_on" IS NULL;
ALTER TABLE "person_assignment" ADD CONSTRAINT "person_assignment_dates_hand"
  CHECK ("ended_on" IS NULL OR "ended_on" >= "assigned_on");
