import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { seedCompetencies } from "~/models/competency.server";
import { importBanks } from "~/services/bank-import.server";
import { importCourses } from "~/services/content-import.server";
import { storeMissingLessonHtml } from "~/services/lesson-html.server";

// content/ into the database: the competency framework, the shared question
// banks, then the courses.
// Used by `npm run content:import` and by the demo seed.

const competencyFile = z.object({
  areas: z.array(
    z.object({
      code: z.string().min(1).max(16),
      name: z.string().min(1).max(200),
      nameEn: z.string().min(1).max(200),
      competences: z.array(z.object({ code: z.string().min(1).max(16), name: z.string().min(1).max(200), nameEn: z.string().min(1).max(200) })),
    }),
  ),
});

export async function importContent({ contentDir, force = false, log }: { contentDir: string; force?: boolean; log: (message: string) => void }) {
  const framework = competencyFile.parse(parseYaml(await readFile(path.join(contentDir, "competencies.yml"), "utf8")));
  const added = await seedCompetencies(framework.areas);
  if (added) log(`content: ${added} competency areas and competences added`);
  // Banks first: courses' quizzes draw from them.
  await importBanks({ root: path.join(contentDir, "banks"), force, log });
  const outcomes = await importCourses({ root: path.join(contentDir, "courses"), force, log });
  // Courses published before lesson HTML was stored, or by an older renderer,
  // unchanged here: their stored HTML brought up to date now rather than at
  // their first learners' views (docs/decisions/030-stored-lesson-html.md).
  const rendered = await storeMissingLessonHtml();
  if (rendered) log(`content: lesson HTML stored for ${rendered} published versions`);
  return outcomes;
}
