import path from "node:path";
import { fileURLToPath } from "node:url";
import { upsertOrgUnitByCode } from "~/models/org-unit.server";
import { recordPrivacyConsents } from "~/models/privacy-consent.server";
import { findUserForSignIn, upsertPerson } from "~/models/user.server";
import { PRIVACY_NOTICE_VERSION } from "~/utils/privacy";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { demoOrgUnits } from "./demo-data/org-units";
import { importContent } from "./content";
import { seedDemoCertificateTemplate } from "./demo-data/certificates";
import { seedDemoAssignments, seedDemoLearning } from "./demo-data/learning";
import { DEMO_CONSENT_AT, DEMO_PASSWORD, demoAccounts, generateDemoPeople } from "./demo-data/people";

// prisma/ in the source tree, build/ when bundled: content/ is one level up either way.
const contentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "content");

// Demo data for `npm start`. Idempotent: every record is keyed by a stable
// code or e-mail, so running it again brings the data back in line and adds
// nothing. Each feature adds its part, so the demo shows a living province.

export async function seedDemoData(log: (message: string) => void = () => {}) {
  for (const unit of demoOrgUnits) await upsertOrgUnitByCode(unit);

  const people = generateDemoPeople();
  const consented: string[] = [];
  for (const person of people) consented.push((await upsertPerson(person)).id);

  for (const { roleLabel: _label, privacyPending, ...account } of demoAccounts) {
    // Keep the existing hash when it still matches: re-hashing would change
    // the row on every start for nothing.
    const existing = await findUserForSignIn(account.email);
    const current = existing?.passwordHash && (await verifyPassword(existing.passwordHash, DEMO_PASSWORD));
    const { id } = await upsertPerson({ ...account, passwordHash: current ? undefined : await hashPassword(DEMO_PASSWORD) });
    if (!privacyPending) consented.push(id);
  }
  // Everyone but the newcomers has read the privacy notice (ADR 026).
  await recordPrivacyConsents({ userIds: consented, noticeVersion: PRIVACY_NOTICE_VERSION, now: DEMO_CONSENT_AT });
  log(`demo data: ${demoOrgUnits.length} organisation units, ${people.length + demoAccounts.length} people`);

  // The courses in content/, with their trainers (demo accounts above).
  await importContent({ contentDir, log });
  // Before learning: the certificates the demo issues carry its signer.
  if (await seedDemoCertificateTemplate()) log("demo data: certificate template, signed by the department's director");
  const enrolments = await seedDemoLearning();
  if (enrolments) log(`demo data: ${enrolments} enrolments (in progress and finished)`);
  const rules = await seedDemoAssignments();
  if (rules) log(`demo data: ${rules} mandatory training rules`);
}
