import { describe, expect, test } from "vitest";
import { csvLine, parseCsv } from "./csv";

test("reads commas, quotes, doubled quotes, CRLF and a BOM", () => {
  const text = '\uFEFFHọ và tên,Email\r\n"Nguyễn Văn Ân","an@x.vn"\r\n"Lê ""Bé"" Ba, con",ba@x.vn\r\n';
  expect(parseCsv(text)).toEqual([
    ["Họ và tên", "Email"],
    ["Nguyễn Văn Ân", "an@x.vn"],
    ['Lê "Bé" Ba, con', "ba@x.vn"],
  ]);
});

test("reads the semicolons Excel writes in a Vietnamese locale", () => {
  expect(parseCsv("Họ và tên;Email\nTrần Thị B;b@x.vn\n\n")).toEqual([
    ["Họ và tên", "Email"],
    ["Trần Thị B", "b@x.vn"],
  ]);
});

test("keeps a line break inside quotes", () => {
  expect(parseCsv('a,b\n"dòng 1\ndòng 2",x')).toEqual([
    ["a", "b"],
    ["dòng 1\ndòng 2", "x"],
  ]);
});

describe("writing CSV", () => {
  test("quotes what needs quoting and defuses formulas", () => {
    expect(csvLine(["Phòng A", 3, null, 'Nói "có"', "a,b", "=HYPERLINK(\"x\")", "-1", "@cmd"])).toBe(
      'Phòng A,3,,"Nói ""có""","a,b","\'=HYPERLINK(""x"")",\'-1,\'@cmd\r\n',
    );
    expect(parseCsv(csvLine(["Nguyễn Văn An", "dòng\nhai"]))).toEqual([["Nguyễn Văn An", "dòng\nhai"]]);
  });
});
