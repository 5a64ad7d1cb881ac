import { describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { canonicalJson, diffCourseContent, diffLines, itemsInOrder, type CourseContent, type CourseContentItem, type LineChange } from "./course-content";

// ---------------------------------------------------------------------------
// Fixtures: small, valid courses. Every call builds fresh objects, so a test
// can change one version without touching the other.

type Module = CourseContent["modules"][number];

function lesson(key: string, overrides: Partial<CourseContentItem> = {}): CourseContentItem {
  return { key, kind: "LESSON", title: `Lesson ${key}`, minutes: 10, body: `# ${key}\n\nSome text.\nMore text.`, passPercent: null, ...overrides };
}

function quiz(key: string, overrides: Partial<CourseContentItem> = {}): CourseContentItem {
  return {
    key,
    kind: "QUIZ",
    title: `Quiz ${key}`,
    minutes: 5,
    body: `::Q1::Is 2FA safer? {T}\n\n::Q2::Pick one {=right ~wrong}`,
    passPercent: 80,
    ...overrides,
  };
}

function mod(key: string, title: string, items: CourseContentItem[]): Module {
  return { key, title, items };
}

/** Two modules: "passwords" (intro, strong, pw-quiz) and "phishing" (spot, report). */
function defaultModules(): Module[] {
  return [
    mod("passwords", "Passwords", [lesson("intro"), lesson("strong"), quiz("pw-quiz")]),
    mod("phishing", "Phishing", [lesson("spot"), lesson("report")]),
  ];
}

function course(overrides: Partial<CourseContent> = {}): CourseContent {
  return {
    slug: "digital-safety",
    title: "Digital safety",
    summary: "Stay safe online.",
    description: "A short course.\n\nWith two modules.",
    level: "BASIC",
    estimatedMinutes: 60,
    coverImage: null,
    competences: ["4.2", "1.1"],
    prerequisites: [],
    modules: defaultModules(),
    ...overrides,
  };
}

/** The module with this key, for changing a copy in place. */
function moduleOf(content: CourseContent, key: string): Module {
  const found = content.modules.find((module) => module.key === key);
  if (!found) throw new Error(`no module ${key}`);
  return found;
}

/** The item with this key, wherever it sits. */
function itemOf(content: CourseContent, key: string): CourseContentItem {
  for (const module of content.modules) {
    const found = module.items.find((item) => item.key === key);
    if (found) return found;
  }
  throw new Error(`no item ${key}`);
}

/** Puts a module's items in this order of keys (all of them, each once). */
function reorder(content: CourseContent, moduleKey: string, keys: string[]) {
  const module = moduleOf(content, moduleKey);
  expect([...keys].sort()).toEqual(module.items.map((item) => item.key).sort());
  module.items = keys.map((key) => module.items.find((item) => item.key === key)!);
}

/** Takes an item out of its module and puts it at `index` in another (or the same) module. */
function moveItem(content: CourseContent, key: string, toModule: string, index: number) {
  const item = itemOf(content, key);
  for (const module of content.modules) module.items = module.items.filter((other) => other.key !== key);
  moduleOf(content, toModule).items.splice(index, 0, item);
}

/** A course whose only module holds lessons with these keys, in this order. */
function flat(keys: string[]): CourseContent {
  return course({ modules: [mod("main", "Main", keys.map((key) => lesson(key)))] });
}

// ---------------------------------------------------------------------------

describe("itemsInOrder", () => {
  test("lists every item in course order with the module it sits in", () => {
    expect(itemsInOrder(course())).toEqual([
      { ...lesson("intro"), moduleKey: "passwords", moduleTitle: "Passwords" },
      { ...lesson("strong"), moduleKey: "passwords", moduleTitle: "Passwords" },
      { ...quiz("pw-quiz"), moduleKey: "passwords", moduleTitle: "Passwords" },
      { ...lesson("spot"), moduleKey: "phishing", moduleTitle: "Phishing" },
      { ...lesson("report"), moduleKey: "phishing", moduleTitle: "Phishing" },
    ]);
  });

  test("follows the order of modules, not of keys", () => {
    const content = course({ modules: [mod("z-last", "Z", [lesson("b")]), mod("a-first", "A", [lesson("a")])] });
    expect(itemsInOrder(content).map((item) => [item.moduleKey, item.key])).toEqual([
      ["z-last", "b"],
      ["a-first", "a"],
    ]);
  });

  test("skips empty modules and gives [] for a course without items", () => {
    expect(itemsInOrder(course({ modules: [] }))).toEqual([]);
    expect(itemsInOrder(course({ modules: [mod("empty", "Empty", [])] }))).toEqual([]);
    const content = course({ modules: [mod("empty", "Empty", []), mod("full", "Full", [quiz("q")])] });
    expect(itemsInOrder(content)).toEqual([{ ...quiz("q"), moduleKey: "full", moduleTitle: "Full" }]);
  });

  test("returns copies: the content's own items are left as they were", () => {
    const content = course();
    const items = itemsInOrder(content);
    items[0]!.title = "Changed";
    expect(content.modules[0]!.items[0]).toEqual(lesson("intro"));
    expect(content.modules[0]!.items[0]).not.toHaveProperty("moduleKey");
  });
});

// ---------------------------------------------------------------------------

describe("canonicalJson", () => {
  test("is identical for equal content built separately", () => {
    expect(canonicalJson(course())).toBe(canonicalJson(course()));
  });

  test("does not depend on the order of keys in the objects", () => {
    const ordered = course({ coverImage: { id: "img-1", width: 800, height: 600, url: "/media/img-1.png" } });
    const reversed = Object.fromEntries(Object.entries(structuredClone(ordered)).reverse()) as CourseContent;
    reversed.coverImage = { url: "/media/img-1.png", height: 600, width: 800, id: "img-1" };
    reversed.modules = reversed.modules.map((module) => ({
      items: module.items.map((item) => Object.fromEntries(Object.entries(item).reverse()) as CourseContentItem),
      title: module.title,
      key: module.key,
    }));
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(ordered));
    expect(canonicalJson(reversed)).toBe(canonicalJson(ordered));
  });

  test("writes keys in the schema's order", () => {
    const parsed = JSON.parse(canonicalJson(course())) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      "slug",
      "title",
      "summary",
      "description",
      "level",
      "estimatedMinutes",
      "coverImage",
      "competences",
      "prerequisites",
      "modules",
    ]);
    const modules = parsed.modules as { key: string; items: Record<string, unknown>[] }[];
    expect(Object.keys(modules[0]!)).toEqual(["key", "title", "items"]);
    expect(Object.keys(modules[0]!.items[0]!)).toEqual(["key", "kind", "title", "minutes", "body", "passPercent"]);
  });

  test("gives exactly this string for a tiny course", () => {
    const tiny = course({
      description: "",
      competences: [],
      modules: [mod("m", "M", [lesson("l", { title: "L", minutes: 1, body: "hi" })])],
    });
    expect(canonicalJson(tiny)).toBe(
      '{"slug":"digital-safety","title":"Digital safety","summary":"Stay safe online.","description":"","level":"BASIC","estimatedMinutes":60,"coverImage":null,"competences":[],"prerequisites":[],' +
        '"modules":[{"key":"m","title":"M","items":[{"key":"l","kind":"LESSON","title":"L","minutes":1,"body":"hi","passPercent":null}]}]}',
    );
  });

  test("round-trips: parsing the string gives the content back", () => {
    const content = course({ prerequisites: ["basics"], coverImage: { id: "i", width: 1, height: 2, url: "/u" } });
    expect(JSON.parse(canonicalJson(content))).toEqual(content);
  });

  test("drops keys the schema does not know", () => {
    const extra = { ...course(), draftNote: "not part of a version" } as CourseContent;
    expect(canonicalJson(extra)).toBe(canonicalJson(course()));
  });

  test("differs when the content differs, even only in order", () => {
    const swapped = course();
    reorder(swapped, "phishing", ["report", "spot"]);
    expect(canonicalJson(swapped)).not.toBe(canonicalJson(course()));
    expect(canonicalJson(course({ competences: ["1.1", "4.2"] }))).not.toBe(canonicalJson(course()));
  });

  const invalid: [string, () => unknown][] = [
    ["a slug with spaces and capitals", () => course({ slug: "Bad Slug" })],
    ["a slug with a leading hyphen", () => course({ slug: "-bad" })],
    ["a slug with a double hyphen", () => course({ slug: "bad--slug" })],
    ["an empty slug", () => course({ slug: "" })],
    ["a slug longer than 80", () => course({ slug: "a".repeat(81) })],
    ["an empty title", () => course({ title: "" })],
    ["an unknown level", () => course({ level: "EXPERT" as CourseContent["level"] })],
    ["estimatedMinutes of 0", () => course({ estimatedMinutes: 0 })],
    ["fractional estimatedMinutes", () => course({ estimatedMinutes: 1.5 })],
    ["a bad module key", () => course({ modules: [mod("Module One", "M", [])] })],
    ["a bad item key", () => course({ modules: [mod("m", "M", [lesson("Intro_1")])] })],
    ["an unknown item kind", () => course({ modules: [mod("m", "M", [lesson("l", { kind: "VIDEO" as CourseContentItem["kind"] })])] })],
    ["an item of 0 minutes", () => course({ modules: [mod("m", "M", [lesson("l", { minutes: 0 })])] })],
    ["a passPercent over 100", () => course({ modules: [mod("m", "M", [quiz("q", { passPercent: 101 })])] })],
    ["a missing field", () => ({ ...course(), summary: undefined })],
  ];
  test.each(invalid)("throws a ZodError for %s", (_name, make) => {
    expect(() => canonicalJson(make() as CourseContent)).toThrow(ZodError);
  });

  test("accepts the edges of the limits", () => {
    const edges = course({
      slug: "a".repeat(80),
      estimatedMinutes: 10000,
      modules: [mod("m", "M", [quiz("q", { passPercent: 100, minutes: 600 }), quiz("r", { passPercent: 1, minutes: 1 })])],
    });
    expect(() => canonicalJson(edges)).not.toThrow();
  });
});

// ---------------------------------------------------------------------------

describe("diffLines", () => {
  const same = (text: string): LineChange => ({ op: "same", text });
  const added = (text: string): LineChange => ({ op: "added", text });
  const removed = (text: string): LineChange => ({ op: "removed", text });

  test("marks every line the same when nothing changed", () => {
    expect(diffLines("a\nb\nc", "a\nb\nc")).toEqual([same("a"), same("b"), same("c")]);
  });

  test("a changed line in the middle: removed, then added, between the same lines", () => {
    expect(diffLines("a\nb\nc", "a\nB\nc")).toEqual([same("a"), removed("b"), added("B"), same("c")]);
  });

  test("insertion at the start", () => {
    expect(diffLines("a\nb\nc", "x\ny\na\nb\nc")).toEqual([added("x"), added("y"), same("a"), same("b"), same("c")]);
  });

  test("insertion at the end", () => {
    expect(diffLines("a\nb", "a\nb\nc")).toEqual([same("a"), same("b"), added("c")]);
  });

  test("deletion at the start and at the end", () => {
    expect(diffLines("x\na\nb\ny", "a\nb")).toEqual([removed("x"), same("a"), same("b"), removed("y")]);
  });

  test("full replacement: all removed lines come before all added lines", () => {
    expect(diffLines("a\nb", "c\nd\ne")).toEqual([removed("a"), removed("b"), added("c"), added("d"), added("e")]);
  });

  test("repeated lines: keeps as many as both sides share", () => {
    expect(diffLines("a\nb\na", "a\na")).toEqual([same("a"), removed("b"), same("a")]);
    expect(diffLines("x\nx\nx", "x")).toEqual([same("x"), removed("x"), removed("x")]);
    expect(diffLines("x", "x\nx\nx")).toEqual([same("x"), added("x"), added("x")]);
    expect(diffLines("b\na\nb", "a\nb\na")).toEqual([removed("b"), same("a"), same("b"), added("a")]);
  });

  test("repeated blank lines in markdown", () => {
    expect(diffLines("# T\n\npara one\n\npara two", "# T\n\npara two\n\npara three")).toEqual([
      same("# T"),
      same(""),
      removed("para one"),
      removed(""),
      same("para two"),
      added(""),
      added("para three"),
    ]);
  });

  test("empty strings: an empty text has no lines", () => {
    expect(diffLines("", "")).toEqual([]);
    expect(diffLines("", "a")).toEqual([added("a")]);
    expect(diffLines("a", "")).toEqual([removed("a")]);
    expect(diffLines("", "a\n")).toEqual([added("a"), added("")]);
  });

  test("a trailing newline is a last, empty line", () => {
    expect(diffLines("a\nb\n", "a\nb")).toEqual([same("a"), same("b"), removed("")]);
    expect(diffLines("a\nb", "a\nb\n")).toEqual([same("a"), same("b"), added("")]);
  });

  test("is a minimal, faithful edit script for many random texts", () => {
    // A tiny deterministic generator: the same pairs on every run.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = () =>
      Array.from({ length: Math.floor(next() * 8) }, () => "abcd"[Math.floor(next() * 4)]!).join("\n");
    const lcsLength = (a: string[], b: string[]) => {
      const table = a.map(() => b.map(() => 0));
      const at = (i: number, j: number) => (i < 0 || j < 0 ? 0 : table[i]![j]!);
      a.forEach((x, i) => b.forEach((y, j) => (table[i]![j] = x === y ? at(i - 1, j - 1) + 1 : Math.max(at(i - 1, j), at(i, j - 1)))));
      return at(a.length - 1, b.length - 1);
    };
    for (let run = 0; run < 300; run++) {
      const [before, after] = [text(), text()];
      const lines = diffLines(before, after);
      expect(lines.filter((line) => line.op !== "added").map((line) => line.text).join("\n")).toBe(before);
      expect(lines.filter((line) => line.op !== "removed").map((line) => line.text).join("\n")).toBe(after);
      const linesOf = (text: string) => (text === "" ? [] : text.split("\n"));
      expect(lines.filter((line) => line.op === "same")).toHaveLength(lcsLength(linesOf(before), linesOf(after)));
    }
  });
});

// ---------------------------------------------------------------------------

describe("diffCourseContent", () => {
  test("no changes gives []", () => {
    const content = course();
    expect(diffCourseContent(content, content)).toEqual([]);
    expect(diffCourseContent(course(), course())).toEqual([]);
    expect(diffCourseContent(course({ modules: [] }), course({ modules: [] }))).toEqual([]);
  });

  describe("course fields", () => {
    test("a title change, with the before and after strings", () => {
      expect(diffCourseContent(course(), course({ title: "Safety online" }))).toEqual([
        { kind: "field", field: "title", before: "Digital safety", after: "Safety online" },
      ]);
    });

    test("a level change", () => {
      expect(diffCourseContent(course(), course({ level: "ADVANCED" }))).toEqual([{ kind: "field", field: "level", before: "BASIC", after: "ADVANCED" }]);
    });

    test("competences are shown joined by a comma and a space", () => {
      expect(diffCourseContent(course(), course({ competences: ["4.2", "1.1", "2.3"] }))).toEqual([
        { kind: "field", field: "competences", before: "4.2, 1.1", after: "4.2, 1.1, 2.3" },
      ]);
      expect(diffCourseContent(course(), course({ competences: [] }))).toEqual([{ kind: "field", field: "competences", before: "4.2, 1.1", after: "" }]);
    });

    test("a new order of competences counts as a change", () => {
      expect(diffCourseContent(course(), course({ competences: ["1.1", "4.2"] }))).toEqual([
        { kind: "field", field: "competences", before: "4.2, 1.1", after: "1.1, 4.2" },
      ]);
    });

    test("prerequisites, estimatedMinutes, summary and description", () => {
      expect(diffCourseContent(course(), course({ prerequisites: ["basics", "email"] }))).toEqual([
        { kind: "field", field: "prerequisites", before: "", after: "basics, email" },
      ]);
      expect(diffCourseContent(course(), course({ estimatedMinutes: 90 }))).toEqual([{ kind: "field", field: "estimatedMinutes", before: "60", after: "90" }]);
      expect(diffCourseContent(course(), course({ summary: "New." }))).toEqual([{ kind: "field", field: "summary", before: "Stay safe online.", after: "New." }]);
      expect(diffCourseContent(course(), course({ description: "" }))).toEqual([
        { kind: "field", field: "description", before: "A short course.\n\nWith two modules.", after: "" },
      ]);
    });

    test("a cover image: none is the empty string, an image its JSON", () => {
      const image = { id: "img-1", width: 800, height: 600, url: "/media/img-1.png" };
      const json = '{"id":"img-1","width":800,"height":600,"url":"/media/img-1.png"}';
      expect(diffCourseContent(course(), course({ coverImage: image }))).toEqual([{ kind: "field", field: "coverImage", before: "", after: json }]);
      expect(diffCourseContent(course({ coverImage: image }), course())).toEqual([{ kind: "field", field: "coverImage", before: json, after: "" }]);
      expect(diffCourseContent(course({ coverImage: image }), course({ coverImage: { ...image } }))).toEqual([]);
    });

    test("several fields, in the fixed order of fields", () => {
      const after = course({ prerequisites: ["basics"], competences: ["4.2"], level: "INTERMEDIATE", title: "New title" });
      expect(diffCourseContent(course(), after)).toEqual([
        { kind: "field", field: "title", before: "Digital safety", after: "New title" },
        { kind: "field", field: "level", before: "BASIC", after: "INTERMEDIATE" },
        { kind: "field", field: "competences", before: "4.2, 1.1", after: "4.2" },
        { kind: "field", field: "prerequisites", before: "", after: "basics" },
      ]);
    });
  });

  describe("modules", () => {
    test("a module added, with its items", () => {
      const after = course();
      after.modules.push(mod("wifi", "Public Wi-Fi", [lesson("hotspots", { title: "Hotspots" }), quiz("wifi-quiz", { title: "Wi-Fi quiz" })]));
      expect(diffCourseContent(course(), after)).toEqual([
        { kind: "moduleAdded", title: "Public Wi-Fi" },
        { kind: "itemAdded", itemKind: "LESSON", title: "Hotspots" },
        { kind: "itemAdded", itemKind: "QUIZ", title: "Wi-Fi quiz" },
      ]);
    });

    test("an empty module added in the middle moves nothing", () => {
      const after = course();
      after.modules.splice(1, 0, mod("extra", "Extra", []));
      expect(diffCourseContent(course(), after)).toEqual([{ kind: "moduleAdded", title: "Extra" }]);
    });

    test("a module removed, with its items", () => {
      const after = course();
      after.modules = after.modules.filter((module) => module.key !== "passwords");
      expect(diffCourseContent(course(), after)).toEqual([
        { kind: "moduleRemoved", title: "Passwords" },
        { kind: "itemRemoved", itemKind: "LESSON", title: "Lesson intro" },
        { kind: "itemRemoved", itemKind: "LESSON", title: "Lesson strong" },
        { kind: "itemRemoved", itemKind: "QUIZ", title: "Quiz pw-quiz" },
      ]);
    });

    test("a module renamed: same key, new title", () => {
      const after = course();
      moduleOf(after, "phishing").title = "Phishing and scams";
      expect(diffCourseContent(course(), after)).toEqual([{ kind: "moduleRenamed", before: "Phishing", after: "Phishing and scams" }]);
    });

    test("a new key with the old title is a module removed and one added", () => {
      const after = course();
      moduleOf(after, "phishing").key = "phishing-2";
      expect(diffCourseContent(course(), after)).toEqual([
        { kind: "moduleAdded", title: "Phishing" },
        { kind: "moduleRemoved", title: "Phishing" },
        { kind: "itemMoved", title: "Lesson spot" },
        { kind: "itemMoved", title: "Lesson report" },
      ]);
    });

    test("added and renamed modules in the new order, then removed ones", () => {
      const before = course({ modules: [mod("a", "A", []), mod("b", "B", []), mod("c", "C", [])] });
      const after = course({ modules: [mod("d", "D", []), mod("c", "C2", []), mod("a", "A", []), mod("e", "E", [])] });
      expect(diffCourseContent(before, after)).toEqual([
        { kind: "moduleAdded", title: "D" },
        { kind: "moduleRenamed", before: "C", after: "C2" },
        { kind: "moduleAdded", title: "E" },
        { kind: "moduleRemoved", title: "B" },
      ]);
    });
  });

  describe("items added and removed", () => {
    test("an item added in the middle of a module: nothing else moves", () => {
      const after = course();
      moduleOf(after, "passwords").items.splice(1, 0, lesson("managers", { title: "Password managers" }));
      expect(diffCourseContent(course(), after)).toEqual([{ kind: "itemAdded", itemKind: "LESSON", title: "Password managers" }]);
    });

    test("a quiz added at the end", () => {
      const after = course();
      moduleOf(after, "phishing").items.push(quiz("phish-quiz", { title: "Phishing quiz" }));
      expect(diffCourseContent(course(), after)).toEqual([{ kind: "itemAdded", itemKind: "QUIZ", title: "Phishing quiz" }]);
    });

    test("an item removed: nothing else moves", () => {
      const after = course();
      moduleOf(after, "passwords").items = moduleOf(after, "passwords").items.filter((item) => item.key !== "strong");
      expect(diffCourseContent(course(), after)).toEqual([{ kind: "itemRemoved", itemKind: "LESSON", title: "Lesson strong" }]);
    });

    test("a quiz removed", () => {
      const after = course();
      moduleOf(after, "passwords").items.pop();
      expect(diffCourseContent(course(), after)).toEqual([{ kind: "itemRemoved", itemKind: "QUIZ", title: "Quiz pw-quiz" }]);
    });

    test("a new key is an item removed and one added, even with the same title and body", () => {
      const after = course();
      itemOf(after, "spot").key = "spot-it";
      expect(diffCourseContent(course(), after)).toEqual([
        { kind: "itemAdded", itemKind: "LESSON", title: "Lesson spot" },
        { kind: "itemRemoved", itemKind: "LESSON", title: "Lesson spot" },
      ]);
    });

    test("added items come in the new order, removed ones after them in the old order", () => {
      const before = flat(["a", "b", "c", "d"]);
      const after = flat(["x", "a", "c", "y"]);
      expect(diffCourseContent(before, after)).toEqual([
        { kind: "itemAdded", itemKind: "LESSON", title: "Lesson x" },
        { kind: "itemAdded", itemKind: "LESSON", title: "Lesson y" },
        { kind: "itemRemoved", itemKind: "LESSON", title: "Lesson b" },
        { kind: "itemRemoved", itemKind: "LESSON", title: "Lesson d" },
      ]);
    });
  });

  describe("items moved", () => {
    test("two neighbours swapped within a module: one of them is reported", () => {
      const after = course();
      reorder(after, "phishing", ["report", "spot"]);
      expect(diffCourseContent(course(), after)).toEqual([{ kind: "itemMoved", title: "Lesson spot" }]);
    });

    test("the first item moved to the end: only it is reported, not the items that slid up", () => {
      expect(diffCourseContent(flat(["a", "b", "c", "d"]), flat(["b", "c", "d", "a"]))).toEqual([{ kind: "itemMoved", title: "Lesson a" }]);
    });

    test("the last item moved to the start: only it is reported, not the items that slid down", () => {
      expect(diffCourseContent(flat(["a", "b", "c", "d"]), flat(["d", "a", "b", "c"]))).toEqual([{ kind: "itemMoved", title: "Lesson d" }]);
    });

    test("one item moved into the middle of a long module", () => {
      expect(diffCourseContent(flat(["a", "b", "c", "d", "e", "f"]), flat(["a", "c", "d", "b", "e", "f"]))).toEqual([
        { kind: "itemMoved", title: "Lesson b" },
      ]);
    });

    test("two items moved: both reported, in the new order", () => {
      expect(diffCourseContent(flat(["a", "b", "c", "d", "e"]), flat(["e", "b", "c", "d", "a"]))).toEqual([
        { kind: "itemMoved", title: "Lesson e" },
        { kind: "itemMoved", title: "Lesson a" },
      ]);
    });

    test("a reversed module: all but one item are reported", () => {
      expect(diffCourseContent(flat(["a", "b", "c"]), flat(["c", "b", "a"]))).toEqual([
        { kind: "itemMoved", title: "Lesson b" },
        { kind: "itemMoved", title: "Lesson a" },
      ]);
    });

    test("an item moved to another module, though its place in the course order is the same", () => {
      const after = course();
      moveItem(after, "pw-quiz", "phishing", 0);
      expect(itemsInOrder(after).map((item) => item.key)).toEqual(itemsInOrder(course()).map((item) => item.key));
      expect(diffCourseContent(course(), after)).toEqual([{ kind: "itemMoved", title: "Quiz pw-quiz" }]);
    });

    test("an item moved to the end of another module is reported once, its old neighbours not at all", () => {
      const after = course();
      moveItem(after, "intro", "phishing", 2);
      expect(diffCourseContent(course(), after)).toEqual([{ kind: "itemMoved", title: "Lesson intro" }]);
    });

    test("the moves are judged among kept items only: an added or removed neighbour moves nothing", () => {
      const before = flat(["a", "b", "c", "d"]);
      const after = flat(["a", "new", "c", "d"]);
      expect(diffCourseContent(before, after)).toEqual([
        { kind: "itemAdded", itemKind: "LESSON", title: "Lesson new" },
        { kind: "itemRemoved", itemKind: "LESSON", title: "Lesson b" },
      ]);
    });

    test("a move next to a removal", () => {
      expect(diffCourseContent(flat(["a", "b", "c"]), flat(["c", "a"]))).toEqual([
        { kind: "itemMoved", title: "Lesson a" },
        { kind: "itemRemoved", itemKind: "LESSON", title: "Lesson b" },
      ]);
    });

    test("a moved item that also changed: moved (with its new title), then changed", () => {
      const after = course();
      moveItem(after, "intro", "phishing", 1);
      itemOf(after, "intro").title = "Welcome";
      expect(diffCourseContent(course(), after)).toEqual([
        { kind: "itemMoved", title: "Welcome" },
        { kind: "itemChanged", itemKind: "LESSON", title: "Welcome", fields: ["title"], previousTitle: "Lesson intro", body: null },
      ]);
    });

    test("items in a renamed module are not moved", () => {
      const after = course();
      moduleOf(after, "passwords").title = "Strong passwords";
      expect(diffCourseContent(course(), after)).toEqual([{ kind: "moduleRenamed", before: "Passwords", after: "Strong passwords" }]);
    });
  });

  describe("items changed", () => {
    test("a title change reports fields ['title'] and previousTitle", () => {
      const after = course();
      itemOf(after, "strong").title = "Strong passwords";
      expect(diffCourseContent(course(), after)).toEqual([
        { kind: "itemChanged", itemKind: "LESSON", title: "Strong passwords", fields: ["title"], previousTitle: "Lesson strong", body: null },
      ]);
    });

    test("a minutes change keeps the title as previousTitle", () => {
      const after = course();
      itemOf(after, "spot").minutes = 25;
      expect(diffCourseContent(course(), after)).toEqual([
        { kind: "itemChanged", itemKind: "LESSON", title: "Lesson spot", fields: ["minutes"], previousTitle: "Lesson spot", body: null },
      ]);
    });

    test("a quiz's passPercent change", () => {
      const after = course();
      itemOf(after, "pw-quiz").passPercent = 60;
      expect(diffCourseContent(course(), after)).toEqual([
        { kind: "itemChanged", itemKind: "QUIZ", title: "Quiz pw-quiz", fields: ["passPercent"], previousTitle: "Quiz pw-quiz", body: null },
      ]);
    });

    test("several fields, in the order title, minutes, passPercent", () => {
      const after = course();
      Object.assign(itemOf(after, "pw-quiz"), { passPercent: 100, minutes: 7, title: "Final quiz" });
      expect(diffCourseContent(course(), after)).toEqual([
        { kind: "itemChanged", itemKind: "QUIZ", title: "Final quiz", fields: ["title", "minutes", "passPercent"], previousTitle: "Quiz pw-quiz", body: null },
      ]);
    });

    test("a lesson body change gives a line diff and no fields", () => {
      const after = course();
      itemOf(after, "intro").body = "# intro\n\nSome better text.\nMore text.\nA new line.";
      expect(diffCourseContent(course(), after)).toEqual([
        {
          kind: "itemChanged",
          itemKind: "LESSON",
          title: "Lesson intro",
          fields: [],
          previousTitle: "Lesson intro",
          body: [
            { op: "same", text: "# intro" },
            { op: "same", text: "" },
            { op: "removed", text: "Some text." },
            { op: "added", text: "Some better text." },
            { op: "same", text: "More text." },
            { op: "added", text: "A new line." },
          ],
        },
      ]);
    });

    test("a quiz body change with a field change", () => {
      const after = course();
      Object.assign(itemOf(after, "pw-quiz"), { body: "::Q1::Is 2FA safer? {T}\n\n::Q2::Pick one {=right ~wrong ~also wrong}", passPercent: 50 });
      expect(diffCourseContent(course(), after)).toEqual([
        {
          kind: "itemChanged",
          itemKind: "QUIZ",
          title: "Quiz pw-quiz",
          fields: ["passPercent"],
          previousTitle: "Quiz pw-quiz",
          body: [
            { op: "same", text: "::Q1::Is 2FA safer? {T}" },
            { op: "same", text: "" },
            { op: "removed", text: "::Q2::Pick one {=right ~wrong}" },
            { op: "added", text: "::Q2::Pick one {=right ~wrong ~also wrong}" },
          ],
        },
      ]);
    });

    test("a body emptied", () => {
      const after = course();
      itemOf(after, "report").body = "";
      expect(diffCourseContent(course(), after)).toEqual([
        {
          kind: "itemChanged",
          itemKind: "LESSON",
          title: "Lesson report",
          fields: [],
          previousTitle: "Lesson report",
          body: [
            { op: "removed", text: "# report" },
            { op: "removed", text: "" },
            { op: "removed", text: "Some text." },
            { op: "removed", text: "More text." },
          ],
        },
      ]);
    });
  });

  test("everything at once, in order: fields, modules, items in the new order, removed items", () => {
    const before = course();
    const after = course({ title: "Digital safety 2", level: "INTERMEDIATE" });
    moduleOf(after, "passwords").title = "Strong passwords";
    after.modules = after.modules.filter((module) => module.key !== "phishing");
    after.modules.push(mod("wifi", "Wi-Fi", [lesson("hotspots", { title: "Hotspots" }), lesson("spot")]));
    reorder(after, "passwords", ["strong", "intro", "pw-quiz"]);
    itemOf(after, "pw-quiz").minutes = 8;
    itemOf(after, "spot").body = "# spot\n\nSome text.";

    expect(diffCourseContent(before, after)).toEqual([
      { kind: "field", field: "title", before: "Digital safety", after: "Digital safety 2" },
      { kind: "field", field: "level", before: "BASIC", after: "INTERMEDIATE" },
      { kind: "moduleRenamed", before: "Passwords", after: "Strong passwords" },
      { kind: "moduleAdded", title: "Wi-Fi" },
      { kind: "moduleRemoved", title: "Phishing" },
      { kind: "itemMoved", title: "Lesson intro" },
      { kind: "itemChanged", itemKind: "QUIZ", title: "Quiz pw-quiz", fields: ["minutes"], previousTitle: "Quiz pw-quiz", body: null },
      { kind: "itemAdded", itemKind: "LESSON", title: "Hotspots" },
      { kind: "itemMoved", title: "Lesson spot" },
      {
        kind: "itemChanged",
        itemKind: "LESSON",
        title: "Lesson spot",
        fields: [],
        previousTitle: "Lesson spot",
        body: [
          { op: "same", text: "# spot" },
          { op: "same", text: "" },
          { op: "same", text: "Some text." },
          { op: "removed", text: "More text." },
        ],
      },
      { kind: "itemRemoved", itemKind: "LESSON", title: "Lesson report" },
    ]);
  });

  test("does not change its inputs", () => {
    const before = course();
    const after = course({ title: "Other" });
    reorder(after, "phishing", ["report", "spot"]);
    const [beforeCopy, afterCopy] = [structuredClone(before), structuredClone(after)];
    diffCourseContent(before, after);
    expect(before).toEqual(beforeCopy);
    expect(after).toEqual(afterCopy);
  });
});
