-- AlterTable
ALTER TABLE "course" ADD COLUMN     "sequential" BOOLEAN NOT NULL DEFAULT false;

