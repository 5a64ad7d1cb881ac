-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "anonymised_at" TIMESTAMPTZ(3),
ADD COLUMN     "privacy_notice_version" INTEGER;

-- CreateTable
CREATE TABLE "privacy_consent" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "notice_version" INTEGER NOT NULL,
    "accepted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "privacy_consent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "privacy_consent_user_id_notice_version_key" ON "privacy_consent"("user_id", "notice_version");

-- AddForeignKey
ALTER TABLE "privacy_consent" ADD CONSTRAINT "privacy_consent_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: notice versions count from 1.
ALTER TABLE "privacy_consent" ADD CONSTRAINT "privacy_consent_version_positive_hand" CHECK ("notice_version" > 0);
