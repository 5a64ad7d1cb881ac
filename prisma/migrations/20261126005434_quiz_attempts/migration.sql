-- CreateEnum
CREATE TYPE "attempt_state" AS ENUM ('IN_PROGRESS', 'SUBMITTED');

-- CreateTable
CREATE TABLE "quiz_attempt" (
    "id" UUID NOT NULL,
    "enrolment_id" UUID NOT NULL,
    "item_key" VARCHAR(80) NOT NULL,
    "number" INTEGER NOT NULL,
    "state" "attempt_state" NOT NULL DEFAULT 'IN_PROGRESS',
    "questions" JSONB NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "seq" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMPTZ(3),
    "score" DOUBLE PRECISION,
    "max_score" DOUBLE PRECISION,
    "percent" INTEGER,
    "passed" BOOLEAN,

    CONSTRAINT "quiz_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "quiz_attempt_enrolment_id_item_key_number_key" ON "quiz_attempt"("enrolment_id", "item_key", "number");

-- AddForeignKey
ALTER TABLE "quiz_attempt" ADD CONSTRAINT "quiz_attempt_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------
-- Written by hand (schema.prisma cannot express these; see CONTRIBUTING.md).

-- One attempt in progress per learner and quiz: "Bắt đầu" twice resumes it.
CREATE UNIQUE INDEX "quiz_attempt_one_open_hand" ON "quiz_attempt" ("enrolment_id", "item_key") WHERE "state" = 'IN_PROGRESS';
ALTER TABLE "quiz_attempt" ADD CONSTRAINT "quiz_attempt_submitted_hand"
  CHECK (("state" = 'SUBMITTED') = ("submitted_at" IS NOT NULL AND "percent" IS NOT NULL AND "passed" IS NOT NULL));
