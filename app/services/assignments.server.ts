import type { FormErrors } from "~/components/form";
import { createAssignment, findSameRule, type AssignmentInput } from "~/models/assignment.server";
import { listPublishedCourseChoices } from "~/models/course-version.server";
import { getCurrentUnitId } from "~/models/membership.server";
import { listSubtreeUnitIds } from "~/models/org-unit.server";
import { findActiveUsersByEmail } from "~/models/user.server";
import type { SignedIn } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import type { NewAssignmentForm } from "~/validation/assignments";

// Assigning mandatory training, within the assigner's reach: an admin
// anywhere; a manager only inside their units (the unit, the person, or the
// scope of a staff-category or job-title rule must be theirs).

/** The units a person may assign training in: null = everywhere. */
export async function assignScope(user: SignedIn): Promise<string[] | null> {
  if (can(user, "assign:course:any")) return null;
  return listSubtreeUnitIds(user.managerScopeUnitIds);
}

export async function assignCourse({ form, user, scope }: { form: NewAssignmentForm; user: SignedIn; scope: string[] | null }) {
  const refuse = (field: string, key: FormErrors[string]) => ({ ok: false as const, errors: { [field]: key } as FormErrors });
  if (!(await listPublishedCourseChoices()).some((course) => course.id === form.courseId)) return refuse("courseId", "validation.assignment.course");
  const inScope = (unitId: string | null | undefined) => !scope || (unitId ? scope.includes(unitId) : false);
  if (form.unitId && !inScope(form.unitId)) return refuse("unitId", "validation.assignment.unitOutOfScope");
  let userId: string | null = null;
  if (form.target === "PERSON") {
    const [person] = await findActiveUsersByEmail([form.email!]);
    if (!person) return refuse("email", "validation.assignment.personUnknown");
    if (!inScope(await getCurrentUnitId({ userId: person.id }))) return refuse("email", "validation.assignment.personOutOfScope");
    userId = person.id;
  }
  // A manager's category or title rule stays inside the unit they choose.
  if ((form.target === "STAFF_CATEGORY" || form.target === "JOB_TITLE") && scope && !form.unitId) return refuse("unitId", "validation.assignment.unit");
  const input: AssignmentInput = {
    courseId: form.courseId,
    target: form.target,
    userId,
    unitId: form.target === "UNIT" ? form.unitId : null,
    includeSubunits: form.includeSubunits === "on",
    staffCategory: form.staffCategory ?? null,
    jobTitle: form.jobTitle ?? null,
    scopeUnitId: form.target === "STAFF_CATEGORY" || form.target === "JOB_TITLE" ? (form.unitId ?? null) : null,
    dueDate: form.dueMode === "date" ? new Date(`${form.dueDate}T00:00:00Z`) : null,
    dueDays: form.dueMode === "days" ? Number(form.dueDays) : null,
    recurrenceMonths: form.recurrenceMonths ? Number(form.recurrenceMonths) : null,
    createdById: user.id,
  };
  if (await findSameRule(input)) return refuse("courseId", "validation.assignment.duplicate");
  const created = await createAssignment(input);
  return { ok: true as const, ...created };
}
