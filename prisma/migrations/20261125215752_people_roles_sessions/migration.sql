-- CreateEnum
CREATE TYPE "staff_category" AS ENUM ('CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'OTHER');

-- CreateEnum
CREATE TYPE "user_status" AS ENUM ('ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "role_name" AS ENUM ('TRAINER', 'MANAGER', 'ADMIN');

-- AlterTable
ALTER TABLE "org_unit" ADD COLUMN     "archived_at" TIMESTAMPTZ(3),
ADD COLUMN     "merged_into_id" UUID;

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "full_name" VARCHAR(200) NOT NULL,
    "search_name" VARCHAR(200) NOT NULL,
    "employee_code" VARCHAR(50),
    "job_title" VARCHAR(200),
    "staff_category" "staff_category" NOT NULL,
    "status" "user_status" NOT NULL DEFAULT 'ACTIVE',
    "password_hash" VARCHAR(255),
    "password_changed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_membership" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_grant" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "role_name" NOT NULL,
    "scope_unit_id" UUID,
    "granted_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" VARCHAR(64) NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "absolute_expires_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_agent" VARCHAR(400),
    "ip_address" VARCHAR(64),

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "key" VARCHAR(320) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "action" VARCHAR(64) NOT NULL,
    "target_type" VARCHAR(32),
    "target_id" VARCHAR(64),
    "detail" JSONB,
    "ip_address" VARCHAR(64),

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_employee_code_key" ON "app_user"("employee_code");

-- CreateIndex
CREATE INDEX "app_user_search_name_idx" ON "app_user"("search_name");

-- CreateIndex
CREATE INDEX "unit_membership_user_id_valid_from_idx" ON "unit_membership"("user_id", "valid_from");

-- CreateIndex
CREATE INDEX "unit_membership_unit_id_valid_from_idx" ON "unit_membership"("unit_id", "valid_from");

-- CreateIndex
CREATE INDEX "role_grant_user_id_idx" ON "role_grant"("user_id");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- CreateIndex
CREATE INDEX "audit_event_occurred_at_idx" ON "audit_event"("occurred_at");

-- CreateIndex
CREATE INDEX "audit_event_actor_id_occurred_at_idx" ON "audit_event"("actor_id", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_event_target_type_target_id_idx" ON "audit_event"("target_type", "target_id");

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_membership" ADD CONSTRAINT "unit_membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_membership" ADD CONSTRAINT "unit_membership_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_scope_unit_id_fkey" FOREIGN KEY ("scope_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_granted_by_id_fkey" FOREIGN KEY ("granted_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand: rules Prisma's schema language cannot express. Names end
-- in _hand so the schema/migrations agreement test knows to expect them.

-- One current unit per person; dates in order.
CREATE UNIQUE INDEX "unit_membership_one_open_hand" ON "unit_membership"("user_id") WHERE "valid_to" IS NULL;
ALTER TABLE "unit_membership" ADD CONSTRAINT "unit_membership_dates_hand" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");

-- A role once per person and scope; a manager always has a scope, others never.
CREATE UNIQUE INDEX "role_grant_unique_hand" ON "role_grant"("user_id", "role", "scope_unit_id") NULLS NOT DISTINCT;
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_scope_hand" CHECK (("role" = 'MANAGER') = ("scope_unit_id" IS NOT NULL));

-- E-mail addresses are stored lower-cased, so the unique index is case-blind.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_email_lower_hand" CHECK ("email" = lower("email"));
