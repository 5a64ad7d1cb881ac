import { beforeAll, expect, test } from "vitest";
import { loader } from "~/routes/admin.outbox";
import { makeUnits, signedInAs } from "../../tests/helpers/people";
import { callAs } from "../../tests/helpers/requests";
import { insertOutboxMessage, listOutboxMessages } from "./outbox.server";

// The Outbox's recipient filter: "did the mail to this person go out?" must
// find it even after a reminder run has added hundreds of others.

// One Outbox for the file (the database is per file, not per test).
beforeAll(async () => {
  await makeUnits();
  await fill();
});

async function fill() {
  await insertOutboxMessage({ to: "Lan.Nguyen@lamdong.test", subject: "Đặt lại mật khẩu Học Số", text: "đường dẫn" });
  for (let index = 0; index < 60; index++) {
    await insertOutboxMessage({ to: `nguoi${index}@lamdong.test`, subject: "Nhắc việc", text: "hạn hoàn thành" });
  }
}

test("a part of the address, in any case, finds that person's mail past the newest 50", async () => {
  expect(await listOutboxMessages({})).toHaveLength(50);
  expect((await listOutboxMessages({})).map((message) => message.to)).not.toContain("Lan.Nguyen@lamdong.test");
  const found = await listOutboxMessages({ to: "lan.nguyen@" });
  expect(found.map(({ to, subject }) => ({ to, subject }))).toEqual([{ to: "Lan.Nguyen@lamdong.test", subject: "Đặt lại mật khẩu Học Số" }]);
  expect(await listOutboxMessages({ to: "nobody@" })).toEqual([]);
});

test("the page filters by ?to=, trims it, and a mangled value shows the newest instead of failing", async () => {
  const admin = await signedInAs("ADMIN");
  const page = (path: string) => callAs(loader, admin.cookie, path) as Promise<Awaited<ReturnType<typeof loader>>>;
  const filtered = await page(`/admin/outbox?to=${encodeURIComponent("  LAN.NGUYEN ")}`);
  expect(filtered.to).toBe("LAN.NGUYEN");
  expect(filtered.messages.map((message) => message.to)).toEqual(["Lan.Nguyen@lamdong.test"]);
  const mangled = await page(`/admin/outbox?to=${"x".repeat(300)}`);
  expect(mangled.to).toBe("");
  expect(mangled.messages).toHaveLength(50);
});

test("only administrators read it", async () => {
  const learner = await signedInAs("LEARNER");
  const response = await callAs(loader, learner.cookie, "/admin/outbox?to=lan");
  expect(response).toBeInstanceOf(Response);
  expect((response as Response).status).toBe(403);
});
