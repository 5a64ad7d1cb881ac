import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

// A person's unit over time (unit_membership). One rule, used by every
// write that changes someone's unit: the open membership ends on `day` and
// a new one starts there, so reports on past periods still count the person
// where they were; a second move on the same day corrects that day's
// membership instead (a membership cannot end the day it starts).

type Current = { id: string; unitId: string; validFrom: Date } | null | undefined;

/**
 * Puts the person in `unitId` from `day`. `current` is their open membership
 * when the caller has already read it; otherwise it is looked up.
 */
export async function moveToUnit(
  tx: Prisma.TransactionClient,
  input: { userId: string; unitId: string; day: Date; current?: Current },
) {
  const current =
    input.current !== undefined
      ? input.current
      : await tx.unitMembership.findFirst({
          select: { id: true, unitId: true, validFrom: true },
          where: { userId: input.userId, validTo: null },
        });
  if (current?.unitId === input.unitId) return;
  if (current && current.validFrom.getTime() >= input.day.getTime()) {
    await tx.unitMembership.update({ select: { id: true }, where: { id: current.id }, data: { unitId: input.unitId } });
    return;
  }
  if (current) await tx.unitMembership.update({ select: { id: true }, where: { id: current.id }, data: { validTo: input.day } });
  await tx.unitMembership.create({ select: { id: true }, data: { userId: input.userId, unitId: input.unitId, validFrom: input.day } });
}

/** The unit a person belongs to today, or null. */
export async function getCurrentUnitId({ userId }: { userId: string }) {
  const row = await prisma.unitMembership.findFirst({ select: { unitId: true }, where: { userId, validTo: null } });
  return row?.unitId ?? null;
}
