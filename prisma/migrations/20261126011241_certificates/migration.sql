-- CreateTable
CREATE TABLE "certificate" (
    "id" UUID NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "enrolment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "holder_name" VARCHAR(200) NOT NULL,
    "unit_name" VARCHAR(255),
    "course_title" VARCHAR(200) NOT NULL,
    "minutes" INTEGER NOT NULL,
    "completed_on" DATE NOT NULL,
    "issuer_name" VARCHAR(255) NOT NULL,
    "signer_name" VARCHAR(200),
    "signer_title" VARCHAR(200),
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_on" DATE,
    "revoked_at" TIMESTAMPTZ(3),
    "revoke_reason" VARCHAR(500),

    CONSTRAINT "certificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "certificate_code_key" ON "certificate"("code");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_enrolment_id_key" ON "certificate"("enrolment_id");

-- CreateIndex
CREATE INDEX "certificate_user_id_idx" ON "certificate"("user_id");

-- AddForeignKey
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

