import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CourseSettingsFields, settingsFieldOrder } from "~/components/course-settings-fields";
import { CheckboxGroup, ErrorSummary } from "~/components/form";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { listCompetencyAreas } from "~/models/competency.server";
import { contentHash } from "~/models/course-version.server";
import { draftContent, getCourseDraft, listCourseChoices } from "~/models/course.server";
import { listTrainers } from "~/models/user.server";
import { requireCourseEditor } from "~/utils/course-access.server";
import { mediaUrl } from "~/utils/media-url";
import { can } from "~/utils/permissions";
import type { MessageKey } from "~/i18n/i18n";
import { handleCourseAction } from "./actions.server";
import { CoverImage } from "./cover";
import { ConfirmDelete, Outline } from "./outline";

// One course in the studio: its outline (reorder, add, remove) and settings.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCourseEditor(request, params.courseId);
  const t = getTranslate(request);
  const draft = await getCourseDraft({ courseId: params.courseId! });
  if (!draft) throw new Response(t("studio.error.notFound"), { status: 404 });
  const isAdmin = can(user, "edit:course:any");
  const [areas, courses, trainers] = await Promise.all([
    listCompetencyAreas(),
    listCourseChoices({ exceptId: draft.id, chosen: draft.prerequisites.map((row) => row.requiredCourse.slug) }),
    isAdmin ? listTrainers() : Promise.resolve(null),
  ]);
  return {
    title: `${draft.title} – ${t("studio.title")} – ${t("app.titleSuffix")}`,
    course: {
      id: draft.id,
      slug: draft.slug,
      title: draft.title,
      summary: draft.summary,
      description: draft.description,
      level: draft.level,
      estimatedMinutes: draft.estimatedMinutes,
      sequential: draft.sequential,
      status: draft.status,
      revision: draft.draftRevision,
      version: draft.publishedVersion?.number ?? null,
      unpublished: draft.publishedVersion?.contentHash !== contentHash(draftContent(draft)),
      competences: draft.competences.map((row) => row.competence.code),
      prerequisites: draft.prerequisites.map((row) => row.requiredCourse.slug),
      trainerIds: draft.trainers.map((row) => row.user.id),
      cover: draft.coverImage ? { url: mediaUrl(draft.coverImage), width: draft.coverImage.width, height: draft.coverImage.height } : null,
      modules: draft.modules.map((module) => ({
        id: module.id,
        title: module.title,
        items: module.items.map((item) => ({ id: item.id, title: item.title, kind: item.kind, minutes: item.minutes })),
      })),
    },
    choices: { areas, courses },
    trainers,
    imageError: imageErrorFrom(request),
  };
}

function imageErrorFrom(request: Request): MessageKey | null {
  const key = new URL(request.url).searchParams.get("imageError");
  return key === "media.error.empty" || key === "media.error.tooLarge" || key === "media.error.notImage" ? key : null;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCourseEditor(request, params.courseId);
  return handleCourseAction({ request, courseId: params.courseId!, user });
}

export default function StudioCourse() {
  const { course, choices, trainers, imageError } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const values = result && "values" in result ? result.values : {};
  const errors = result && "errors" in result ? result.errors : undefined;
  const confirmDelete = result && "confirmDelete" in result ? result.confirmDelete : null;
  return (
    <>
      <p>
        <Link to="/studio">{t("studio.backToStudio")}</Link>
      </p>
      <ErrorSummary errors={errors} fieldOrder={["form", ...settingsFieldOrder]} />
      {confirmDelete ? <ConfirmDelete courseId={course.id} {...confirmDelete} /> : null}
      <h1>{course.title}</h1>
      <p className="studio-status">
        <strong className={`status status--${course.status.toLowerCase()}`}>{t(`studio.status.${course.status}`)}</strong>
        {course.version ? ` · ${t("studio.versionNumber", { number: course.version })}` : null}
        {course.unpublished ? ` · ${t("studio.unpublishedChanges")}` : null}
      </p>
      <div className="button-group">
        <Link className="button button--secondary" to={`/studio/${course.id}/preview`}>
          {t("studio.preview")}
        </Link>
        <Link className="button" to={`/studio/${course.id}/publish`}>
          {t("studio.publish")}
        </Link>
        <Link to={`/studio/${course.id}/versions`}>{t("studio.versions")}</Link>
      </div>

      <Outline courseId={course.id} modules={course.modules} />

      <section aria-labelledby="settings" className="narrow">
        <h2 id="settings">{t("studio.settings")}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="saveSettings" />
          <input type="hidden" name="revision" value={course.revision} />
          <CourseSettingsFields values={{ ...course, ...values }} errors={errors} choices={choices} />
          {trainers ? (
            <CheckboxGroup
              name="trainers"
              legend={t("studio.field.trainers")}
              checked={course.trainerIds}
              groups={[{ options: trainers.map((trainer) => ({ value: trainer.id, label: `${trainer.fullName} (${trainer.email})` })) }]}
            />
          ) : null}
          <button type="submit" className="button">
            {t("studio.saveSettings")}
          </button>
        </Form>
        <CoverImage courseId={course.id} cover={course.cover} error={imageError} />
        {course.status !== "DRAFT" ? (
          <Form method="post">
            <input type="hidden" name="intent" value={course.status === "ARCHIVED" ? "unarchive" : "archive"} />
            <button type="submit" className="button button--warning">
              {t(course.status === "ARCHIVED" ? "studio.unarchive" : "studio.archive")}
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}
