import { redirect } from "@remix-run/node";
import { getTranslate } from "~/i18n/translate.server";
import { getAttempt, isPastDeadline, submitAttempt } from "~/models/quiz-attempt.server";
import { requirePermission } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { isUuid } from "~/utils/ids";

// The guard of every page inside an attempt: the signed-in learner's own
// attempt in this course and quiz, still open. An attempt past its deadline
// is submitted here and then (its answers as saved by then) rather than
// waiting for the job that closes forgotten ones.

export async function loadOpenAttempt(request: Request, params: Record<string, string | undefined>) {
  const user = await requirePermission(request, "read:course:published");
  const t = getTranslate(request);
  const attempt = isUuid(params.attemptId) ? await getAttempt({ attemptId: params.attemptId, userId: user.id, courseSlug: params.slug ?? "" }) : null;
  if (!attempt || attempt.itemKey !== params.itemKey) throw new Response(t("quiz.attemptNotFound"), { status: 404 });
  const base = `/courses/${params.slug}/quiz/${attempt.itemKey}/${attempt.id}`;
  /** Submits the attempt because its time is up, and shows the result. */
  const expire = async () => {
    await submitAttempt({ attemptId: attempt.id, userId: user.id, asRead: attempt });
    return redirect(`${base}/review`, { headers: { "Set-Cookie": flashCookie(t("quiz.timeUpSubmitted")) } });
  };
  if (attempt.state === "SUBMITTED") throw redirect(`${base}/review`);
  if (isPastDeadline(attempt)) throw await expire();
  return { user, attempt, base, settings: attempt.settings, expire };
}
