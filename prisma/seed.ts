import { upsertOrgUnitByCode } from "~/models/org-unit.server";
import { demoOrgUnits } from "./demo-data/org-units";

// Demo data for `npm start`. Idempotent: every record is keyed by a stable
// code, so running it again brings the data back in line and adds nothing.
// Later features add their own parts (courses come from content/courses).

export async function seedDemoData(log: (message: string) => void = () => {}) {
  for (const unit of demoOrgUnits) {
    await upsertOrgUnitByCode(unit);
  }
  log(`demo data: ${demoOrgUnits.length} organisation units`);
}
