-- AlterTable
-- Edited by hand: the column takes the Vietnamese ICU collation (which
-- schema.prisma cannot express), and existing people get their value before
-- the column becomes NOT NULL. Keep the rule in step with sortNameOf() in
-- app/utils/text.ts: the last word (the given name), then the rest.
ALTER TABLE "app_user" ADD COLUMN "sort_name" VARCHAR(210) COLLATE "vi-x-icu";
UPDATE "app_user" SET "sort_name" = regexp_replace(btrim("full_name"), '^(.*\S)\s+(\S+)$', '\2 \1');
ALTER TABLE "app_user" ALTER COLUMN "sort_name" SET NOT NULL;

-- CreateIndex
CREATE INDEX "app_user_sort_name_idx" ON "app_user"("sort_name");
