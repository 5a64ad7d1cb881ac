import { cp, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { seedCompetencies } from "~/models/competency.server";
import { getVersionContent, listCourseVersions } from "~/models/course-version.server";
import { findCourseBySlug, getCourseDraft, saveItem } from "~/models/course.server";
import { diffCourseContent, itemsInOrder } from "~/utils/course-content";
import { prisma } from "~/utils/db.server";
import { parseGift } from "~/utils/gift";
import { importContent } from "../../prisma/content";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { exportCourse, importCourses } from "./content-import.server";

const contentDir = path.resolve("content");
const PNG_1x1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

/** Every row of every table courses touch, as text: "unchanged" means this is equal. */
async function courseTables() {
  const tables = ["competency_area", "competence", "course", "course_trainer", "course_competence", "course_prerequisite", "course_module", "course_item", "course_version", "lesson_html", "media_asset"];
  const dump: Record<string, unknown> = {};
  for (const table of tables) {
    dump[table] = await prisma.$queryRawUnsafe(`SELECT to_jsonb(t)::text AS row FROM "${table}" t ORDER BY 1`);
  }
  return dump;
}

beforeAll(async () => {
  await makeUnits();
  await makePerson({ email: "giangvien@lamdong.test", role: "TRAINER" });
});

describe("the courses in content/", () => {
  test("import: the four courses, each published, 3–6 lessons and a final quiz of 8–15 questions", async () => {
    const outcomes = await importContent({ contentDir, log: () => {} });
    expect(outcomes.map((outcome) => outcome.result)).toEqual(["created", "created", "created", "created"]);
    const slugs = outcomes.map((outcome) => outcome.slug).sort();
    expect(slugs).toEqual(["an-toan-thong-tin-cho-can-bo", "chu-ky-so-va-van-ban-dien-tu", "chuyen-doi-so-nhan-thuc-chung", "dich-vu-cong-truc-tuyen-va-vneid"]);
    for (const slug of slugs) {
      const course = await findCourseBySlug({ slug });
      const version = await getVersionContent({ courseId: course!.id, number: 1 });
      const items = itemsInOrder(version!.content);
      const lessons = items.filter((item) => item.kind === "LESSON");
      expect(lessons.length, slug).toBeGreaterThanOrEqual(3);
      expect(lessons.length, slug).toBeLessThanOrEqual(6);
      const quiz = items.at(-1)!;
      expect(quiz.kind, slug).toBe("QUIZ");
      const parsed = parseGift(quiz.body);
      expect(parsed.ok, slug).toBe(true);
      expect(parsed.questions.length, slug).toBeGreaterThanOrEqual(8);
      expect(parsed.questions.length, slug).toBeLessThanOrEqual(15);
      for (const lesson of lessons) expect(lesson.body.length, `${slug}/${lesson.key}`).toBeGreaterThan(1500);
    }
    // Prerequisites were imported first and linked.
    const signatures = await findCourseBySlug({ slug: "chu-ky-so-va-van-ban-dien-tu" });
    const draft = await getCourseDraft({ courseId: signatures!.id });
    expect(draft!.prerequisites.map((row) => row.requiredCourse.slug)).toEqual(["an-toan-thong-tin-cho-can-bo"]);
    expect(draft!.trainers.map((row) => row.user.email)).toEqual(["giangvien@lamdong.test"]);
  });

  test("importing the same files again changes nothing in the database", async () => {
    const before = await courseTables();
    const outcomes = await importContent({ contentDir, log: () => {} });
    expect(outcomes.every((outcome) => outcome.result === "unchanged")).toBe(true);
    expect(await courseTables()).toEqual(before);
  });

  test("the competency framework is seeded once; an admin's renaming survives a re-import", async () => {
    expect(await prisma.competencyArea.count()).toBe(5);
    expect(await prisma.competence.count()).toBe(21);
    await prisma.competence.update({ where: { code: "4.2" }, data: { name: "Bảo vệ dữ liệu cá nhân" } });
    expect(await seedCompetencies([{ code: "4", name: "x", nameEn: "x", competences: [{ code: "4.2", name: "y", nameEn: "y" }] }])).toBe(0);
    expect((await prisma.competence.findUniqueOrThrow({ where: { code: "4.2" } })).name).toBe("Bảo vệ dữ liệu cá nhân");
  });
});

describe("a course folder that changes", () => {
  let root = "";
  const slug = "chuyen-doi-so-nhan-thuc-chung";
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "hoc-so-content-"));
    await cp(path.join(contentDir, "courses", slug), path.join(root, slug), { recursive: true });
  });

  test("a changed lesson file publishes a new version; the history shows what changed", async () => {
    const lessonFile = path.join(root, slug, "ba-tru-cot.md");
    await writeFile(lessonFile, (await readFile(lessonFile, "utf8")) + "\nMột đoạn mới về xã hội số.\n");
    const [outcome] = await importCourses({ root });
    expect(outcome).toMatchObject({ slug, result: "published", detail: "version 2" });
    const course = await findCourseBySlug({ slug });
    const versions = await listCourseVersions({ courseId: course!.id });
    expect(versions.map((version) => version.number)).toEqual([2, 1]);
    const [one, two] = await Promise.all([1, 2].map((number) => getVersionContent({ courseId: course!.id, number })));
    const changes = diffCourseContent(one!.content, two!.content);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: "itemChanged", title: "Ba trụ cột: chính quyền số, kinh tế số, xã hội số", fields: [] });
    const body = changes[0]!.kind === "itemChanged" ? changes[0]!.body! : [];
    expect(body.filter((line) => line.op === "removed")).toEqual([]);
    expect(body.filter((line) => line.op === "added").map((line) => line.text)).toContain("Một đoạn mới về xã hội số.");
  });

  test("a published version cannot be changed or deleted, even by SQL", async () => {
    await expect(prisma.$executeRaw`UPDATE course_version SET title = 'x'`).rejects.toThrow(/immutable/);
    await expect(prisma.$executeRaw`DELETE FROM course_version`).rejects.toThrow(/immutable/);
  });

  test("unpublished studio work is never overwritten by an import, unless forced", async () => {
    const course = await findCourseBySlug({ slug });
    const draft = await getCourseDraft({ courseId: course!.id });
    const item = draft!.modules[0]!.items[0]!;
    await saveItem({ courseId: course!.id, itemId: item.id, revision: item.revision, title: item.title, minutes: item.minutes, body: "Bản nháp của giảng viên.\n", passPercent: null });
    const lessonFile = path.join(root, slug, "ba-tru-cot.md");
    await writeFile(lessonFile, (await readFile(lessonFile, "utf8")) + "\nThêm một dòng nữa.\n");

    const [skipped] = await importCourses({ root });
    expect(skipped!.result).toBe("skipped");
    expect((await prisma.courseItem.findUniqueOrThrow({ where: { id: item.id } })).body).toBe("Bản nháp của giảng viên.\n");

    const [forced] = await importCourses({ root, force: true });
    expect(forced).toMatchObject({ result: "published", detail: "version 3" });
    const after = await prisma.courseItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(after.body).not.toBe("Bản nháp của giảng viên.\n");
    expect(after.id).toBe(item.id);
  });

  test("export writes the course back out; importing the export publishes nothing new", async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), "hoc-so-export-"));
    await exportCourse({ slug, root: out });
    expect((await readdir(path.join(out, slug))).sort()).toContain("course.md");
    // Same content, so the same source hash: nothing to do at all.
    const [again] = await importCourses({ root: out });
    expect(again!.result).toBe("unchanged");
    const course = await findCourseBySlug({ slug });
    expect((await listCourseVersions({ courseId: course!.id }))[0]!.number).toBe(3);
  });
});

describe("images in course files", () => {
  test("are stored once, addressed by /media/<id>, sized, and exported back", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "hoc-so-images-"));
    const folder = path.join(root, "khoa-co-anh");
    await cp(path.join(contentDir, "courses", "chuyen-doi-so-nhan-thuc-chung"), folder, { recursive: true });
    await writeFile(path.join(folder, "course.md"), (await readFile(path.join(folder, "course.md"), "utf8")).replace("prerequisites: []", "prerequisites: []\ncover: images/bia.png"));
    const lesson = path.join(folder, "ba-tru-cot.md");
    await writeFile(lesson, (await readFile(lesson, "utf8")) + "\n![Sơ đồ ba trụ cột](images/so-do.png)\n\n![Bìa](images/bia.png)\n");
    await cp(path.join(contentDir, "README.md"), path.join(folder, "README-not-listed.md"));
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path.join(folder, "images"));
    await writeFile(path.join(folder, "images", "so-do.png"), PNG_1x1);
    await writeFile(path.join(folder, "images", "bia.png"), PNG_1x1);

    const [outcome] = await importCourses({ root });
    expect(outcome!.result).toBe("created");
    const assets = await prisma.mediaAsset.findMany({ select: { id: true, width: true, height: true, contentType: true } });
    expect(assets).toHaveLength(1);
    expect(assets[0]).toMatchObject({ width: 1, height: 1, contentType: "image/png" });
    const course = await findCourseBySlug({ slug: "khoa-co-anh" });
    const draft = await getCourseDraft({ courseId: course!.id });
    const body = draft!.modules.flatMap((module) => module.items).find((item) => item.key === "ba-tru-cot")!.body;
    expect(body).toContain(`![Sơ đồ ba trụ cột](/media/${assets[0]!.id}.png)`);
    expect(draft!.coverImage?.id).toBe(assets[0]!.id);

    const out = await mkdtemp(path.join(os.tmpdir(), "hoc-so-export-"));
    await exportCourse({ slug: "khoa-co-anh", root: out });
    expect(await readFile(path.join(out, "khoa-co-anh", "images", `${assets[0]!.id}.png`))).toEqual(PNG_1x1);
  });
});

describe("content files that are wrong", () => {
  async function folderWith(change: (folder: string) => Promise<void>) {
    const root = await mkdtemp(path.join(os.tmpdir(), "hoc-so-bad-"));
    const folder = path.join(root, "khoa-loi");
    await cp(path.join(contentDir, "courses", "chuyen-doi-so-nhan-thuc-chung"), folder, { recursive: true });
    await change(folder);
    return root;
  }
  const courseFile = (folder: string) => path.join(folder, "course.md");

  test("an unknown prerequisite or competence is named, and nothing is written", async () => {
    const root = await folderWith(async (folder) => {
      const text = await readFile(courseFile(folder), "utf8");
      await writeFile(courseFile(folder), text.replace("prerequisites: []", 'prerequisites: ["khong-co"]').replace('competencies: ["', 'competencies: ["9.9", "'));
    });
    await expect(importCourses({ root })).rejects.toThrow(/unknown competence "9\.9".*unknown prerequisite course "khong-co"/);
    expect(await findCourseBySlug({ slug: "khoa-loi" })).toBeNull();
  });

  test("a symbolic link in a course folder is refused", async () => {
    const { symlink } = await import("node:fs/promises");
    const root = await folderWith(async (folder) => {
      await writeFile(path.join(folder, "ba-tru-cot.md"), "");
      const { rm } = await import("node:fs/promises");
      await rm(path.join(folder, "ba-tru-cot.md"));
      await symlink("/etc/hostname", path.join(folder, "ba-tru-cot.md"));
    });
    await expect(importCourses({ root })).rejects.toThrow(/symbolic links are refused/);
  });

  test("a quiz with a format error names the line", async () => {
    const root = await folderWith(async (folder) => {
      await writeFile(path.join(folder, "kiem-tra-cuoi-khoa.gift"), "::Câu 1::Câu hỏi không có đáp án đúng {\n~A\n~B\n}\n");
    });
    await expect(importCourses({ root })).rejects.toThrow(/kiem-tra-cuoi-khoa\.gift: line 1: noCorrectAnswer/);
  });
});
