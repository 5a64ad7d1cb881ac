import { beforeAll, expect, test } from "vitest";
import { en } from "~/i18n/en";
import { createTranslate } from "~/i18n/i18n";
import { vi } from "~/i18n/vi";
import { prisma } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { changePassword } from "./password-change.server";
import { requestPasswordReset, resetPassword } from "./password-reset.server";
import { signIn } from "./sign-in.server";

const t = createTranslate("vi", vi);
const ask = (email: string) => requestPasswordReset({ email, baseUrl: "https://hocso.example", ipAddress: "10.1.1.1", t });
const linkIn = (text: string) => text.match(/https:\/\/hocso\.example\/reset-password\/([a-z2-7]{32})/)?.[1];

let userId = "";
beforeAll(async () => {
  await makeUnits();
  userId = (await makePerson({ email: "quen@example.test", fullName: "Đặng Thị Quên" })).id;
});

test("a reset link goes to the outbox in Vietnamese; an unknown address gets nothing (and the same answer)", async () => {
  await ask("QUEN@example.test");
  await ask("khong-ai@example.test");
  const messages = await prisma.outboxMessage.findMany({ orderBy: { createdAt: "asc" } });
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({ to: "quen@example.test", subject: "Đặt lại mật khẩu Học Số" });
  expect(messages[0]?.text).toContain("Xin chào Đặng Thị Quên");
  expect(linkIn(messages[0]?.text ?? "")).toBeDefined();
  // Only the hash of the link's token is stored.
  const token = linkIn(messages[0]?.text ?? "") ?? "";
  expect(await prisma.passwordResetToken.count({ where: { id: token } })).toBe(0);
  expect(createTranslate("en", en)("forgot.mail.subject")).toBe("Reset your Học Số password");
});

test("a guessable password is refused and the link still works; a good one ends every session; the link works once", async () => {
  const message = await prisma.outboxMessage.findFirstOrThrow({ where: { to: "quen@example.test" }, orderBy: { createdAt: "desc" } });
  const token = linkIn(message.text) ?? "";
  await createSession({ userId, isAdmin: false, userAgent: null, ipAddress: null });

  expect(await resetPassword({ token, password: "short", ipAddress: "10.1.1.1" })).toEqual({ outcome: "weak", problem: "validation.password.tooShort" });
  expect(await resetPassword({ token, password: "password1234", ipAddress: "10.1.1.1" })).toEqual({ outcome: "weak", problem: "validation.password.guessable" });
  expect(await resetPassword({ token, password: "dang thi quen 1990", ipAddress: "10.1.1.1" })).toMatchObject({ outcome: "weak" });

  expect(await resetPassword({ token, password: "mây trắng bay qua đồi thông", ipAddress: "10.1.1.1" })).toEqual({ outcome: "done" });
  expect(await prisma.session.count({ where: { userId } })).toBe(0);
  expect(await resetPassword({ token, password: "một lần nữa thôi nhé bạn", ipAddress: "10.1.1.1" })).toEqual({ outcome: "invalid-link" });

  const signedIn = await signIn({ email: "quen@example.test", password: "mây trắng bay qua đồi thông", ipAddress: "10.1.1.2", userAgent: null });
  expect(signedIn.outcome).toBe("signed-in");
});

test("at most three links per address in a quarter of an hour", async () => {
  const before = await prisma.outboxMessage.count();
  for (let i = 0; i < 5; i++) await ask("quen@example.test");
  // One was already asked for in the first test: two more get through.
  expect((await prisma.outboxMessage.count()) - before).toBe(2);
});

// Runs after the reset above, which set the password it starts from.
test("changing one's password needs the current one and ends every other session", async () => {
  const current = await createSession({ userId, isAdmin: false, userAgent: "this one", ipAddress: null });
  await createSession({ userId, isAdmin: false, userAgent: "another", ipAddress: null });
  const sessionId = (await prisma.session.findFirstOrThrow({ where: { userId, userAgent: "this one" } })).id;
  expect(current.token).toBeTruthy();
  expect(await changePassword({ userId, sessionId, current: "not it at all", password: "một mật khẩu mới rất dài", ipAddress: "x" })).toEqual({
    ok: false,
    field: "current",
    problem: "password.wrongCurrent",
  });
  expect(await changePassword({ userId, sessionId, current: "mây trắng bay qua đồi thông", password: "qwertyuiop12", ipAddress: "x" })).toMatchObject({
    ok: false,
    field: "password",
  });
  expect(await changePassword({ userId, sessionId, current: "mây trắng bay qua đồi thông", password: "sông Đà mùa nước cạn", ipAddress: "x" })).toEqual({ ok: true });
  expect(await prisma.session.findMany({ where: { userId }, select: { id: true } })).toEqual([{ id: sessionId }]);
});
