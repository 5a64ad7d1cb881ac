-- CreateTable
CREATE TABLE "certificate_revision" (
    "id" UUID NOT NULL,
    "certificate_id" UUID NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "holder_name" VARCHAR(200) NOT NULL,
    "unit_name" VARCHAR(255),
    "course_title" VARCHAR(200) NOT NULL,
    "issuer_name" VARCHAR(255) NOT NULL,
    "signer_name" VARCHAR(200),
    "signer_title" VARCHAR(200),
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "template_id" UUID,
    "replaced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" VARCHAR(500) NOT NULL,
    "replaced_by_id" UUID,

    CONSTRAINT "certificate_revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "certificate_revision_code_key" ON "certificate_revision"("code");

-- CreateIndex
CREATE INDEX "certificate_revision_certificate_id_idx" ON "certificate_revision"("certificate_id");

-- AddForeignKey
ALTER TABLE "certificate_revision" ADD CONSTRAINT "certificate_revision_certificate_id_fkey" FOREIGN KEY ("certificate_id") REFERENCES "certificate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_revision" ADD CONSTRAINT "certificate_revision_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "certificate_template"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_revision" ADD CONSTRAINT "certificate_revision_replaced_by_id_fkey" FOREIGN KEY ("replaced_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

