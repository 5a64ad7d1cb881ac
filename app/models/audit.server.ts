import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

// The audit log: who did what to whom, and when. Written for every admin
// action and sign-in event. Never edited, with two exceptions (ADR 026): the
// nightly housekeeping job deletes events older than the retention, and
// anonymising a person removes the personal details in events about them.

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_in_locked"
  | "auth.sign_out"
  | "session.ended"
  | "people.imported"
  | "unit.created"
  | "unit.updated"
  | "unit.merged"
  | "password.reset_requested"
  | "password.reset"
  | "password.changed"
  | "person.updated"
  | "person.disabled"
  | "person.enabled"
  | "person.extraTime"
  | "quiz.regraded"
  | "bank.updated"
  | "role.granted"
  | "role.revoked"
  | "course.created"
  | "course.published"
  | "course.archived"
  | "course.unarchived"
  | "competence.updated"
  | "assignment.created"
  | "assignment.removed"
  | "certificate.revoked"
  | "certificate.templateSaved"
  | "certificate.reissued"
  | "person.anonymised"
  | "privacy.accepted"
  | "privacy.declined"
  | "privacy.downloaded";

export async function recordAudit(event: {
  action: AuditAction;
  actorId?: string | null;
  targetType?: string;
  targetId?: string;
  detail?: Prisma.InputJsonValue;
  ipAddress?: string | null;
}) {
  await prisma.auditEvent.create({
    select: { id: true },
    data: {
      action: event.action,
      actorId: event.actorId ?? null,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      detail: event.detail,
      ipAddress: event.ipAddress ?? null,
    },
  });
}

/** The newest events matching the filters, with the names of the people who acted. */
export async function listAuditEvents({
  take = 100,
  action,
  from,
  to,
}: {
  take?: number;
  action?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
}) {
  const events = await prisma.auditEvent.findMany({
    select: {
      id: true,
      occurredAt: true,
      action: true,
      actorId: true,
      targetType: true,
      targetId: true,
      ipAddress: true,
      detail: true,
    },
    where: {
      ...(action ? { action } : {}),
      ...(from || to ? { occurredAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take,
  });
  // Not a foreign key on purpose: the log outlives what it speaks of.
  const actorIds = [...new Set(events.flatMap((event) => (event.actorId ? [event.actorId] : [])))];
  const actors = await prisma.user.findMany({ select: { id: true, fullName: true }, where: { id: { in: actorIds } } });
  const names = new Map(actors.map((actor) => [actor.id, actor.fullName]));
  return events.map((event) => ({ ...event, actorName: event.actorId ? (names.get(event.actorId) ?? null) : null }));
}

/**
 * Forgets events older than `days` days (the nightly housekeeping job;
 * AUDIT_LOG_RETENTION_DAYS). Returns how many went.
 */
export async function pruneAuditEvents({ days, now = new Date() }: { days: number; now?: Date }): Promise<number> {
  const { count } = await prisma.auditEvent.deleteMany({ where: { occurredAt: { lt: new Date(now.getTime() - days * 24 * 60 * 60 * 1000) } } });
  return count;
}
