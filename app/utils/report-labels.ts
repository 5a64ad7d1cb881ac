// How a requirement's status on a day reads (the person page and its export).

export type PersonRequirementStatus = "done" | "overdue" | "due" | "ended" | "later";

export const requirementStatusLabel = (status: PersonRequirementStatus) =>
  status === "ended" || status === "later" ? (`reports.status.${status}` as const) : (`assignments.status.${status}` as const);
