import type { Translate } from "~/i18n/i18n";

// How a training rule reads in a list: who it is for, and by when.

export type RuleForDisplay = {
  target: "UNIT" | "PERSON" | "STAFF_CATEGORY" | "JOB_TITLE";
  includeSubunits: boolean;
  staffCategory: "CAN_BO" | "CONG_CHUC" | "VIEN_CHUC" | "OTHER" | null;
  jobTitle: string | null;
  dueDate: string | null;
  dueDays: number | null;
  recurrenceMonths: number | null;
  user: { fullName: string } | null;
  unit: { name: string } | null;
  scopeUnit: { name: string } | null;
};

export function targetText(t: Translate, rule: RuleForDisplay) {
  let text: string;
  switch (rule.target) {
    case "UNIT":
      text = t(rule.includeSubunits ? "assignments.target.UNIT.subunits" : "assignments.target.UNIT", { unit: rule.unit?.name ?? "" });
      break;
    case "PERSON":
      text = t("assignments.target.PERSON", { name: rule.user?.fullName ?? "" });
      break;
    case "STAFF_CATEGORY":
      text = t("assignments.target.STAFF_CATEGORY", { category: rule.staffCategory ? t(`staff.${rule.staffCategory}`) : "" });
      break;
    case "JOB_TITLE":
      text = t("assignments.target.JOB_TITLE", { title: rule.jobTitle ?? "" });
      break;
  }
  return rule.scopeUnit ? t("assignments.target.within", { target: text, unit: rule.scopeUnit.name }) : text;
}

export function dueText(t: Translate, rule: RuleForDisplay) {
  const due = rule.dueDate ? t("assignments.due.date", { date: rule.dueDate }) : t("assignments.due.days", { days: rule.dueDays ?? 0 });
  return rule.recurrenceMonths ? `${due}. ${t("assignments.recurrence", { months: rule.recurrenceMonths })}` : due;
}
