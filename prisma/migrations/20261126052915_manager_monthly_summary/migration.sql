-- AlterEnum
ALTER TYPE "notification_kind" ADD VALUE 'MANAGER_MONTHLY';

