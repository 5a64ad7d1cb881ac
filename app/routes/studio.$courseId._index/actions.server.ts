import { data, redirect } from "@remix-run/node";
import type { FormErrors } from "~/components/form";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import {
  addItem,
  addModule,
  CourseRuleError,
  deleteItem,
  deleteModule,
  getCourseDraft,
  moveItem,
  moveModule,
  renameModule,
  setCourseCover,
  setCourseStatus,
  updateCourseSettings,
} from "~/models/course.server";
import type { SignedIn } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { can } from "~/utils/permissions";
import { clientAddress } from "~/utils/request-context.server";
import { outlineActionSchema, settingsFormSchema } from "~/validation/studio";

// The course page's actions: its settings, and every change to its outline.
// Each redirects back (post/redirect/get) to the changed row, so keyboard and
// screen-reader users land where they were.

export async function handleCourseAction({ request, courseId, user }: { request: Request; courseId: string; user: SignedIn }) {
  const t = getTranslate(request);
  const back = (notice: string, anchor = "") =>
    redirect(`/studio/${courseId}${anchor}`, { headers: { "Set-Cookie": flashCookie(notice) } });
  const intent = (await request.clone().formData().catch(() => null))?.get("intent");

  if (intent === "saveSettings") {
    const form = await parseForm(request, settingsFormSchema, { lists: ["competences", "prerequisites", "trainers"] });
    if (!form.ok) return data({ errors: form.errors, values: form.fields }, { status: 400 });
    try {
      await updateCourseSettings({
        courseId,
        revision: form.data.revision,
        title: form.data.title,
        summary: form.data.summary,
        description: form.data.description,
        level: form.data.level,
        estimatedMinutes: form.data.estimatedMinutes,
        sequential: form.data.sequential === "on",
        competenceCodes: form.data.competences,
        prerequisiteSlugs: form.data.prerequisites,
        // Only administrators choose who else edits a course.
        trainerIds: can(user, "edit:course:any") ? form.data.trainers : undefined,
      });
    } catch (error) {
      if (error instanceof CourseRuleError) {
        const errors: FormErrors = { form: error.key };
        return data({ errors, values: form.fields }, { status: 400 });
      }
      throw error;
    }
    return back(t("studio.settingsSaved"));
  }

  const form = await parseForm(request, outlineActionSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.fields }, { status: 400 });
  const action = form.data;
  const titleOf = async (itemId: string) => {
    const draft = await getCourseDraft({ courseId });
    return draft?.modules.flatMap((module) => module.items).find((item) => item.id === itemId)?.title ?? "";
  };
  const notFound = () => data({ errors: { form: "studio.error.itemNotFound" } as FormErrors, values: form.fields }, { status: 404 });
  try {
    switch (action.intent) {
      case "addModule": {
        const module = await addModule({ courseId, title: action.title });
        return back(t("studio.moduleAdded", { title: action.title }), `#module-${module.id}`);
      }
      case "renameModule":
        return (await renameModule({ courseId, moduleId: action.moduleId, title: action.title }))
          ? back(t("studio.moduleRenamed"), `#module-${action.moduleId}`)
          : notFound();
      case "deleteModule":
        return (await deleteModule({ courseId, moduleId: action.moduleId })) ? back(t("studio.moduleDeleted"), "#outline") : notFound();
      case "moveModule":
        // Already first or last: back to the page as it is. Another course's module: not here.
        if ((await moveModule({ courseId, moduleId: action.moduleId, direction: action.direction })) === null) return notFound();
        return redirect(`/studio/${courseId}?focus=module-${action.direction}-${action.moduleId}#module-${action.moduleId}`);
      case "addItem": {
        const item = await addItem({ courseId, moduleId: action.moduleId, kind: action.kind, title: action.title });
        return item ? back(t("studio.itemAdded", { title: action.title }), `#item-${item.id}`) : notFound();
      }
      case "deleteItem": {
        const title = await titleOf(action.itemId);
        if (!title) return notFound();
        // A lesson's draft text goes with it: ask first (works without JavaScript).
        if (!action.confirm) return { confirmDelete: { itemId: action.itemId, title } };
        return (await deleteItem({ courseId, itemId: action.itemId })) ? back(t("studio.itemDeleted", { title }), "#outline") : notFound();
      }
      case "moveItem":
        if ((await moveItem({ courseId, itemId: action.itemId, direction: action.direction })) === null) return notFound();
        return redirect(`/studio/${courseId}?focus=item-${action.direction}-${action.itemId}#item-${action.itemId}`);
      case "removeCover":
        await setCourseCover({ courseId, coverImageId: null });
        return back(t("studio.coverRemoved"), "#cover");
      case "archive":
      case "unarchive": {
        const archiving = action.intent === "archive";
        const changed = await setCourseStatus({ courseId, status: archiving ? "ARCHIVED" : "PUBLISHED" });
        if (!changed) return notFound();
        await recordAudit({ action: archiving ? "course.archived" : "course.unarchived", actorId: user.id, targetType: "course", targetId: courseId, ipAddress: clientAddress() });
        return back(t(archiving ? "studio.archived" : "studio.unarchived"));
      }
    }
  } catch (error) {
    if (error instanceof CourseRuleError) return data({ errors: { form: error.key } as FormErrors, values: form.fields }, { status: 400 });
    throw error;
  }
}
