import { expect, test } from "vitest";
import { demoOrgUnits } from "../../prisma/demo-data/org-units";
import { seedDemoData } from "../../prisma/seed";
import { prisma } from "~/utils/db.server";
import { loader } from "./_index";

/** The page's data (the loader wraps it with its caching headers). */
const load = async (request: Request) => (await loader({ request, params: {}, context: {} })).data;

const request = (cookie?: string) =>
  new Request("http://localhost/", { headers: cookie ? { Cookie: cookie } : {} });

test("with no units yet, the home page says so", async () => {
  const data = await load(request());
  expect(data.province).toBeNull();
});

test("the home page sums up the province from the database, in the reader's language", async () => {
  await seedDemoData();
  const data = await load(request());
  expect(data.title).toBe("Học Số – Nền tảng học tập chuyển đổi số cho cán bộ, công chức, viên chức");
  expect(data.province).toEqual({
    name: "UBND tỉnh Lâm Đồng",
    units: demoOrgUnits.length - 1,
    departments: demoOrgUnits.filter((unit) => unit.kind === "DEPARTMENT").length,
    localities: demoOrgUnits.filter((unit) => ["COMMUNE", "WARD", "SPECIAL_ZONE"].includes(unit.kind)).length,
  });
  const english = await load(request("hocso_lang=en"));
  expect(english.title).toBe("Học Số – Digital-transformation learning for public servants");
});

test("loading the demo data twice changes nothing", async () => {
  await seedDemoData();
  const counts = () => Promise.all([prisma.user.count(), prisma.courseVersion.count(), prisma.enrolment.count(), prisma.itemProgress.count()]);
  const before = await load(request());
  const beforeCounts = await counts();
  await seedDemoData();
  const after = await load(request());
  expect(after.province).toEqual(before.province);
  expect(await counts()).toEqual(beforeCounts);
  // The demo is lived in: four courses, people part-way through them.
  expect(beforeCounts[1]).toBe(4);
  expect(beforeCounts[2]).toBeGreaterThan(150);
  const completed = await prisma.enrolment.count({ where: { status: "COMPLETED" } });
  expect(completed).toBeGreaterThan(10);
  expect(await prisma.quizAttempt.count({ where: { passed: true } })).toBe(completed);
});
