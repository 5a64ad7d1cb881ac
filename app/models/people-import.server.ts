import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma, StaffCategory } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { nameFields } from "~/utils/text";
import { syncAssignments } from "./assignment.server";
import { moveToUnit } from "./membership.server";

// Storage and the all-or-nothing write behind the people import
// (app/services/people-import.server.ts).

// What the import compares and updates: the person and their current unit.
const existingPersonSelect = {
  id: true,
  email: true,
  fullName: true,
  employeeCode: true,
  jobTitle: true,
  staffCategory: true,
  memberships: { select: { id: true, unitId: true, validFrom: true }, where: { validTo: null }, take: 1 },
} as const;

/** What a row would change for a person already there. */
export function changesOf(
  person: { fullName: string; employeeCode: string | null; jobTitle: string | null; staffCategory: StaffCategory; unitId?: string },
  row: ImportRow,
  unitId: string | undefined,
) {
  return {
    fieldsChanged:
      person.fullName !== row.fullName ||
      person.employeeCode !== row.employeeCode ||
      person.jobTitle !== row.jobTitle ||
      person.staffCategory !== row.staffCategory,
    unitChanged: person.unitId !== unitId,
  };
}

export type ImportRow = {
  line: number;
  fullName: string;
  email: string;
  employeeCode: string | null;
  jobTitle: string | null;
  staffCategory: StaffCategory;
  unitCode: string;
};

const storedRows = z.array(
  z.object({
    line: z.number(),
    fullName: z.string(),
    email: z.string(),
    employeeCode: z.string().nullable(),
    jobTitle: z.string().nullable(),
    staffCategory: z.enum(["CAN_BO", "CONG_CHUC", "VIEN_CHUC", "OTHER"]),
    unitCode: z.string(),
  }),
);

export async function findPeopleByEmails(emails: string[]) {
  const people = await prisma.user.findMany({
    select: existingPersonSelect,
    where: { email: { in: emails } },
  });
  return new Map(
    people.map((person) => [
      person.email,
      {
        id: person.id,
        fullName: person.fullName,
        employeeCode: person.employeeCode,
        jobTitle: person.jobTitle,
        staffCategory: person.staffCategory,
        unitId: person.memberships[0]?.unitId,
        membership: person.memberships[0] ?? null,
      },
    ]),
  );
}

/** Employee code → e-mail of whoever holds it now. */
export async function findPeopleByEmployeeCodes(codes: string[]) {
  const people = await prisma.user.findMany({
    select: { email: true, employeeCode: true },
    where: { employeeCode: { in: codes } },
  });
  return new Map(people.map((person) => [person.employeeCode ?? "", person.email]));
}

export async function saveCheckedImport(input: { createdById: string; fileName: string; rows: ImportRow[] }) {
  return prisma.peopleImport.create({
    select: { id: true },
    data: {
      createdById: input.createdById,
      fileName: input.fileName.slice(0, 255),
      rowCount: input.rows.length,
      rows: input.rows,
    },
  });
}

/** A checked import, only for the person who checked it. */
export function getCheckedImport({ importId, userId }: { importId: string; userId: string }) {
  return prisma.peopleImport.findFirst({
    select: { id: true, fileName: true, rowCount: true, status: true, summary: true },
    where: { id: importId, createdById: userId },
  });
}

export type ApplySummary = { created: number; updated: number; unchanged: number };

/**
 * Applies a checked import in one transaction. The status flips from CHECKED
 * to APPLIED inside it, so a double click or a second tab applies it once.
 * Returns null when it was not there to apply.
 */
export async function applyCheckedImport(input: { importId: string; userId: string; today: Date }): Promise<ApplySummary | null> {
  return prisma.$transaction(
    async (tx) => {
      const claimed = await tx.peopleImport.updateMany({
        where: { id: input.importId, createdById: input.userId, status: "CHECKED" },
        data: { status: "APPLIED", appliedAt: new Date() },
      });
      if (claimed.count === 0) return null;
      const batch = await tx.peopleImport.findUniqueOrThrow({ select: { rows: true }, where: { id: input.importId } });
      const summary = await writeRows(tx, storedRows.parse(batch.rows), input.today);
      await tx.peopleImport.update({ where: { id: input.importId }, data: { summary }, select: { id: true } });
      return summary;
    },
    { timeout: 60_000 },
  );
}

/** The rows, written with as few statements as the changes need. */
async function writeRows(tx: Prisma.TransactionClient, rows: ImportRow[], today: Date): Promise<ApplySummary> {
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const units = await tx.orgUnit.findMany({
    select: { id: true, code: true },
    where: { code: { in: [...new Set(rows.map((row) => row.unitCode))] } },
  });
  const unitIds = new Map(units.map((unit) => [unit.code, unit.id]));
  const unitOf = (row: ImportRow) => {
    const id = unitIds.get(row.unitCode);
    if (!id) throw new Error(`unit ${row.unitCode} vanished during the import`);
    return id;
  };
  const existing = await tx.user.findMany({
    select: existingPersonSelect,
    where: { email: { in: rows.map((row) => row.email) } },
  });
  const byEmail = new Map(existing.map((person) => [person.email, person]));

  const fresh = rows.filter((row) => !byEmail.has(row.email));
  const newPeople = fresh.map((row) => ({ row, id: randomUUID() }));
  if (newPeople.length) {
    await tx.user.createMany({
      data: newPeople.map(({ row, id }) => ({
        id,
        email: row.email,
        ...nameFields(row.fullName),
        employeeCode: row.employeeCode,
        jobTitle: row.jobTitle,
        staffCategory: row.staffCategory,
      })),
    });
    await tx.unitMembership.createMany({
      data: newPeople.map(({ row, id }) => ({ userId: id, unitId: unitOf(row), validFrom: day })),
    });
  }

  let updated = 0;
  const touched: string[] = newPeople.map(({ id }) => id);
  for (const row of rows) {
    const person = byEmail.get(row.email);
    if (!person) continue;
    const unitId = unitOf(row);
    const current = person.memberships[0] ?? null;
    const { fieldsChanged, unitChanged } = changesOf({ ...person, unitId: current?.unitId }, row, unitId);
    if (!fieldsChanged && !unitChanged) continue;
    updated++;
    touched.push(person.id);
    if (fieldsChanged) {
      await tx.user.update({
        select: { id: true },
        where: { id: person.id },
        data: {
          ...nameFields(row.fullName),
          employeeCode: row.employeeCode,
          jobTitle: row.jobTitle,
          staffCategory: row.staffCategory,
        },
      });
    }
    if (unitChanged) await moveToUnit(tx, { userId: person.id, unitId, day, current });
  }
  // New people and moved ones come under (or out of) training rules at once.
  await syncAssignments({ db: tx, userIds: touched, day });
  return { created: newPeople.length, updated, unchanged: rows.length - newPeople.length - updated };
}
