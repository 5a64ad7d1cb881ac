-- CreateEnum
CREATE TYPE "course_level" AS ENUM ('BASIC', 'INTERMEDIATE', 'ADVANCED');

-- CreateEnum
CREATE TYPE "course_status" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "course_item_kind" AS ENUM ('LESSON', 'QUIZ');

-- CreateTable
CREATE TABLE "competency_area" (
    "id" UUID NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "name_en" VARCHAR(200) NOT NULL,
    "position" INTEGER NOT NULL,
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "competency_area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "competence" (
    "id" UUID NOT NULL,
    "area_id" UUID NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "name_en" VARCHAR(200) NOT NULL,
    "position" INTEGER NOT NULL,
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "competence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "course" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "status" "course_status" NOT NULL DEFAULT 'DRAFT',
    "title" VARCHAR(200) NOT NULL,
    "summary" VARCHAR(300) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "level" "course_level" NOT NULL DEFAULT 'BASIC',
    "estimated_minutes" INTEGER NOT NULL,
    "cover_image_id" UUID,
    "draft_revision" INTEGER NOT NULL DEFAULT 1,
    "source_hash" CHAR(64),
    "published_version_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "course_trainer" (
    "course_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,

    CONSTRAINT "course_trainer_pkey" PRIMARY KEY ("course_id","user_id")
);

-- CreateTable
CREATE TABLE "course_competence" (
    "course_id" UUID NOT NULL,
    "competence_id" UUID NOT NULL,

    CONSTRAINT "course_competence_pkey" PRIMARY KEY ("course_id","competence_id")
);

-- CreateTable
CREATE TABLE "course_prerequisite" (
    "course_id" UUID NOT NULL,
    "required_course_id" UUID NOT NULL,

    CONSTRAINT "course_prerequisite_pkey" PRIMARY KEY ("course_id","required_course_id")
);

-- CreateTable
CREATE TABLE "course_module" (
    "id" UUID NOT NULL,
    "course_id" UUID NOT NULL,
    "key" VARCHAR(80) NOT NULL,
    "position" INTEGER NOT NULL,
    "title" VARCHAR(200) NOT NULL,

    CONSTRAINT "course_module_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "course_item" (
    "id" UUID NOT NULL,
    "course_id" UUID NOT NULL,
    "module_id" UUID NOT NULL,
    "key" VARCHAR(80) NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "course_item_kind" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "minutes" INTEGER NOT NULL DEFAULT 10,
    "body" TEXT NOT NULL DEFAULT '',
    "pass_percent" INTEGER,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "course_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "course_version" (
    "id" UUID NOT NULL,
    "course_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "summary" VARCHAR(300) NOT NULL,
    "level" "course_level" NOT NULL,
    "estimated_minutes" INTEGER NOT NULL,
    "competence_codes" VARCHAR(16)[],
    "content" JSONB NOT NULL,
    "content_hash" CHAR(64) NOT NULL,
    "change_note" VARCHAR(1000) NOT NULL,
    "published_by_id" UUID,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "course_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "media_asset" (
    "id" UUID NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content_type" VARCHAR(64) NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "storage_key" VARCHAR(200) NOT NULL,
    "original_name" VARCHAR(255) NOT NULL,
    "uploaded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_asset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "competency_area_code_key" ON "competency_area"("code");

-- CreateIndex
CREATE UNIQUE INDEX "competence_code_key" ON "competence"("code");

-- CreateIndex
CREATE INDEX "competence_area_id_idx" ON "competence"("area_id");

-- CreateIndex
CREATE UNIQUE INDEX "course_slug_key" ON "course"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "course_published_version_id_key" ON "course"("published_version_id");

-- CreateIndex
CREATE INDEX "course_trainer_user_id_idx" ON "course_trainer"("user_id");

-- CreateIndex
CREATE INDEX "course_module_course_id_position_idx" ON "course_module"("course_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "course_module_course_id_key_key" ON "course_module"("course_id", "key");

-- CreateIndex
CREATE INDEX "course_item_module_id_position_idx" ON "course_item"("module_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "course_item_course_id_key_key" ON "course_item"("course_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "course_version_course_id_number_key" ON "course_version"("course_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "media_asset_sha256_key" ON "media_asset"("sha256");

-- AddForeignKey
ALTER TABLE "competence" ADD CONSTRAINT "competence_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "competency_area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course" ADD CONSTRAINT "course_cover_image_id_fkey" FOREIGN KEY ("cover_image_id") REFERENCES "media_asset"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course" ADD CONSTRAINT "course_published_version_id_fkey" FOREIGN KEY ("published_version_id") REFERENCES "course_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_trainer" ADD CONSTRAINT "course_trainer_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_trainer" ADD CONSTRAINT "course_trainer_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_competence" ADD CONSTRAINT "course_competence_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_competence" ADD CONSTRAINT "course_competence_competence_id_fkey" FOREIGN KEY ("competence_id") REFERENCES "competence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_prerequisite" ADD CONSTRAINT "course_prerequisite_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_prerequisite" ADD CONSTRAINT "course_prerequisite_required_course_id_fkey" FOREIGN KEY ("required_course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_module" ADD CONSTRAINT "course_module_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_item" ADD CONSTRAINT "course_item_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_item" ADD CONSTRAINT "course_item_module_id_fkey" FOREIGN KEY ("module_id") REFERENCES "course_module"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_version" ADD CONSTRAINT "course_version_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_version" ADD CONSTRAINT "course_version_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_asset" ADD CONSTRAINT "media_asset_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------
-- Written by hand (schema.prisma cannot express these; see CONTRIBUTING.md).

-- Catalogue search with or without diacritics: trigram matching on text
-- folded by unaccent ("chu ky so" finds "Chữ ký số"; unaccent maps đ to d).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change), so it cannot sit
-- in an index expression; naming the dictionary makes this wrapper safe to
-- declare IMMUTABLE, the usual PostgreSQL idiom.
CREATE FUNCTION hoc_so_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, $1));

CREATE INDEX "course_version_search_hand" ON "course_version"
  USING gin (hoc_so_fold("title" || ' ' || "summary") gin_trgm_ops);

ALTER TABLE "course" ADD CONSTRAINT "course_slug_hand"
  CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "course" ADD CONSTRAINT "course_minutes_hand"
  CHECK ("estimated_minutes" BETWEEN 1 AND 10000);
ALTER TABLE "course_item" ADD CONSTRAINT "course_item_pass_percent_hand"
  CHECK (("kind" = 'QUIZ') = ("pass_percent" IS NOT NULL) AND ("pass_percent" IS NULL OR "pass_percent" BETWEEN 1 AND 100));
ALTER TABLE "course_prerequisite" ADD CONSTRAINT "course_prerequisite_self_hand"
  CHECK ("course_id" <> "required_course_id");

-- A published version is a record of what learners were taught: never
-- changed, never deleted.
CREATE FUNCTION hoc_so_course_version_frozen() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'course_version rows are immutable' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER "course_version_frozen_hand" BEFORE UPDATE OR DELETE ON "course_version"
  FOR EACH ROW EXECUTE FUNCTION hoc_so_course_version_frozen();
