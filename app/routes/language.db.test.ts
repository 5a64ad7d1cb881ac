import { beforeAll, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { makeUnits, signedInAs } from "../../tests/helpers/people";
import { action } from "./language";

function post(body: Record<string, string>, url = "http://localhost/language", cookie?: string) {
  return new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(body),
  });
}

beforeAll(makeUnits);

async function run(request: Request): Promise<Response> {
  try {
    return await action({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

test("sets the language cookie and goes back to the page", async () => {
  const response = await run(post({ locale: "en", redirectTo: "/khoa-hoc?trang=2" }));
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/khoa-hoc?trang=2");
  const cookie = response.headers.get("Set-Cookie") ?? "";
  expect(cookie).toMatch(/^hocso_lang=en;/);
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);
  expect(cookie).not.toMatch(/Secure/);
});

test("marks the cookie Secure over HTTPS", async () => {
  const response = await run(post({ locale: "vi" }, "https://hocso.example.gov.vn/language"));
  expect(response.headers.get("Set-Cookie")).toMatch(/Secure/);
  expect(response.headers.get("Location")).toBe("/");
});

test("never redirects off the site", async () => {
  const response = await run(post({ locale: "vi", redirectTo: "//evil.example/x" }));
  expect(response.headers.get("Location")).toBe("/");
});

test("an unknown language is a 400 with a Vietnamese message, and sets nothing", async () => {
  const response = await run(post({ locale: "fr" }));
  expect(response.status).toBe(400);
  expect(await response.text()).toBe("Ngôn ngữ bạn chọn không hợp lệ.");
  expect(response.headers.get("Set-Cookie")).toBeNull();
});

test("a signed-in person's choice is kept with them, not only in this browser", async () => {
  const { userId, cookie } = await signedInAs("LEARNER", "chon-ngon-ngu@example.test");
  const response = await run(post({ locale: "en" }, undefined, cookie));
  expect(response.headers.get("Set-Cookie")).toMatch(/^hocso_lang=en;/);
  expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).locale).toBe("en");
  await run(post({ locale: "vi" }, undefined, cookie));
  expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).locale).toBe("vi");
  // Refused input changes nothing.
  await run(post({ locale: "fr" }, undefined, cookie));
  expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).locale).toBe("vi");
});
