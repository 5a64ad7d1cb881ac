-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "locale" VARCHAR(5);


-- Only the languages the catalogs hold (app/i18n/i18n.ts `locales`).
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_locale_hand" CHECK ("locale" IN ('vi', 'en'));
