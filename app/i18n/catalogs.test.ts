import { readdirSync, readFileSync, statSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { coreVi } from "./core.vi";
import { en } from "./en";
import { createTranslate } from "./i18n";
import { staffVi } from "./staff.vi";
import { vi } from "./vi";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  test("English has exactly the Vietnamese keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  test.each(Object.keys(vi) as (keyof typeof vi)[])("%s: same placeholders, no empty text", (key) => {
    expect(vi[key].trim()).not.toBe("");
    expect(en[key].trim()).not.toBe("");
    expect(placeholders(en[key])).toEqual(placeholders(vi[key]));
  });

  test("Vietnamese text is written with its diacritics", () => {
    // A catalog typed without marks ("Hoc So", "Trang chu") reads as careless.
    const text = Object.values(vi).join(" ");
    expect(text).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    for (const word of ["Hoc So", "Trang chu", "Khong tim thay"]) expect(text).not.toContain(word);
  });
});

describe("createTranslate", () => {
  test("fills placeholders and formats numbers for the locale", () => {
    expect(createTranslate("vi", vi)("home.stats.units", { count: 12345 })).toBe("12.345 cơ quan, đơn vị");
    expect(createTranslate("en", en)("home.stats.units", { count: 12345 })).toBe("12,345 bodies and units");
  });

  test("leaves an unknown placeholder visible rather than printing 'undefined'", () => {
    expect(createTranslate("vi", vi)("home.stats.units", {})).toBe("{count} cơ quan, đơn vị");
  });
});

describe("the staff messages (staff.vi.ts), which learners' browsers never load", () => {
  const staffKeys = new Set(Object.keys(staffVi));
  const staffPrefixes = new Set([...staffKeys].map((key) => key.split(".")[0]));

  test("hold whole groups: no group is split between the two parts", () => {
    for (const key of Object.keys(coreVi)) expect(staffPrefixes.has(key.split(".")[0]!), key).toBe(false);
  });

  // A page a learner can open must not use them: it would show the key.
  const learnerRoutes = readdirSync("app/routes").filter((name) => !/^(admin|studio|manage)[._]/.test(name));
  test.each(learnerRoutes)("%s uses no staff message", (name) => {
    const path = `app/routes/${name}`;
    const files = statSync(path).isDirectory() ? readdirSync(path).map((file) => `${path}/${file}`) : [path];
    for (const file of files) {
      const used = [...readFileSync(file, "utf8").matchAll(/["'`]([a-zA-Z]+)\.[a-zA-Z${}.]+["'`]/g)].map((match) => match[1]!);
      expect(used.filter((prefix) => staffPrefixes.has(prefix)), file).toEqual([]);
    }
  });
});
