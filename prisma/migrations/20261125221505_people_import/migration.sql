-- CreateEnum
CREATE TYPE "import_status" AS ENUM ('CHECKED', 'APPLIED');

-- CreateTable
CREATE TABLE "people_import" (
    "id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "file_name" VARCHAR(255) NOT NULL,
    "row_count" INTEGER NOT NULL,
    "rows" JSONB NOT NULL,
    "status" "import_status" NOT NULL DEFAULT 'CHECKED',
    "applied_at" TIMESTAMPTZ(3),
    "summary" JSONB,

    CONSTRAINT "people_import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "people_import_created_by_id_created_at_idx" ON "people_import"("created_by_id", "created_at");

