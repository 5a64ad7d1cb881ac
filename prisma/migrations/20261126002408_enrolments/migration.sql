-- CreateEnum
CREATE TYPE "enrolment_status" AS ENUM ('IN_PROGRESS', 'COMPLETED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "enrolment_source" AS ENUM ('SELF', 'ASSIGNED');

-- CreateTable
CREATE TABLE "enrolment" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "course_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "status" "enrolment_status" NOT NULL DEFAULT 'IN_PROGRESS',
    "source" "enrolment_source" NOT NULL DEFAULT 'SELF',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_item_key" VARCHAR(80),
    "last_activity_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_progress" (
    "enrolment_id" UUID NOT NULL,
    "item_key" VARCHAR(80) NOT NULL,
    "completed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_progress_pkey" PRIMARY KEY ("enrolment_id","item_key")
);

-- CreateIndex
CREATE INDEX "enrolment_user_id_status_idx" ON "enrolment"("user_id", "status");

-- CreateIndex
CREATE INDEX "enrolment_course_id_status_idx" ON "enrolment"("course_id", "status");

-- AddForeignKey
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "course_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_progress" ADD CONSTRAINT "item_progress_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------
-- Written by hand (schema.prisma cannot express these; see CONTRIBUTING.md).

-- At most one enrolment in progress per person and course: two quick clicks
-- on "Bắt đầu học" make one enrolment.
CREATE UNIQUE INDEX "enrolment_one_in_progress_hand" ON "enrolment" ("user_id", "course_id")
  WHERE "status" = 'IN_PROGRESS';

ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_completed_hand"
  CHECK (("status" = 'COMPLETED') = ("completed_at" IS NOT NULL));
