import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { importContent } from "../../prisma/content";
import { searchCatalogue } from "./course-version.server";

// The catalogue search runs in PostgreSQL (unaccent + trigrams): these run
// it on the real courses in content/.
beforeAll(async () => {
  await importContent({ contentDir: path.resolve("content"), log: () => {} });
});

const titles = async (filters: Parameters<typeof searchCatalogue>[0]) => (await searchCatalogue(filters)).map((course) => course.title);

describe("catalogue search", () => {
  test("finds a course with or without diacritics, in any case", async () => {
    for (const q of ["chữ ký số", "chu ky so", "CHU KY SO", "Chữ ky so"]) {
      expect(await titles({ q }), q).toEqual(["Chữ ký số và văn bản điện tử"]);
    }
    // đ folds to d.
    expect(await titles({ q: "dinh danh dien tu" })).toEqual(["Dịch vụ công trực tuyến và định danh điện tử"]);
  });

  test("every word must match; a typo still finds the course when nothing matches exactly", async () => {
    expect(await titles({ q: "an toan thong tin" })).toEqual(["An toàn thông tin cho cán bộ, công chức"]);
    expect(await titles({ q: "chuyen doi so nhan thuc" })).toEqual(["Chuyển đổi số: nhận thức chung"]);
    expect(await titles({ q: "chu ki so" })).toContain("Chữ ký số và văn bản điện tử");
    expect(await titles({ q: "xyzzy quasar" })).toEqual([]);
  });

  test("LIKE wildcards in the query are taken literally", async () => {
    expect(await titles({ q: "%" })).toEqual([]);
    expect(await titles({ q: "_" })).toEqual([]);
  });

  test("filters by level, length and competency area; no query lists all in Vietnamese order", async () => {
    expect(await titles({})).toEqual([
      "An toàn thông tin cho cán bộ, công chức",
      "Chuyển đổi số: nhận thức chung",
      "Chữ ký số và văn bản điện tử",
      "Dịch vụ công trực tuyến và định danh điện tử",
    ]);
    expect(await titles({ level: "INTERMEDIATE" })).toEqual(["Chữ ký số và văn bản điện tử"]);
    expect(await titles({ length: "long" })).toEqual([]);
    expect((await titles({ length: "medium" })).length).toBe(4);
    expect(await titles({ areaCode: "4" })).toEqual(["An toàn thông tin cho cán bộ, công chức", "Chữ ký số và văn bản điện tử"]);
    expect(await titles({ areaCode: "4", q: "chu ky" })).toEqual(["Chữ ký số và văn bản điện tử"]);
  });
});
