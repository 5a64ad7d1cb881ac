import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { queryRows } from "~/utils/sql.server";

// Competency areas and competences (DigComp 2.2, see content/competencies.yml):
// tags for courses and questions, and a catalogue filter.

export type CompetencyAreaInput = {
  code: string;
  name: string;
  nameEn: string;
  competences: { code: string; name: string; nameEn: string }[];
};

/**
 * Adds the areas and competences that are missing. Existing ones keep the
 * names an administrator may have edited: the file only seeds.
 */
export async function seedCompetencies(areas: CompetencyAreaInput[]) {
  let added = 0;
  for (const [areaIndex, area] of areas.entries()) {
    const existing = await prisma.competencyArea.findUnique({ select: { id: true }, where: { code: area.code } });
    const row =
      existing ??
      (await prisma.competencyArea.create({
        select: { id: true },
        data: { code: area.code, name: area.name, nameEn: area.nameEn, position: areaIndex + 1 },
      }));
    if (!existing) added++;
    for (const [index, competence] of area.competences.entries()) {
      const created = await prisma.competence.createMany({
        data: [{ areaId: row.id, code: competence.code, name: competence.name, nameEn: competence.nameEn, position: index + 1 }],
        skipDuplicates: true,
      });
      added += created.count;
    }
  }
  return added;
}

type CompetenceRow = { id: string; code: string; name: string; nameEn: string; archivedAt: string | null };

/**
 * Every area with its competences, in framework order. One statement (the
 * catalogue shows it on every visit): the competences come as JSON, with
 * their archive times turned back into dates.
 */
export async function listCompetencyAreas({ includeArchived = false }: { includeArchived?: boolean } = {}) {
  const rows = await queryRows<{ id: string; code: string; name: string; nameEn: string; archivedAt: Date | null; competences: CompetenceRow[] }>(Prisma.sql`
    SELECT a.id::text, a.code, a.name, a.name_en AS "nameEn", a.archived_at AS "archivedAt",
           COALESCE((SELECT json_agg(json_build_object('id', c.id, 'code', c.code, 'name', c.name, 'nameEn', c.name_en, 'archivedAt', c.archived_at) ORDER BY c.position)
                       FROM competence c WHERE c.area_id = a.id AND (${includeArchived} OR c.archived_at IS NULL)), '[]'::json) AS competences
      FROM competency_area a
     WHERE ${includeArchived} OR a.archived_at IS NULL
     ORDER BY a.position`);
  return rows.map((area) => ({
    ...area,
    competences: area.competences.map((competence) => ({ ...competence, archivedAt: competence.archivedAt === null ? null : new Date(competence.archivedAt) })),
  }));
}

/** The areas a report can be filtered by: id, code and name only. */
export async function listCompetencyAreaChoices() {
  return prisma.competencyArea.findMany({ select: { id: true, code: true, name: true }, where: { archivedAt: null }, orderBy: { position: "asc" } });
}

/** Renames or archives a competence: its code, or null when there is no such competence. */
export async function updateCompetence({ id, name, nameEn, archived }: { id: string; name: string; nameEn: string; archived: boolean }) {
  const updated = await prisma.competence.updateManyAndReturn({
    select: { code: true },
    where: { id },
    data: { name, nameEn, archivedAt: archived ? new Date() : null },
  });
  return updated[0]?.code ?? null;
}

export async function updateCompetencyArea({ id, name, nameEn }: { id: string; name: string; nameEn: string }) {
  const updated = await prisma.competencyArea.updateManyAndReturn({ select: { code: true }, where: { id }, data: { name, nameEn } });
  return updated[0]?.code ?? null;
}

/** Which of these competence codes exist. */
export async function findCompetenceCodes(codes: string[]) {
  const rows = await prisma.competence.findMany({ select: { code: true }, where: { code: { in: codes } } });
  return new Set(rows.map((row) => row.code));
}
