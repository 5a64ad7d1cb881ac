import type { PersonInput } from "~/models/user.server";
import { foldForSearch } from "~/utils/text";
import { demoOrgUnits } from "./org-units";

// About 200 believable people, the same every time (a fixed pseudo-random
// sequence), plus one demo account per role. Their e-mails end in .test, a
// domain reserved for testing, so no mail can ever reach a real person.

export const DEMO_PASSWORD = "HocSo-demo-2026";
export const DEMO_DOMAIN = "lamdong.test";

/**
 * One account per role, and three newcomers (started this month) who have not
 * yet accepted the privacy notice (`privacyPending`): signing in as them
 * shows the notice.
 * Everyone else in the demo accepted it in January 2026.
 */
export const demoAccounts: (PersonInput & { roleLabel: string; privacyPending?: boolean })[] = [
  {
    roleLabel: "Học viên / learner",
    email: `hocvien@${DEMO_DOMAIN}`,
    fullName: "Nguyễn Thị Lan",
    jobTitle: "Chuyên viên",
    staffCategory: "CONG_CHUC",
    unitCode: "LDG-SKHCN-CDS",
    since: new Date("2024-03-01"),
  },
  {
    roleLabel: "Giảng viên / trainer",
    email: `giangvien@${DEMO_DOMAIN}`,
    fullName: "Trần Minh Đức",
    jobTitle: "Phó Giám đốc Trung tâm",
    staffCategory: "VIEN_CHUC",
    unitCode: "LDG-SKHCN-TTCNTT",
    since: new Date("2023-08-15"),
    roles: [{ role: "TRAINER" }],
  },
  {
    roleLabel: "Quản lý (Sở KH&CN) / manager",
    email: `quanly@${DEMO_DOMAIN}`,
    fullName: "Lê Thu Hà",
    jobTitle: "Chánh Văn phòng Sở",
    staffCategory: "CONG_CHUC",
    unitCode: "LDG-SKHCN-VP",
    since: new Date("2022-01-10"),
    roles: [{ role: "MANAGER", scopeUnitCode: "LDG-SKHCN" }],
  },
  {
    roleLabel: "Quản trị / admin",
    email: `quantri@${DEMO_DOMAIN}`,
    fullName: "Phạm Quốc Bảo",
    jobTitle: "Trưởng phòng Công chức, viên chức",
    staffCategory: "CONG_CHUC",
    unitCode: "LDG-SNV-CCVC",
    since: new Date("2021-06-01"),
    roles: [{ role: "ADMIN" }],
  },
  {
    roleLabel: "Học viên mới, chưa xác nhận thông báo dữ liệu cá nhân / new learner, privacy notice pending",
    email: `moi@${DEMO_DOMAIN}`,
    fullName: "Đinh Thị Mới",
    jobTitle: "Chuyên viên",
    staffCategory: "VIEN_CHUC",
    unitCode: "LDG-SKHCN-CDS",
    since: new Date("2026-11-02"),
    privacyPending: true,
  },
  {
    roleLabel: "Học viên mới thứ hai, chưa xác nhận thông báo dữ liệu cá nhân / second new learner, privacy notice pending",
    email: `moi2@${DEMO_DOMAIN}`,
    fullName: "Lò Văn Mạnh",
    jobTitle: "Chuyên viên",
    staffCategory: "CONG_CHUC",
    unitCode: "LDG-SNV-CCVC",
    since: new Date("2026-11-16"),
    privacyPending: true,
  },
  {
    roleLabel: "Học viên mới thứ ba, chưa xác nhận thông báo dữ liệu cá nhân / third new learner, privacy notice pending",
    email: `moi3@${DEMO_DOMAIN}`,
    fullName: "Hoàng Thị Mai",
    jobTitle: "Văn thư",
    staffCategory: "VIEN_CHUC",
    unitCode: "LDG-SKHCN-CDS",
    since: new Date("2026-11-23"),
    privacyPending: true,
  },
];

/** When the demo's people accepted the privacy notice. */
export const DEMO_CONSENT_AT = new Date("2026-01-05T02:00:00Z");

const familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "K'", "Ka"];
const middleMen = ["Văn", "Hữu", "Minh", "Quốc", "Đức", "Thanh", "Xuân", "Công", "Gia"];
const middleWomen = ["Thị", "Ngọc", "Thu", "Thanh", "Hoài", "Bảo", "Mỹ", "Kim", "Diệu"];
const givenMen = ["An", "Ân", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Minh", "Nam", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Thắng", "Trung", "Tuấn", "Việt"];
const givenWomen = ["Anh", "Chi", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngân", "Nhung", "Phương", "Tâm", "Thảo", "Thủy", "Trang", "Uyên", "Vân", "Yến", "Ánh"];

/** A small deterministic generator (mulberry32): the same demo every run. */
export function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateDemoPeople(count = 200): PersonInput[] {
  const next = random(20260318);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  // People work in offices and local bodies, not at the top of the tree.
  const workplaces = demoOrgUnits.filter((unit) => unit.kind !== "PROVINCE");
  const people: PersonInput[] = [];
  const used = new Set<string>();
  for (let index = 0; people.length < count; index++) {
    const woman = next() < 0.52;
    const fullName =
      index === 0
        ? "Nguyễn Văn Ân" // the name the search examples use
        : `${pick(familyNames)} ${pick(woman ? middleWomen : middleMen)} ${pick(woman ? givenWomen : givenMen)}`;
    const unit = pick(workplaces);
    const local = ["COMMUNE", "WARD", "SPECIAL_ZONE"].includes(unit.kind) || unit.parentCode?.match(/-(P|X|DK)-/);
    const staffCategory =
      unit.kind === "PUBLIC_SERVICE_UNIT" ? "VIEN_CHUC" : local && next() < 0.35 ? "CAN_BO" : next() < 0.06 ? "OTHER" : "CONG_CHUC";
    const handle = foldForSearch(fullName).replace(/[^a-z ]/g, "").split(" ");
    let email = `${handle.at(-1)}.${handle.slice(0, -1).map((part) => part[0]).join("")}@${DEMO_DOMAIN}`;
    for (let n = 2; used.has(email); n++) email = email.replace(/(\d*)@/, `${n}@`);
    used.add(email);
    people.push({
      email,
      fullName,
      employeeCode: `LD${String(10001 + index)}`,
      jobTitle: staffCategory === "VIEN_CHUC" ? pick(["Viên chức", "Kỹ sư", "Giáo viên", "Bác sĩ", "Kế toán viên"]) : pick(["Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng", "Văn thư"]),
      staffCategory,
      unitCode: unit.code,
      since: new Date(Date.UTC(2018 + Math.floor(next() * 7), Math.floor(next() * 12), 1)),
    });
  }
  return people;
}
