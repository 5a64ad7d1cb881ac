import { lstat, readdir, readFile as readAnyFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { storeImage } from "~/models/media.server";
import { mediaUrl } from "~/utils/media-url";
import { parseGift } from "~/utils/gift";
import { quizSettingsSchema, storedQuizSettings } from "~/utils/quiz-settings";
import { KEY_PATTERN, SLUG_PATTERN, type CourseContent } from "~/utils/course-content";
import { keyFromTitle } from "~/models/course.server";

// Reads a course kept as files (content/courses/<slug>/, format in
// content/README.md) into course content. Images the lessons use are stored
// in the media store on the way, and their addresses rewritten.

export class ContentFileError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = "ContentFileError";
  }
}

const LEVEL_NAMES = { basic: "BASIC", intermediate: "INTERMEDIATE", advanced: "ADVANCED" } as const;

// File names are the items' permanent keys: the same rule as keys made in
// the studio; "course" is the course file itself.
const fileName = (extension: string) =>
  z
    .string()
    .regex(new RegExp(`^[a-z0-9]+(-[a-z0-9]+)*\\.${extension}$`), `a lowercase-hyphenated name ending in .${extension}`)
    .refine((name) => !name.startsWith("course."), "course is reserved for course.md");

const itemEntry = z.union([
  z.object({ lesson: fileName("md") }).strict(),
  z
    .object({
      quiz: fileName("gift"),
      title: z.string().min(1).max(200),
      passPercent: z.number().int().min(1).max(100).default(80),
      minutes: z.number().int().min(1).max(600).default(15),
      /** How the quiz runs (app/utils/quiz-settings.ts): time limit, attempts, draws, review… */
      settings: quizSettingsSchema.optional(),
    })
    .strict(),
]);

const courseFile = z
  .object({
    title: z.string().min(1).max(200),
    summary: z.string().min(1).max(300),
    level: z.enum(["basic", "intermediate", "advanced"]),
    estimatedMinutes: z.number().int().min(1).max(10000),
    sequential: z.boolean().default(false),
    cover: z.string().optional(),
    competencies: z.array(z.string()).default([]),
    prerequisites: z.array(z.string().regex(SLUG_PATTERN)).default([]),
    trainers: z.array(z.email()).default([]),
    changeNote: z.string().max(1000).optional(),
    modules: z
      .array(z.object({ title: z.string().min(1).max(200), key: z.string().regex(KEY_PATTERN).optional(), items: z.array(itemEntry).min(1) }).strict())
      .min(1),
  })
  .strict();

const lessonFile = z.object({ title: z.string().min(1).max(200), minutes: z.number().int().min(1).max(600) }).strict();

/**
 * Reads a file of the course folder. Symbolic links are refused: a link in
 * content/ must not publish some other file of the server as a lesson.
 */
async function readBytes(file: string) {
  const info = await lstat(file);
  if (!info.isFile()) throw new ContentFileError(file, "not a regular file (symbolic links are refused)");
  return readAnyFile(file);
}

async function readText(file: string) {
  return (await readBytes(file)).toString("utf8");
}

/** Splits "---\nyaml\n---\nbody" into its two parts. */
export function splitFrontMatter(source: string, file: string): { data: unknown; body: string } {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new ContentFileError(file, "must start with front matter between two --- lines");
  try {
    return { data: parseYaml(match[1]!), body: match[2]!.replace(/^\n+/, "").replace(/\s+$/, "") + "\n" };
  } catch (error) {
    throw new ContentFileError(file, `front matter is not valid YAML: ${(error as Error).message}`);
  }
}

function check<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(top)"}: ${issue.message}`);
  throw new ContentFileError(file, problems.join("; "));
}

export type CourseFolder = {
  content: CourseContent;
  trainerEmails: string[];
  changeNote: string | undefined;
};

/** Reads content/courses/<slug>/ into course content. */
export async function readCourseFolder(folder: string, options: { uploadedById?: string | null } = {}): Promise<CourseFolder> {
  const slug = path.basename(folder);
  if (!SLUG_PATTERN.test(slug)) throw new ContentFileError(folder, "folder name must be lowercase letters, digits and hyphens");
  const courseFilePath = path.join(folder, "course.md");
  const { data, body: description } = splitFrontMatter(await readText(courseFilePath), courseFilePath);
  const course = check(courseFile, data, courseFilePath);

  const images = new Map<string, { id: string; width: number; height: number; url: string }>();
  const resolveImage = async (relative: string, from: string) => {
    const file = path.resolve(folder, relative);
    if (!file.startsWith(path.resolve(folder) + path.sep)) throw new ContentFileError(from, `image outside the course folder: ${relative}`);
    let image = images.get(file);
    if (!image) {
      const bytes = await readBytes(file).catch((error: unknown) => {
        if (error instanceof ContentFileError) throw error;
        throw new ContentFileError(from, `image not found: ${relative}`);
      });
      const asset = await storeImage({ bytes, originalName: path.basename(file), uploadedById: options.uploadedById ?? null }).catch((error: Error) => {
        throw new ContentFileError(from, `${relative}: ${error.message}`);
      });
      image = { id: asset.id, width: asset.width, height: asset.height, url: mediaUrl(asset) };
      images.set(file, image);
    }
    return image;
  };
  // ![alt](images/x.png) → ![alt](/media/<id>.png): relative image addresses only.
  const withStoredImages = async (markdown: string, from: string) => {
    let result = "";
    let last = 0;
    for (const match of markdown.matchAll(/(!\[[^\]]*\]\()(?!https?:|\/|#)([^)\s]+)(\s+"[^"]*")?\)/g)) {
      result += markdown.slice(last, match.index) + match[1] + (await resolveImage(match[2]!, from)).url + (match[3] ?? "") + ")";
      last = match.index + match[0].length;
    }
    return result + markdown.slice(last);
  };

  const keys = new Set<string>();
  const modules: CourseContent["modules"] = [];
  for (const module of course.modules) {
    const moduleKey = module.key ?? keyFromTitle(module.title);
    if (modules.some((other) => other.key === moduleKey)) throw new ContentFileError(courseFilePath, `two modules with the key "${moduleKey}": give one a key`);
    const items: CourseContent["modules"][number]["items"] = [];
    for (const entry of module.items) {
      const fileName = "lesson" in entry ? entry.lesson : entry.quiz;
      const key = fileName.replace(/\.(md|gift)$/, "");
      if (keys.has(key)) throw new ContentFileError(courseFilePath, `${fileName} is listed twice`);
      keys.add(key);
      const file = path.join(folder, fileName);
      const source = await readText(file).catch((error: unknown) => {
        if (error instanceof ContentFileError) throw error;
        throw new ContentFileError(courseFilePath, `${fileName} is listed but does not exist`);
      });
      if ("lesson" in entry) {
        const lesson = splitFrontMatter(source, file);
        const meta = check(lessonFile, lesson.data, file);
        items.push({ key, kind: "LESSON", title: meta.title, minutes: meta.minutes, body: await withStoredImages(lesson.body, file), passPercent: null });
      } else {
        const body = source.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n").replace(/\s+$/, "") + "\n";
        const quiz = parseGift(body);
        if (!quiz.ok) {
          throw new ContentFileError(file, quiz.errors.map((error) => `line ${error.line}: ${error.code}${error.title ? ` (${error.title})` : ""}`).join("; "));
        }
        const settings = entry.settings ? storedQuizSettings(entry.settings) : null;
        items.push({ key, kind: "QUIZ", title: entry.title, minutes: entry.minutes, body, passPercent: entry.passPercent, ...(settings ? { quiz: settings } : {}) });
      }
    }
    modules.push({ key: moduleKey, title: module.title, items });
  }

  const cover = course.cover ? await resolveImage(course.cover, courseFilePath) : null;
  return {
    content: {
      slug,
      title: course.title,
      summary: course.summary,
      description: await withStoredImages(description, courseFilePath),
      level: LEVEL_NAMES[course.level],
      estimatedMinutes: course.estimatedMinutes,
      ...(course.sequential ? { sequential: true as const } : {}),
      coverImage: cover,
      competences: [...course.competencies].sort(),
      prerequisites: [...course.prerequisites].sort(),
      modules,
    },
    trainerEmails: course.trainers.map((email) => email.toLowerCase()),
    changeNote: course.changeNote,
  };
}

/** Every course folder under content/courses, prerequisites first. */
export async function listCourseFolders(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => path.join(root, entry.name))
    .sort();
}
