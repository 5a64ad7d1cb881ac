-- AlterTable
ALTER TABLE "certificate" ADD COLUMN     "template_id" UUID;

-- CreateTable
CREATE TABLE "certificate_template" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "heading" VARCHAR(120) NOT NULL,
    "intro" VARCHAR(120) NOT NULL,
    "completed_text" VARCHAR(120) NOT NULL,
    "issuer_name" VARCHAR(255) NOT NULL,
    "signer_name" VARCHAR(200),
    "signer_title" VARCHAR(200),
    "colour" VARCHAR(7) NOT NULL,
    "logo_id" UUID,
    "signature_id" UUID,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificate_template_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "certificate_template_version_key" ON "certificate_template"("version");

-- AddForeignKey
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "certificate_template"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_template" ADD CONSTRAINT "certificate_template_logo_id_fkey" FOREIGN KEY ("logo_id") REFERENCES "media_asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_template" ADD CONSTRAINT "certificate_template_signature_id_fkey" FOREIGN KEY ("signature_id") REFERENCES "media_asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_template" ADD CONSTRAINT "certificate_template_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------
-- Written by hand (schema.prisma cannot express these; see CONTRIBUTING.md).

ALTER TABLE "certificate_template" ADD CONSTRAINT "certificate_template_colour_hand"
  CHECK ("colour" ~ '^#[0-9a-f]{6}$');
-- Issued certificates keep their look: a template version is never changed.
CREATE FUNCTION certificate_template_immutable_hand() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'certificate_template rows are never changed: save a new version';
END $$;
CREATE TRIGGER certificate_template_immutable_hand BEFORE UPDATE ON "certificate_template"
  FOR EACH ROW EXECUTE FUNCTION certificate_template_immutable_hand();
