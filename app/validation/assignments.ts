import { z } from "zod";

// HR's "assign a course" form. What is required depends on the answers
// (who it is for, how the due date is set): checked here, once, for the page
// and the action alike.

const optionalText = z.string().trim().optional().transform((value) => value || undefined);

export const ASSIGNMENT_TARGETS = ["UNIT", "PERSON", "STAFF_CATEGORY", "JOB_TITLE"] as const;
export const STAFF_CATEGORIES = ["CAN_BO", "CONG_CHUC", "VIEN_CHUC", "OTHER"] as const;

export const newAssignmentSchema = z
  .object({
    courseId: z.uuid({ error: "validation.assignment.course" }),
    target: z.enum(ASSIGNMENT_TARGETS, { error: "validation.assignment.target" }),
    unitId: optionalText,
    includeSubunits: z.literal("on").optional(),
    email: optionalText,
    staffCategory: z.enum(STAFF_CATEGORIES).optional().catch(undefined),
    jobTitle: optionalText,
    dueMode: z.enum(["date", "days"], { error: "validation.assignment.dueMode" }),
    dueDate: optionalText,
    dueDays: optionalText,
    recurrenceMonths: optionalText,
  })
  .superRefine((form, context) => {
    const fail = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    if (form.unitId !== undefined && !z.uuid().safeParse(form.unitId).success) fail("unitId", "validation.assignment.unit");
    if (form.target === "UNIT" && !form.unitId) fail("unitId", "validation.assignment.unit");
    if (form.target === "PERSON" && !(form.email && z.email().safeParse(form.email).success)) fail("email", "validation.assignment.email");
    if (form.target === "STAFF_CATEGORY" && !form.staffCategory) fail("staffCategory", "validation.assignment.staffCategory");
    if (form.target === "JOB_TITLE" && !(form.jobTitle && form.jobTitle.length <= 200)) fail("jobTitle", "validation.assignment.jobTitle");
    if (form.dueMode === "date" && !(form.dueDate && z.iso.date().safeParse(form.dueDate).success)) fail("dueDate", "validation.assignment.dueDate");
    if (form.dueMode === "days" && !(form.dueDays && /^\d{1,4}$/.test(form.dueDays) && +form.dueDays >= 1 && +form.dueDays <= 3650)) {
      fail("dueDays", "validation.assignment.dueDays");
    }
    if (form.recurrenceMonths && !(/^\d{1,3}$/.test(form.recurrenceMonths) && +form.recurrenceMonths >= 1 && +form.recurrenceMonths <= 120)) {
      fail("recurrenceMonths", "validation.assignment.recurrence");
    }
  });

export type NewAssignmentForm = z.infer<typeof newAssignmentSchema>;
