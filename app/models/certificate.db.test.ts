import { beforeAll, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { loader as verify } from "../routes/verify.$code";
import { newCertificateCode, normaliseCode, stateOf } from "./certificate.server";

// Public verification: what it says, and that guessing codes is stopped.
let code = "";
beforeAll(async () => {
  await makeUnits();
  const person = await makePerson({ email: "nhung@example.test", fullName: "Nguyễn Thị Hồng Nhung" });
  const course = await prisma.course.create({ data: { slug: "cd", title: "Khoá", summary: "Tóm tắt", estimatedMinutes: 30 } });
  const version = await prisma.courseVersion.create({
    data: { courseId: course.id, number: 1, title: "Khoá", summary: "Tóm tắt", level: "BASIC", estimatedMinutes: 30, competenceCodes: [], content: {}, contentHash: "0".repeat(64), changeNote: "x" },
  });
  const enrolment = await prisma.enrolment.create({ data: { userId: person.id, courseId: course.id, versionId: version.id, status: "COMPLETED", completedAt: new Date() } });
  code = newCertificateCode();
  await prisma.certificate.create({
    data: { code, enrolmentId: enrolment.id, userId: person.id, holderName: "Nguyễn Thị Hồng Nhung", courseTitle: "Chuyển đổi số: nhận thức chung", minutes: 90, completedOn: new Date("2026-11-20"), issuerName: "Sở KH&CN" },
  });
});

const check = async (value: string) => {
  const result = await verify({ request: new Request(`http://localhost/verify/${value}`), params: { code: value }, context: {} });
  return "init" in result ? { status: (result.init as { status: number }).status, data: result.data } : { status: 200, data: result };
};

test("codes are 10 Crockford characters; typed ones are forgiven case, spaces and look-alikes", () => {
  expect(newCertificateCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  expect(normaliseCode("7kq2-m9xh 4t")).toBe("7KQ2M9XH4T");
  expect(normaliseCode("OIL")).toBe("011");
  expect(stateOf({ revokedAt: null, expiresOn: new Date("2020-01-01") })).toBe("expired");
  expect(stateOf({ revokedAt: new Date(), expiresOn: null })).toBe("revoked");
});

test("a valid code shows what is printed and nothing more; lower case works", async () => {
  const result = await check(code.toLowerCase());
  expect(result.status).toBe(200);
  expect(result.data.found).toEqual({
    code,
    state: "valid",
    holderName: "Nguyễn Thị Hồng Nhung",
    courseTitle: "Chuyển đổi số: nhận thức chung",
    completedOn: "20 tháng 11, 2026",
    issuerName: "Sở KH&CN",
    revokedAt: null,
    replacedAt: null,
    expiresOn: null,
  });
});

test("unknown codes are 404s, and after 30 of them the address waits (429), even for a real code", async () => {
  for (let i = 0; i < 30; i++) expect((await check(`ZZZZZZZZ${String(i).padStart(2, "0")}`)).status).toBe(404);
  expect((await check(code)).status).toBe(429);
});
