-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "quiz_extra_time_percent" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "course_item" ADD COLUMN     "quiz_settings" JSONB;

-- AlterTable
ALTER TABLE "quiz_attempt" ADD COLUMN     "checked" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "deadline" TIMESTAMPTZ(3),
ADD COLUMN     "regraded_at" TIMESTAMPTZ(3),
ADD COLUMN     "settings" JSONB NOT NULL DEFAULT '{}';


-- ---------------------------------------------------------------------------
-- Written by hand (schema.prisma cannot express these; see CONTRIBUTING.md).

ALTER TABLE "app_user" ADD CONSTRAINT "app_user_quiz_extra_time_hand"
  CHECK ("quiz_extra_time_percent" BETWEEN 0 AND 300);
ALTER TABLE "quiz_attempt" ADD CONSTRAINT "quiz_attempt_checked_hand"
  CHECK (jsonb_typeof("checked") = 'array');
-- The job that closes attempts past their deadline reads only open, timed ones.
CREATE INDEX "quiz_attempt_open_deadline_hand" ON "quiz_attempt" ("deadline")
  WHERE "state" = 'IN_PROGRESS' AND "deadline" IS NOT NULL;
