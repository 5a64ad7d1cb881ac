import { beforeAll, describe, expect, test } from "vitest";
import { createCourse } from "~/models/course.server";
import { prisma } from "~/utils/db.server";
import { makePerson, makeUnits, sessionCookieFor } from "../../tests/helpers/people";
import { action as outlineAction, loader as courseLoader } from "../routes/studio.$courseId._index/route";
import { action as autosave } from "../routes/studio.$courseId.items.$itemId.autosave";
import { loader as editorLoader } from "../routes/studio.$courseId.items.$itemId/route";
import { statusOf } from "../../tests/helpers/status";

// Trainers edit only the courses they are assigned to; admins edit all.
// Checked through the real loaders and actions, with real sessions.

let mine = "";
let theirs = "";
let theirItem = "";
const cookies: Record<string, string> = {};

beforeAll(async () => {
  await makeUnits();
  const trainer = await makePerson({ email: "gv1@example.test", role: "TRAINER" });
  const other = await makePerson({ email: "gv2@example.test", role: "TRAINER" });
  const admin = await makePerson({ email: "qt@example.test", role: "ADMIN" });
  const learner = await makePerson({ email: "hv@example.test" });
  cookies.trainer = await sessionCookieFor(trainer.id, "TRAINER");
  cookies.admin = await sessionCookieFor(admin.id, "ADMIN");
  cookies.learner = await sessionCookieFor(learner.id, "LEARNER");
  const settings = { summary: "Tóm tắt", description: "", level: "BASIC" as const, estimatedMinutes: 30, competenceCodes: [], prerequisiteSlugs: [] };
  mine = (await createCourse({ ...settings, slug: "cua-toi", title: "Của tôi", trainerId: trainer.id })).id;
  theirs = (await createCourse({ ...settings, slug: "cua-nguoi-khac", title: "Của người khác", trainerId: other.id })).id;
  const module = await prisma.courseModule.create({ data: { courseId: theirs, key: "phan-1", title: "Phần 1", position: 1 } });
  theirItem = (await prisma.courseItem.create({ data: { courseId: theirs, moduleId: module.id, key: "bai-1", kind: "LESSON", title: "Bài 1", position: 1, body: "Gốc" } })).id;
});

const get = (path: string, who: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookies[who]! } });
const post = (path: string, who: string, fields: Record<string, string>) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { Cookie: cookies[who]!, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
const status = statusOf;

describe("the studio's course pages", () => {
  test("a trainer opens their own course, not another trainer's; an admin opens both; a learner neither", async () => {
    expect(await status(() => courseLoader({ request: get(`/studio/${mine}`, "trainer"), params: { courseId: mine }, context: {} }))).toBe(200);
    expect(await status(() => courseLoader({ request: get(`/studio/${theirs}`, "trainer"), params: { courseId: theirs }, context: {} }))).toBe(403);
    expect(await status(() => courseLoader({ request: get(`/studio/${theirs}`, "admin"), params: { courseId: theirs }, context: {} }))).toBe(200);
    expect(await status(() => courseLoader({ request: get(`/studio/${mine}`, "learner"), params: { courseId: mine }, context: {} }))).toBe(403);
  });

  test("an item of another course cannot be edited through one's own course", async () => {
    const params = { courseId: mine, itemId: theirItem };
    expect(await status(() => editorLoader({ request: get(`/studio/${mine}/items/${theirItem}`, "trainer"), params, context: {} }))).toBe(404);
    const save = { title: "Chiếm", minutes: "5", body: "Bị sửa", revision: "1" };
    expect(await status(() => autosave({ request: post(`/studio/${mine}/items/${theirItem}/autosave`, "trainer", save), params, context: {} }))).toBe(404);
    expect(await status(() => outlineAction({ request: post(`/studio/${mine}`, "trainer", { intent: "deleteItem", itemId: theirItem }), params: { courseId: mine }, context: {} }))).toBe(404);
    expect(await status(() => outlineAction({ request: post(`/studio/${mine}`, "trainer", { intent: "moveItem", itemId: theirItem, direction: "down" }), params: { courseId: mine }, context: {} }))).toBe(404);
    const item = await prisma.courseItem.findUniqueOrThrow({ where: { id: theirItem } });
    expect(item).toMatchObject({ title: "Bài 1", body: "Gốc", courseId: theirs, revision: 1, position: 1 });
  });

  test("bad outline input is a 400 that changes nothing", async () => {
    const before = await prisma.courseModule.count({ where: { courseId: mine } });
    const bad: Record<string, string>[] = [{ intent: "addModule", title: "" }, { intent: "moveItem", itemId: "not-a-uuid", direction: "up" }, { intent: "nonsense" }, { intent: "addItem", moduleId: theirItem, kind: "VIDEO", title: "x" }];
    for (const fields of bad) {
      expect(await status(() => outlineAction({ request: post(`/studio/${mine}`, "trainer", fields), params: { courseId: mine }, context: {} })), JSON.stringify(fields)).toBe(400);
    }
    expect(await prisma.courseModule.count({ where: { courseId: mine } })).toBe(before);
  });
});

test("a quiz saved without its pass mark is a 400 naming the field; a lesson never gets one", async () => {
  const module = await prisma.courseModule.create({ data: { courseId: mine, key: "phan-kt", title: "Kiểm tra", position: 2 } });
  const quiz = await prisma.courseItem.create({ data: { courseId: mine, moduleId: module.id, key: "kt", kind: "QUIZ", title: "KT", position: 1, passPercent: 80 } });
  const lesson = await prisma.courseItem.create({ data: { courseId: mine, moduleId: module.id, key: "bai", kind: "LESSON", title: "Bài", position: 2 } });
  const save = (itemId: string, passPercent: string) =>
    autosave({
      request: post(`/studio/${mine}/items/${itemId}/autosave`, "trainer", { title: "T", minutes: "5", body: "x", revision: "1", passPercent }),
      params: { courseId: mine, itemId },
      context: {},
    });
  const refused = await save(quiz.id, "");
  expect(refused.status).toBe(400);
  expect(await refused.json()).toEqual({ errors: { passPercent: "validation.item.passPercent" } });
  expect((await prisma.courseItem.findUniqueOrThrow({ where: { id: quiz.id } })).passPercent).toBe(80);
  expect((await save(lesson.id, "70")).status).toBe(200);
  expect((await prisma.courseItem.findUniqueOrThrow({ where: { id: lesson.id } })).passPercent).toBeNull();
});
