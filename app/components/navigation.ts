import type { MessageKey } from "~/i18n/i18n";
import { can, type Permission, type Principal } from "~/utils/permissions";

// The main navigation: what each person sees follows their permissions,
// checked with the same function the server uses.
type NavItem = { to: string; label: MessageKey; end?: boolean; permission?: Permission };

const items: NavItem[] = [
  { to: "/", label: "layout.nav.home", end: true },
  { to: "/learning", label: "nav.learning", permission: "read:course:published" },
  { to: "/courses", label: "nav.courses", permission: "read:course:published" },
  { to: "/studio", label: "nav.studio", permission: "edit:course:assigned" },
  { to: "/manage/people", label: "nav.managePeople", permission: "read:person:scope" },
  { to: "/manage/assignments", label: "nav.assignments", permission: "assign:course:scope" },
  { to: "/manage/reports", label: "nav.reports", permission: "read:report:scope" },
  { to: "/admin/units", label: "nav.adminUnits", permission: "read:unit:any" },
  { to: "/admin/people", label: "nav.adminPeople", permission: "read:person:any" },
  { to: "/admin/competencies", label: "nav.adminCompetencies", permission: "manage:competency:any" },
  { to: "/admin/certificates", label: "nav.adminCertificates", permission: "manage:person:any" },
  { to: "/admin/audit", label: "nav.adminAudit", permission: "read:audit:any" },
  { to: "/admin/outbox", label: "nav.adminOutbox", permission: "read:outbox:any" },
  { to: "/account/sessions", label: "nav.account", permission: "read:account:own" },
];

export function navigationFor(principal: Principal | null): NavItem[] {
  return items.filter((item) => {
    if (!item.permission) return true;
    // An admin reaches people through the full list, not the scoped one.
    if (item.to === "/manage/people" && can(principal, "read:person:any")) return false;
    return can(principal, item.permission);
  });
}
