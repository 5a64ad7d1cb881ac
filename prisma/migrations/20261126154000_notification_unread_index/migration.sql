-- Every signed-in request counts the person's unread notices (the header's
-- badge, read with the session in one statement: app/models/session.server.ts).
-- A partial index keeps that count to the unread rows, however many notices
-- a person has read over the years. Hand-written: Prisma's schema cannot say
-- "WHERE read_at IS NULL".
CREATE INDEX "notification_unread_hand" ON "notification"("user_id") WHERE "read_at" IS NULL;
