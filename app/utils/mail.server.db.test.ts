import { SMTPServer } from "smtp-server";
import { afterAll, expect, test } from "vitest";
import { findFreePort } from "../../server/embedded-postgres";
import { prisma } from "./db.server";
import { reloadEnv } from "./env.server";
import { sendMail } from "./mail.server";

// Both ways out: the Outbox when no SMTP server is set, and real SMTP (a
// local SMTP server, receiving on loopback) when SMTP_URL is set.

const received: { from: string; to: string[]; data: string }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let data = "";
    stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
    stream.on("end", () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
        data,
      });
      callback();
    });
  },
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("without SMTP_URL, mail waits in the Outbox", async () => {
  delete process.env.SMTP_URL;
  reloadEnv();
  await sendMail({ to: "an@example.test", subject: "Thử", text: "Nội dung có dấu: Học Số" });
  expect(await prisma.outboxMessage.findFirst({ select: { to: true, subject: true, text: true } })).toEqual({
    to: "an@example.test",
    subject: "Thử",
    text: "Nội dung có dấu: Học Số",
  });
});

test("with SMTP_URL, mail goes through the SMTP server, Vietnamese intact, and not to the Outbox", async () => {
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "Học Số <khong-tra-loi@hocso.test>";
  reloadEnv();
  const before = await prisma.outboxMessage.count();
  await sendMail({ to: "binh@example.test", subject: "Đặt lại mật khẩu Học Số", text: "Xin chào Bình" });
  expect(received).toHaveLength(1);
  expect(received[0]?.from).toBe("khong-tra-loi@hocso.test");
  expect(received[0]?.to).toEqual(["binh@example.test"]);
  // Headers are encoded for transport; the subject decodes back to Vietnamese.
  // Unfold the header, and join encoded words (RFC 2047: the space between them does not count).
  const headers = (received[0]?.data ?? "").replace(/\r?\n[ \t]+/g, " ").replace(/\?=\s+=\?/g, "?==?");
  const subject = headers.match(/^Subject: (.+)$/m)?.[1] ?? "";
  const decoded = subject.replace(/=\?UTF-8\?Q\?(.+?)\?=/gi, (_, text: string) =>
    Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
  );
  expect(decoded.replace(/\s+/g, " ")).toContain("Đặt lại mật khẩu Học Số");
  expect(await prisma.outboxMessage.count()).toBe(before);
});
