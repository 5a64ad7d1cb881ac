import { isLocale, type Translate } from "~/i18n/i18n";
import { translatorFor } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { lockedUntil, recordFailure } from "~/models/login-throttle.server";
import {
  findActiveUserByEmail,
  findResetTokenUser,
  findUserNames,
  insertResetToken,
  resetPasswordWithToken,
} from "~/models/password-reset.server";
import { getEnv } from "~/utils/env.server";
import { getLogger } from "~/utils/logger.server";
import { sendMail } from "~/utils/mail.server";
import { hashPassword } from "~/utils/password.server";
import { passwordProblem } from "~/utils/password-strength.server";
import { generateSessionToken, sessionIdFromToken } from "~/utils/session.server";

// "Forgotten password": a one-time link by mail (1 hour, single use; only its
// hash is stored), a new password that must not be guessable, and every old
// session ended. The answer never says whether the address has an account.

const LINK_LIFETIME_MS = 60 * 60 * 1000;
// At most 3 links per address in 15 minutes: enough for a lost mail, too few
// to flood someone's inbox.
const requestPolicy = { steps: [{ failures: 3, lockMs: 15 * 60 * 1000 }] };

export async function requestPasswordReset(input: { email: string; baseUrl: string; ipAddress: string; t: Translate }) {
  const key = `reset:${input.email.toLowerCase()}`;
  if (await lockedUntil([key])) return;
  await recordFailure(key, requestPolicy);
  const user = await findActiveUserByEmail(input.email);
  if (!user) return;
  const token = generateSessionToken();
  await insertResetToken({ id: sessionIdFromToken(token), userId: user.id, expiresAt: new Date(Date.now() + LINK_LIFETIME_MS) });
  // Over SMTP, not awaited: with a slow mail server the answer would
  // otherwise come later for real accounts than for unknown ones, telling
  // who has one. A lost mail can be asked for again. (The job queue will
  // carry mail when it exists.) The local Outbox is written at once.
  // In the person's own language if they chose one, else this page's.
  const t = isLocale(user.locale) ? translatorFor(user.locale) : input.t;
  const delivery = sendMail({
    to: user.email,
    subject: t("forgot.mail.subject"),
    text: t("forgot.mail.body", { name: user.fullName, link: `${input.baseUrl}/reset-password/${token}` }),
  }).catch((error: unknown) => getLogger().error({ err: error }, "password reset mail not sent"));
  if (!getEnv().SMTP_URL) await delivery;
  await recordAudit({ action: "password.reset_requested", targetType: "user", targetId: user.id, ipAddress: input.ipAddress });
}

export type ResetResult = { outcome: "done" } | { outcome: "invalid-link" } | { outcome: "weak"; problem: NonNullable<ReturnType<typeof passwordProblem>> };

/** Sets the new password from a link's token; the token works once. */
export async function resetPassword(input: { token: string; password: string; ipAddress: string }): Promise<ResetResult> {
  const tokenId = sessionIdFromToken(input.token);
  // Judge the password before using the link up, so a weak try can be
  // corrected with the same link.
  const owner = await findResetTokenUser(tokenId);
  if (!owner) return { outcome: "invalid-link" };
  const names = await findUserNames(owner);
  const problem = passwordProblem(input.password, names ? [names.fullName, names.email] : []);
  if (problem) return { outcome: "weak", problem };

  const userId = await resetPasswordWithToken({ tokenId, passwordHash: await hashPassword(input.password) });
  if (!userId) return { outcome: "invalid-link" };
  await recordAudit({ action: "password.reset", actorId: userId, targetType: "user", targetId: userId, ipAddress: input.ipAddress });
  return { outcome: "done" };
}
