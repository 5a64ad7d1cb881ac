-- CreateEnum
CREATE TYPE "report_export_status" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "report_export" (
    "id" UUID NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "format" VARCHAR(8) NOT NULL,
    "query" VARCHAR(2000) NOT NULL,
    "scope_unit_ids" UUID[],
    "whole_province" BOOLEAN NOT NULL,
    "locale" VARCHAR(5) NOT NULL,
    "status" "report_export_status" NOT NULL DEFAULT 'PENDING',
    "claimed_at" TIMESTAMPTZ(3),
    "row_count" INTEGER,
    "byte_size" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "report_export_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "report_export_requested_by_id_created_at_idx" ON "report_export"("requested_by_id", "created_at");

-- AddForeignKey
ALTER TABLE "report_export" ADD CONSTRAINT "report_export_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the two formats a report can be written in.
ALTER TABLE "report_export" ADD CONSTRAINT "report_export_format_hand" CHECK ("format" IN ('csv', 'xlsx'));
