import { beforeAll, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { listCompetencyAreas, seedCompetencies, updateCompetence } from "./competency.server";

// The framework as the catalogue's filter and the administrators' page read it.

beforeAll(async () => {
  await seedCompetencies([
    {
      code: "T1",
      name: "Thông tin và dữ liệu",
      nameEn: "Information and data",
      competences: [
        { code: "T1.1", name: "Tìm kiếm thông tin", nameEn: "Browsing" },
        { code: "T1.2", name: "Đánh giá dữ liệu", nameEn: "Evaluating data" },
      ],
    },
    { code: "T2", name: "Giao tiếp và hợp tác", nameEn: "Communication", competences: [{ code: "T2.1", name: "Tương tác số", nameEn: "Interacting" }] },
    { code: "T3", name: "Lĩnh vực đã bỏ", nameEn: "Retired area", competences: [] },
  ]);
  const retired = await prisma.competence.findUniqueOrThrow({ select: { id: true }, where: { code: "T1.2" } });
  await updateCompetence({ id: retired.id, name: "Đánh giá dữ liệu", nameEn: "Evaluating data", archived: true });
  await prisma.competencyArea.update({ where: { code: "T3" }, data: { archivedAt: new Date("2026-01-02T03:04:05.678Z") } });
});

test("in framework order, without archived areas and competences", async () => {
  const areas = (await listCompetencyAreas()).filter((area) => area.code.startsWith("T"));
  expect(areas.map((area) => [area.code, area.competences.map((competence) => competence.code)])).toEqual([
    ["T1", ["T1.1"]],
    ["T2", ["T2.1"]],
  ]);
  expect(areas[0]).toMatchObject({ name: "Thông tin và dữ liệu", nameEn: "Information and data", archivedAt: null });
  expect(areas[0]!.competences[0]).toEqual({ id: expect.any(String), code: "T1.1", name: "Tìm kiếm thông tin", nameEn: "Browsing", archivedAt: null });
});

test("with archived ones when asked, their archive times as dates", async () => {
  const areas = (await listCompetencyAreas({ includeArchived: true })).filter((area) => area.code.startsWith("T"));
  expect(areas.map((area) => [area.code, area.competences.map((competence) => competence.code)])).toEqual([
    ["T1", ["T1.1", "T1.2"]],
    ["T2", ["T2.1"]],
    ["T3", []],
  ]);
  expect(areas[2]!.archivedAt).toEqual(new Date("2026-01-02T03:04:05.678Z"));
  const retired = areas[0]!.competences[1]!;
  expect(retired.archivedAt).toBeInstanceOf(Date);
  expect(retired.archivedAt!.getTime()).toBe((await prisma.competence.findUniqueOrThrow({ where: { code: "T1.2" } })).archivedAt!.getTime());
});
