import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import type { AnswerValue, FrozenQuestion } from "~/utils/quiz";
import { nameFields } from "~/utils/text";
import { syncAssignments } from "./assignment.server";
import { accountKey } from "./login-throttle.server";
import { parseAttemptJson } from "./quiz-attempt.server";

// A person's own data, whole (the right to see and take it), and the
// anonymisation that answers a request to delete it (ADR 026). Both are
// keyed by the person's id alone: nothing here reaches anyone else's rows.

/** What a learner answered, in words: never the key, weights or feedback. */
export function describeAnswer(question: FrozenQuestion, value: AnswerValue | undefined) {
  if (value === undefined) return null;
  if (typeof value === "string") return value;
  if (question.kind === "matching") {
    return (question.pairs ?? []).map((item, index) => {
      const chosen = value[index] ?? -1;
      return { item, chosen: chosen >= 0 ? (question.choices?.[chosen] ?? null) : null };
    });
  }
  return value.map((index) => question.answers[index]?.text ?? null);
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * Everything held about one person, as plain JSON: no password hash, no
 * session or reset token hashes, no one else's names or answers.
 */
export async function exportPersonalData({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const person = await prisma.user.findUnique({
    select: {
      id: true,
      email: true,
      fullName: true,
      employeeCode: true,
      jobTitle: true,
      staffCategory: true,
      status: true,
      locale: true,
      quizExtraTimePercent: true,
      passwordChangedAt: true,
      privacyNoticeVersion: true,
      anonymisedAt: true,
      createdAt: true,
      updatedAt: true,
      memberships: { select: { validFrom: true, validTo: true, unit: { select: { code: true, name: true } } }, orderBy: { validFrom: "asc" } },
      roleGrants: { select: { role: true, createdAt: true, scopeUnit: { select: { code: true, name: true } } }, orderBy: { createdAt: "asc" } },
      // The session's id is its token's hash: left out on purpose.
      sessions: { select: { createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true, ipAddress: true }, orderBy: { createdAt: "asc" } },
      resetTokens: { select: { createdAt: true, expiresAt: true }, orderBy: { createdAt: "asc" } },
      privacyConsents: { select: { noticeVersion: true, acceptedAt: true }, orderBy: { noticeVersion: "asc" } },
      coursesTrained: { select: { course: { select: { slug: true, title: true } } } },
      reportExports: { select: { format: true, status: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
    where: { id: userId },
  });
  if (!person) return null;

  const [enrolments, certificates, notifications, requirements, audit] = await Promise.all([
    prisma.enrolment.findMany({
      select: {
        status: true,
        source: true,
        startedAt: true,
        lastItemKey: true,
        lastActivityAt: true,
        completedAt: true,
        course: { select: { slug: true, title: true } },
        version: { select: { number: true } },
        progress: { select: { itemKey: true, completedAt: true }, orderBy: { completedAt: "asc" } },
        attempts: {
          select: {
            itemKey: true,
            number: true,
            state: true,
            startedAt: true,
            submittedAt: true,
            score: true,
            maxScore: true,
            percent: true,
            passed: true,
            questions: true,
            answers: true,
            checked: true,
          },
          orderBy: [{ itemKey: "asc" }, { number: "asc" }],
        },
      },
      where: { userId },
      orderBy: { startedAt: "asc" },
    }),
    prisma.certificate.findMany({
      select: { code: true, holderName: true, unitName: true, courseTitle: true, completedOn: true, issuedAt: true, expiresOn: true, revokedAt: true, revokeReason: true },
      where: { userId },
      orderBy: { issuedAt: "asc" },
    }),
    prisma.notification.findMany({
      select: { kind: true, params: true, link: true, createdAt: true, readAt: true, emailedAt: true },
      where: { userId },
      orderBy: { createdAt: "asc" },
    }),
    prisma.personAssignment.findMany({
      select: {
        assignedOn: true,
        dueOn: true,
        endedOn: true,
        doneOn: true,
        assignment: { select: { target: true, recurrenceMonths: true, course: { select: { slug: true, title: true } } } },
      },
      where: { userId },
      orderBy: { assignedOn: "asc" },
    }),
    listAuditAbout({ userId, email: person.email }),
  ]);

  const { memberships, roleGrants, sessions, resetTokens, privacyConsents, coursesTrained, reportExports, ...profile } = person;
  return {
    kind: "hoc-so/personal-data",
    formatVersion: 1,
    exportedAt: now.toISOString(),
    profile,
    units: memberships.map((membership) => ({ unit: membership.unit, from: day(membership.validFrom), until: day(membership.validTo) })),
    roles: roleGrants.map((grant) => ({ role: grant.role, scope: grant.scopeUnit, since: grant.createdAt })),
    sessions,
    passwordResetRequests: resetTokens,
    privacyConsents,
    coursesTrained: coursesTrained.map((row) => row.course),
    reportExports,
    enrolments: enrolments.map(({ course, version, progress, attempts, ...enrolment }) => ({
      course,
      version: version.number,
      ...enrolment,
      itemsDone: progress,
      quizAttempts: attempts.map((row) => {
        const { questions, answers, checked: _checked, ...attempt } = parseAttemptJson(row);
        return {
          ...attempt,
          answers: questions.map((question) => ({ question: question.text, answer: describeAnswer(question, answers[question.key]) })),
        };
      }),
    })),
    certificates,
    notifications,
    mandatoryTraining: requirements.map((row) => ({
      course: row.assignment.course,
      rule: row.assignment.target,
      recurrenceMonths: row.assignment.recurrenceMonths,
      assignedOn: day(row.assignedOn),
      dueOn: day(row.dueOn),
      doneOn: day(row.doneOn),
      endedOn: day(row.endedOn),
    })),
    auditEvents: audit,
  };
}

/**
 * Audit events about the person: those whose target they are, and sign-in
 * attempts made with their address. Who else acted is not told (an
 * administrator's id is theirs, not this person's), only whether it was them.
 */
async function listAuditAbout({ userId, email }: { userId: string; email: string }) {
  const events = await prisma.auditEvent.findMany({
    select: { occurredAt: true, action: true, actorId: true, ipAddress: true, detail: true },
    where: { OR: [{ targetType: "user", targetId: userId }, { detail: { path: ["email"], equals: email } }] },
    orderBy: { occurredAt: "asc" },
  });
  // Who acted is not told, nor from where: an administrator's or manager's
  // address is their personal data, not this person's.
  return events.map(({ actorId, ipAddress, ...event }) => ({
    ...event,
    byThemselves: actorId === userId,
    ipAddress: actorId === userId || actorId === null ? ipAddress : null,
  }));
}

export type AnonymiseResult = { anonymised: true; certificates: number } | { anonymised: false };

/**
 * Anonymises a person at their request: their name, e-mail address, codes
 * and password are gone, as is everything that only served them (sessions,
 * links, notifications, mail, roles); their learning stays, under a
 * placeholder name, so units' figures keep counting it. Consent rows stay:
 * they record that the person was told. Done once: a second call (a double
 * click) finds the person already anonymised and changes nothing.
 */
export async function anonymisePerson({ userId, placeholderName, now = new Date() }: { userId: string; placeholderName: string; now?: Date }): Promise<AnonymiseResult> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ select: { email: true, anonymisedAt: true }, where: { id: userId } });
    if (!before || before.anonymisedAt) return { anonymised: false };
    // The row lock taken here makes a concurrent second call wait, then find nothing to do.
    const { count } = await tx.user.updateMany({
      where: { id: userId, anonymisedAt: null },
      data: {
        ...nameFields(placeholderName),
        // Unique, and in the .invalid domain: no mail can ever be sent to it.
        email: `anonymised-${userId}@anonymised.invalid`,
        employeeCode: null,
        jobTitle: null,
        passwordHash: null,
        passwordChangedAt: null,
        locale: null,
        // An accommodation can say something about health.
        quizExtraTimePercent: 0,
        status: "DISABLED",
        anonymisedAt: now,
      },
    });
    if (count === 0) return { anonymised: false };
    const email = before.email;
    await tx.session.deleteMany({ where: { userId } });
    await tx.passwordResetToken.deleteMany({ where: { userId } });
    await tx.notification.deleteMany({ where: { userId } });
    await tx.roleGrant.deleteMany({ where: { userId } });
    await tx.outboxMessage.deleteMany({ where: { to: email } });
    await tx.loginThrottle.deleteMany({ where: { key: accountKey(email) } });
    const { count: certificates } = await tx.certificate.updateMany({ where: { userId }, data: { holderName: placeholderName } });
    await tx.certificateRevision.updateMany({ where: { certificate: { userId } }, data: { holderName: placeholderName } });
    // The log keeps what happened, not who they were: details of events
    // about them (an edit held their old name and address) are dropped.
    await tx.auditEvent.updateMany({
      where: { OR: [{ targetType: "user", targetId: userId }, { detail: { path: ["email"], equals: email } }] },
      data: { detail: Prisma.DbNull },
    });
    // An imported file's rows wait in people_import (checked, then applied).
    // In a file not yet applied their line goes altogether: applying a
    // blanked line would make a new person of it. In an applied one it stays
    // as a line, with the placeholder, so the file's summary still adds up.
    await tx.$executeRaw`
      UPDATE people_import
      SET rows = coalesce((
            SELECT jsonb_agg(entry ORDER BY position)
            FROM jsonb_array_elements(rows) WITH ORDINALITY AS line(entry, position)
            WHERE entry->>'email' IS DISTINCT FROM ${email}), '[]'::jsonb),
          row_count = (SELECT count(*) FROM jsonb_array_elements(rows) AS line(entry) WHERE entry->>'email' IS DISTINCT FROM ${email})
      WHERE status = 'CHECKED' AND rows @> jsonb_build_array(jsonb_build_object('email', ${email}::text))`;
    await tx.$executeRaw`
      UPDATE people_import
      SET rows = (
        SELECT jsonb_agg(
          CASE WHEN entry->>'email' = ${email}
            THEN entry || jsonb_build_object('email', '', 'fullName', ${placeholderName}::text, 'employeeCode', NULL, 'jobTitle', NULL)
            ELSE entry END
          ORDER BY position)
        FROM jsonb_array_elements(rows) WITH ORDINALITY AS line(entry, position)
      )
      WHERE status <> 'CHECKED' AND rows @> jsonb_build_array(jsonb_build_object('email', ${email}::text))`;
    // Disabled: out of every training rule from today, as any disabled person.
    await syncAssignments({ db: tx, userIds: [userId] });
    return { anonymised: true, certificates };
  });
}
