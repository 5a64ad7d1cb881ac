import { pruneAuditEvents } from "~/models/audit.server";
import { freezeClosedMonths } from "~/models/completion-report.server";
import { pruneLoginThrottles } from "~/models/login-throttle.server";
import { closeExpiredAttempts } from "~/models/quiz-attempt.server";
import { pruneWriteRates } from "~/models/write-rate.server";
import { deliverNotificationEmails, runReminders } from "./reminders.server";
import { getEnv } from "~/utils/env.server";
import { QUEUES, startWorker } from "~/utils/jobs.server";
import { z } from "zod";
import { removeExpiredExports, runReportExport } from "./report-export.server";

const exportJobSchema = z.object({ exportId: z.uuid() });

// What each queue does (app/utils/jobs.server.ts runs them).
export function startJobWorker() {
  return startWorker({
    [QUEUES.reminders]: async () => {
      const reminders = await runReminders();
      const emails = await deliverNotificationEmails();
      return { ...reminders, emails };
    },
    [QUEUES.notificationEmails]: async () => ({ emails: await deliverNotificationEmails() }),
    [QUEUES.expiredAttempts]: async () => ({ closed: await closeExpiredAttempts() }),
    [QUEUES.reportMonths]: async () => ({ frozen: await freezeClosedMonths(), expiredExports: await removeExpiredExports() }),
    [QUEUES.reportExport]: async (data) => runReportExport({ exportId: exportJobSchema.parse(data).exportId }),
    [QUEUES.housekeeping]: async () => ({
      writeRates: await pruneWriteRates(),
      throttles: await pruneLoginThrottles(),
      auditEvents: await pruneAuditEvents({ days: getEnv().AUDIT_LOG_RETENTION_DAYS }),
    }),
  });
}
