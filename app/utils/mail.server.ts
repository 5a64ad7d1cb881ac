import nodemailer from "nodemailer";
import type { Prisma } from "~/generated/prisma/client";
import { insertOutboxMessage } from "~/models/outbox.server";
import { getEnv } from "./env.server";
import { getLogger } from "./logger.server";
import { singleton } from "./singleton.server";

// All mail leaves through here: SMTP when SMTP_URL is set, otherwise the
// Outbox table (the demo and test machines need no mail server).

export type Mail = { to: string; subject: string; text: string };

const transport = () => {
  const url = getEnv().SMTP_URL;
  return url ? singleton("smtp", () => nodemailer.createTransport(url)) : null;
};

/** `db`: write the Outbox row inside the caller's transaction. */
export async function sendMail(mail: Mail, db?: Prisma.TransactionClient): Promise<void> {
  const smtp = transport();
  if (!smtp) {
    await insertOutboxMessage(mail, db);
    return;
  }
  await smtp.sendMail({ from: getEnv().MAIL_FROM, ...mail });
  // The address is personal data: log that a mail went, not to whom.
  getLogger().info({ subject: mail.subject }, "mail sent");
}
