import { en } from "~/i18n/en";
import { createTranslate } from "~/i18n/i18n";
import { vi } from "~/i18n/vi";
import { dayOf, listManagerScopes, listReminderCandidates, renewLapsedAssignments, syncAssignments } from "~/models/assignment.server";
import { completionByUnit, completionRate } from "~/models/completion-report.server";
import { createNotifications, findExistingDedupeKeys, deliverPendingEmails, type NewNotification, type PendingEmail } from "~/models/notification.server";
import { getEnv, publicBaseUrl } from "~/utils/env.server";
import { sendMail } from "~/utils/mail.server";
import { formatDate } from "~/utils/format";
import { notificationParams } from "~/utils/notification-params";
import type { Prisma } from "~/generated/prisma/client";

// Reminders for mandatory training (the "reminders" job). Each run works
// out, from the database alone, every notification that should exist by now
// (assigned, due soon, overdue, the managers' weekly digest) and adds those
// that do not, by a unique key: a run stopped half-way and run again adds
// the rest and never a second copy. E-mails follow, each sent once.

const DAY = 24 * 60 * 60 * 1000;

/** The ISO week of a date ("2026-W48"): one digest per manager per week. */
export function isoWeek(date: Date) {
  const day = dayOf(date);
  // The ISO week is the one holding this week's Thursday, counted in its year.
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * DAY);
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / DAY / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** Every notification that should exist on `now`. */
export async function dueNotifications(now: Date): Promise<NewNotification[]> {
  const today = dayOf(now);
  const candidates = await listReminderCandidates({ today: now });
  const notes: NewNotification[] = [];
  for (const row of candidates) {
    const params = { course: row.courseTitle, due: formatDate("vi", row.dueOn) };
    const link = `/courses/${row.courseSlug}`;
    // Someone already done (an earlier completion still valid) is not told to do it.
    if (row.status !== "done") notes.push({ userId: row.userId, kind: "ASSIGNED", dedupeKey: `assigned:${row.id}`, params, link });
    if (row.status === "due" && row.dueOn.getTime() - today.getTime() <= getEnv().REMINDER_DAYS_BEFORE * DAY) {
      notes.push({ userId: row.userId, kind: "DUE_SOON", dedupeKey: `due-soon:${row.id}`, params, link });
    }
    if (row.status === "overdue") notes.push({ userId: row.userId, kind: "OVERDUE", dedupeKey: `overdue:${row.id}`, params, link });
  }
  const week = isoWeek(now);
  for (const [managerId, units] of await listManagerScopes()) {
    const overdue = candidates.filter((row) => row.status === "overdue" && row.unitId && units.has(row.unitId));
    if (!overdue.length) continue;
    const people = new Set(overdue.map((row) => row.userId)).size;
    notes.push({ userId: managerId, kind: "MANAGER_DIGEST", dedupeKey: `digest:${managerId}:${week}`, params: { count: people, week }, link: "/manage/assignments" });
  }
  return [...notes, ...(await monthlySummaries(today))];
}

/**
 * Each manager's summary of the month just closed: their units' figures on
 * its last day (the frozen month, as the report shows it), the top units
 * and the ones right under them line by line. One per manager per month,
 * by its key; none for a manager whose units had nothing assigned.
 */
async function monthlySummaries(today: Date): Promise<NewNotification[]> {
  const monthEnd = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  const month = `${String(monthEnd.getUTCMonth() + 1).padStart(2, "0")}/${monthEnd.getUTCFullYear()}`;
  const key = monthEnd.toISOString().slice(0, 7);
  const notes: NewNotification[] = [];
  const managers = await listManagerScopes();
  // Runs every quarter of an hour: only managers still without this month's summary are worked out.
  const done = await findExistingDedupeKeys([...managers.keys()].map((managerId) => `monthly:${managerId}:${key}`));
  for (const [managerId, units] of managers) {
    if (done.has(`monthly:${managerId}:${key}`)) continue;
    const rows = await completionByUnit({ asOf: monthEnd, scopeUnitIds: [...units] });
    const inView = new Set(rows.map((row) => row.unitId));
    const tops = rows.filter((row) => !row.parentId || !inView.has(row.parentId));
    const topIds = new Set(tops.map((row) => row.unitId));
    const total = tops.reduce((sum, row) => ({ assigned: sum.assigned + row.total.assigned, done: sum.done + row.total.done, overdue: sum.overdue + row.total.overdue }), { assigned: 0, done: 0, overdue: 0 });
    if (!total.assigned) continue;
    const listed = rows.filter((row) => row.total.assigned && (topIds.has(row.unitId) || (row.parentId && topIds.has(row.parentId))));
    // The unit lines in each language: the notification is read in either.
    const lines = (translate: typeof mailT) =>
      listed
        .map((row) => translate("notification.MANAGER_MONTHLY.unit", { unit: row.name, done: row.total.done, assigned: row.total.assigned, rate: completionRate(row.total) ?? 0, overdue: row.total.overdue }))
        .join("\n");
    notes.push({
      userId: managerId,
      kind: "MANAGER_MONTHLY",
      dedupeKey: `monthly:${managerId}:${key}`,
      params: { month, date: formatDate("vi", monthEnd), "date@en": formatDate("en", monthEnd), ...total, rate: completionRate(total) ?? 0, units: lines(mailT), "units@en": lines(mailTEn) },
      link: `/manage/reports?asOf=${monthEnd.toISOString().slice(0, 10)}`,
    });
  }
  return notes;
}

/**
 * Adds the missing notifications in batches (each batch its own
 * transaction). `afterBatch` lets a test stop the process between two.
 */
export async function runReminders({ now = new Date(), batchSize = 100, afterBatch }: { now?: Date; batchSize?: number; afterBatch?: (index: number) => void } = {}) {
  // Rules first: anyone a missed change left out (or in) is put right; then
  // lapsed recertifications, whose new periods get their own notices.
  await syncAssignments({ day: now });
  await renewLapsedAssignments({ today: now });
  const notes = await dueNotifications(now);
  let created = 0;
  for (let index = 0; index * batchSize < notes.length; index++) {
    created += await createNotifications(notes.slice(index * batchSize, (index + 1) * batchSize));
    afterBatch?.(index);
  }
  return { considered: notes.length, created };
}

const mailT = createTranslate("vi", vi);
const mailTEn = createTranslate("en", en);

/**
 * The e-mail for a notification, in the person's language (Vietnamese unless
 * they chose English), with the same message in the other language under it
 * for whoever else reads the mailbox.
 */
export function notificationMail(email: PendingEmail) {
  const [first, second] = email.locale === "en" ? (["en", "vi"] as const) : (["vi", "en"] as const);
  const translate = { vi: mailT, en: mailTEn };
  const t = translate[first];
  const params = notificationParams(email.params, first);
  const key = `notification.${email.kind}` as const;
  const link = email.link ? `${publicBaseUrl()}${email.link}` : publicBaseUrl();
  return {
    to: email.email,
    subject: t(`${key}.subject`, params),
    text: [t("notification.greeting", { name: email.fullName }), "", t(key, params), "", link, "", "—", translate[second](key, notificationParams(email.params, second))].join("\n"),
  };
}

/** Sends every pending notification e-mail; each leaves once. */
export async function deliverNotificationEmails({ batchSize = 50 }: { batchSize?: number } = {}) {
  let sent = 0;
  for (;;) {
    const done = await deliverPendingEmails({
      limit: batchSize,
      send: (email: PendingEmail, db: Prisma.TransactionClient) => sendMail(notificationMail(email), db),
    });
    sent += done.sent;
    if (done.sent + done.failed < batchSize) return sent;
  }
}
