-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "email_failures" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
-- Edited by hand: attempts made before this migration get the usual pass
-- mark (80), then the default goes, as schema.prisma has none.
ALTER TABLE "quiz_attempt" ADD COLUMN     "pass_percent" INTEGER NOT NULL DEFAULT 80;
ALTER TABLE "quiz_attempt" ALTER COLUMN "pass_percent" DROP DEFAULT;

