import { createHash } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Document, isSeq } from "yaml";
import { contentHash, getVersionContent } from "~/models/course-version.server";
import { findCompetenceCodes } from "~/models/competency.server";
import { draftContent, findCourseBySlug, findCourseSlugs, getCourseDraft, writeDraftContent } from "~/models/course.server";
import { getMediaAsset } from "~/models/media.server";
import { findActiveUsersByEmail } from "~/models/user.server";
import { canonicalJson, type CourseContent } from "~/utils/course-content";
import { mediaStore } from "~/utils/media-store.server";
import { ContentFileError, listCourseFolders, readCourseFolder, type CourseFolder } from "./content-files.server";
import { publishCourse } from "./course-publish.server";

// `npm run content:import` / `content:export`: courses kept as files in
// content/courses, in and out of the database. Importing is idempotent: a
// folder whose files have not changed since the last import is skipped (so
// it never overwrites anything), and a changed one publishes a new version.

export type ImportOutcome = { slug: string; result: "created" | "published" | "unchanged" | "skipped"; detail?: string };

function sourceHashOf(folder: CourseFolder) {
  return createHash("sha256")
    .update(canonicalJson(folder.content))
    .update("\0" + [...folder.trainerEmails].sort().join(","))
    .digest("hex");
}

/** Prerequisites first, so each course's prerequisites exist when it is written. */
function inDependencyOrder(folders: CourseFolder[]): CourseFolder[] {
  const bySlug = new Map(folders.map((folder) => [folder.content.slug, folder]));
  const ordered: CourseFolder[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (folder: CourseFolder, trail: string[]) => {
    const slug = folder.content.slug;
    if (state.get(slug) === "done") return;
    if (state.get(slug) === "visiting") throw new ContentFileError(slug, `prerequisites form a loop: ${[...trail, slug].join(" → ")}`);
    state.set(slug, "visiting");
    for (const required of folder.content.prerequisites) {
      const other = bySlug.get(required);
      if (other) visit(other, [...trail, slug]);
    }
    state.set(slug, "done");
    ordered.push(folder);
  };
  for (const folder of folders) visit(folder, []);
  return ordered;
}

export async function importCourses({
  root,
  force = false,
  log = () => {},
}: {
  root: string;
  force?: boolean;
  log?: (message: string) => void;
}): Promise<ImportOutcome[]> {
  const folders: CourseFolder[] = [];
  for (const folder of await listCourseFolders(root)) folders.push(await readCourseFolder(folder));
  const outcomes: ImportOutcome[] = [];
  for (const folder of inDependencyOrder(folders)) {
    const outcome = await importOne(folder, force);
    log(`content: ${outcome.slug} ${outcome.result}${outcome.detail ? ` (${outcome.detail})` : ""}`);
    outcomes.push(outcome);
  }
  return outcomes;
}

async function importOne(folder: CourseFolder, force: boolean): Promise<ImportOutcome> {
  const { slug } = folder.content;
  const sourceHash = sourceHashOf(folder);
  const existing = await findCourseBySlug({ slug });
  if (existing?.sourceHash === sourceHash) return { slug, result: "unchanged" };

  if (existing && !force) {
    // Work a trainer did in the studio and has not published would be lost.
    const draft = await getCourseDraft({ courseId: existing.id });
    const draftHash = draft ? contentHash(draftContent(draft)) : null;
    const unpublished = draft && draftHash !== draft.publishedVersion?.contentHash;
    if (unpublished && draftHash !== contentHash(folder.content)) {
      return { slug, result: "skipped", detail: "the studio draft has unpublished changes; publish or export them, or import with --force" };
    }
  }

  // Say which names are wrong, in the file's terms, before writing anything.
  const [codes, slugs] = await Promise.all([findCompetenceCodes(folder.content.competences), findCourseSlugs(folder.content.prerequisites)]);
  const unknown = [
    ...folder.content.competences.filter((code) => !codes.has(code)).map((code) => `unknown competence "${code}" (see content/competencies.yml)`),
    ...folder.content.prerequisites.filter((required) => !slugs.has(required)).map((required) => `unknown prerequisite course "${required}"`),
  ];
  if (unknown.length) throw new ContentFileError(`content/courses/${slug}/course.md`, unknown.join("; "));

  const trainers = await findActiveUsersByEmail(folder.trainerEmails);
  const courseId = await writeDraftContent({ content: folder.content, trainerIds: trainers.map((user) => user.id), sourceHash });
  const published = await publishCourse({
    courseId,
    content: folder.content,
    changeNote: folder.changeNote ?? `Cập nhật từ tệp content/courses/${slug}`,
    publishedById: null,
  });
  const missing = folder.trainerEmails.filter((email) => !trainers.some((user) => user.email === email));
  const detail = [published.created ? `version ${published.number}` : null, missing.length ? `no such trainer: ${missing.join(", ")}` : null]
    .filter(Boolean)
    .join("; ");
  return { slug, result: existing ? "published" : "created", detail: detail || undefined };
}

// ---------------------------------------------------------------------------
// Export: the studio draft (or a published version) back to files.

/**
 * Front matter written the way people write it by hand in content/: strings
 * in double quotes, lines never folded, short lists on one line.
 */
function toYaml(value: object): string {
  const document = new Document(value);
  for (const key of ["competencies", "prerequisites", "trainers"]) {
    const node = document.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  return document.toString({ lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", flowCollectionPadding: false });
}

const LEVEL_FILE_NAMES = { BASIC: "basic", INTERMEDIATE: "intermediate", ADVANCED: "advanced" } as const;

export async function exportCourse({ slug, root, version }: { slug: string; root: string; version?: number }) {
  const course = await findCourseBySlug({ slug });
  if (!course) throw new Error(`no course with the slug "${slug}"`);
  const draft = await getCourseDraft({ courseId: course.id });
  if (!draft) throw new Error(`no course with the slug "${slug}"`);
  const content: CourseContent = version
    ? ((await getVersionContent({ courseId: course.id, number: version }))?.content ?? fail(`course "${slug}" has no version ${version}`))
    : draftContent(draft);
  const folder = path.join(root, slug);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });

  // /media/<id>.<ext> → images/<id>.<ext>, copying the bytes out of the store.
  const exported = new Set<string>();
  const withLocalImages = async (markdown: string) => {
    let result = markdown;
    for (const match of markdown.matchAll(/\/media\/([0-9a-f-]{36})\.(png|jpg|webp|gif)/g)) {
      const file = `${match[1]}.${match[2]}`;
      if (!exported.has(file)) {
        await copyImage(match[1]!, path.join(folder, "images", file));
        exported.add(file);
      }
      result = result.replaceAll(match[0], `images/${file}`);
    }
    return result;
  };

  const modules = [];
  for (const module of content.modules) {
    const items = [];
    for (const item of module.items) {
      if (item.kind === "LESSON") {
        const front = toYaml({ title: item.title, minutes: item.minutes });
        await writeFile(path.join(folder, `${item.key}.md`), `---\n${front}---\n\n${await withLocalImages(item.body)}`);
        items.push({ lesson: `${item.key}.md` });
      } else {
        await writeFile(path.join(folder, `${item.key}.gift`), item.body);
        items.push({ quiz: `${item.key}.gift`, title: item.title, passPercent: item.passPercent ?? 80, minutes: item.minutes, ...(item.quiz ? { settings: item.quiz } : {}) });
      }
    }
    modules.push({ title: module.title, key: module.key, items });
  }
  const cover = content.coverImage ? await withLocalImages(content.coverImage.url) : undefined;
  const front = toYaml({
    title: content.title,
    summary: content.summary,
    level: LEVEL_FILE_NAMES[content.level],
    estimatedMinutes: content.estimatedMinutes,
    ...(content.sequential ? { sequential: true } : {}),
    ...(cover ? { cover } : {}),
    competencies: content.competences,
    prerequisites: content.prerequisites,
    trainers: draft.trainers.map((row) => row.user.email),
    modules,
  });
  await writeFile(path.join(folder, "course.md"), `---\n${front}---\n\n${await withLocalImages(content.description)}`);
  return folder;
}

async function copyImage(id: string, file: string) {
  const asset = await getMediaAsset({ id });
  const stored = asset && (await mediaStore.open(asset.storageKey));
  if (!stored) throw new Error(`image ${id} is missing from the media store`);
  const chunks: Buffer[] = [];
  for await (const chunk of stored.stream) chunks.push(chunk as Buffer);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, Buffer.concat(chunks));
}

function fail(message: string): never {
  throw new Error(message);
}
