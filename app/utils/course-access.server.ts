import { getTranslate } from "~/i18n/translate.server";
import { courseExists, getDraftItem, isCourseTrainer } from "~/models/course.server";
import { requireUser, type SignedIn } from "./auth.server";
import { isUuid } from "./ids";
import { can } from "./permissions";

// Guards for the authoring studio. Admins edit every course; trainers only
// the courses they are assigned to (course_trainer). A trainer asking for a
// course that is not theirs gets the same 403 whether it exists or not.

function forbidden(request: Request): Response {
  return new Response(getTranslate(request)("error.forbidden.title"), { status: 403 });
}

/** Someone who may use the studio at all. */
export async function requireStudioUser(request: Request): Promise<SignedIn> {
  const user = await requireUser(request);
  if (!can(user, "edit:course:any") && !can(user, "edit:course:assigned")) throw forbidden(request);
  return user;
}

/** Someone who may edit this course; a 404 only for those who could see it. */
export async function requireCourseEditor(request: Request, courseId: string | undefined): Promise<SignedIn> {
  const user = await requireStudioUser(request);
  const id = courseId && isUuid(courseId) ? courseId : null;
  if (can(user, "edit:course:any")) {
    if (!id || !(await courseExists(id))) throw new Response(getTranslate(request)("studio.error.notFound"), { status: 404 });
    return user;
  }
  if (id && (await isCourseTrainer({ courseId: id, userId: user.id }))) return user;
  throw forbidden(request);
}

/** A quiz in the draft of a course this person may edit; a 404 for anything else. */
export async function requireDraftQuiz(request: Request, params: { courseId?: string; itemId?: string }) {
  const user = await requireCourseEditor(request, params.courseId);
  const item = isUuid(params.itemId) ? await getDraftItem({ courseId: params.courseId!, itemId: params.itemId }) : null;
  if (!item || item.kind !== "QUIZ") throw new Response(getTranslate(request)("studio.error.itemNotFound"), { status: 404 });
  return { user, item };
}
