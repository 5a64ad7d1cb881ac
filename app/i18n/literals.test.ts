import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";

// Every word a reader sees comes from the message catalogs (vi and en), never
// from a literal in a component: a literal shows the same text in both
// languages and escapes the catalog tests. This reads every .ts/.tsx under
// app/ (not the catalogs) with TypeScript's parser and lists text between
// tags, string children ({"…"}), the attributes a reader or a screen reader
// meets (aria-label, title, alt, placeholder, …), our components' text props
// (label, hint, …) and the body of every `new Response("…")`.

// Attributes and props whose value is read, shown or spoken.
const readAttributes = new Set([
  "aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "aria-placeholder",
  "title", "alt", "placeholder", "label", "hint", "legend", "caption", "summary", "heading", "description",
  "text", "message", "emptyText", "submitLabel", "cancelLabel", "confirm",
]);

/**
 * Literals that are right as they are, each with its reason. Keep it short:
 * a new entry needs a reason a reviewer agrees with. `text` null: every
 * literal in the file; `file` null: that text in any file.
 */
const allowed: { file: string | null; text: string | null; why: string }[] = [
  { file: null, text: "Học Số", why: "the product's name, the same in every language (a title's last resort)" },
  { file: "app/components/site-header.tsx", text: "HS", why: "the logo's letters: a picture, hidden from screen readers, the same in every language" },
  { file: "app/utils/user-agent.ts", text: "Cốc Cốc", why: "a browser's name" },
  { file: "app/services/certificate-pdf.server.ts", text: null, why: "a certificate is an official Vietnamese document: its fixed words are Vietnamese whoever downloads it" },
  { file: "app/services/open-badge.server.ts", text: null, why: "a signed credential is issued once, in the issuer's language; it must not change with the reader" },
  { file: "app/services/people-import.server.ts", text: null, why: "the column headings of HR's spreadsheets (a file format), Vietnamese by design" },
  { file: "app/services/content-import.server.ts", text: null, why: "a version note stored with the course, like a commit message" },
  { file: "app/utils/env.server.ts", text: null, why: "defaults of settings (the sender's name, the issuing body), which an administrator sets" },
];
const isAllowed = (finding: Finding) => allowed.some((entry) => (entry.file === null || entry.file === finding.file) && (entry.text === null || entry.text === finding.text));

// Letters only Vietnamese uses (in this app's languages).
const vietnameseLetters = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ]/;

// Text that is not words: numbers, punctuation, symbols, separators.
const isWordless = (text: string) => !/\p{L}/u.test(text);

type Finding = { file: string; line: number; text: string };

function literalsIn(file: string, text = readFileSync(file, "utf8")): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const trimmed = text.replace(/\s+/g, " ").trim();
    if (!trimmed || isWordless(trimmed)) return;
    found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: trimmed });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    // {"text"} or {`text`} as a child of an element.
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent) && (ts.isStringLiteral(node.expression) || ts.isNoSubstitutionTemplateLiteral(node.expression))) {
      report(node, node.expression.text);
    }
    // Any string in Vietnamese (its letters give it away) is words for a reader.
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) && vietnameseLetters.test(node.text)) {
      report(node, node.text);
    }
    // new Response("text"): a status page's or a download's words.
    if (ts.isNewExpression(node) && node.expression.getText(source) === "Response" && node.arguments?.[0] && (ts.isStringLiteral(node.arguments[0]) || ts.isNoSubstitutionTemplateLiteral(node.arguments[0]))) {
      report(node, node.arguments[0].text);
    }
    if (ts.isJsxAttribute(node) && readAttributes.has(node.name.getText(source)) && node.initializer) {
      const value = node.initializer;
      if (ts.isStringLiteral(value)) report(node, value.text);
      if (ts.isJsxExpression(value) && value.expression && (ts.isStringLiteral(value.expression) || ts.isNoSubstitutionTemplateLiteral(value.expression))) {
        report(node, value.expression.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // A literal met twice (a Vietnamese string that is also a child) counts once.
  return found.filter((finding, index) => found.findIndex((other) => other.line === finding.line && other.text === finding.text) === index);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(full) && !/\.test\.tsx?$/.test(full) && !/\/i18n\/[a-z-]+\.(vi|en)\.ts$/.test(full) ? [full] : [];
  });
}

describe("no user-facing literal in a component", () => {
  const files = sourceFiles("app");

  test("the check itself finds what it should, and only that", () => {
    expect(literalsIn("sample.tsx", sample).map((finding) => finding.text)).toEqual(["Không có", "Lưu lại", "Đóng", "Ảnh đại diện", "Tìm kiếm"]);
  });

  test.each(files)("%s", (file) => {
    const findings = literalsIn(file).filter((finding) => !isAllowed(finding));
    expect(findings.map((finding) => `${finding.file}:${finding.line}: ${finding.text}`)).toEqual([]);
  });

  test("every allowed literal is still there (no stale entries)", () => {
    for (const entry of allowed) {
      const texts = (entry.file ? [entry.file] : files).flatMap((file) => literalsIn(file).map((finding) => finding.text));
      expect(entry.text === null ? texts.length : texts.filter((text) => text === entry.text).length, `${entry.file}: ${entry.text}`).toBeGreaterThan(0);
    }
  });
});

/** A small component with one of each kind of literal, and some that are fine. */
const sample = `
  export function loader() {
    if (Math.random() > 2) throw new Response("Không có", { status: 404 });
    return null;
  }
  export function Sample({ t, missing }: { t: (key: string) => string; missing: boolean }) {
    return (
      <form aria-label={t("search.label")} className="search">
        <button type="submit">Lưu lại</button>
        <span>{"Đóng"}</span>
        <img src="/a.png" alt="Ảnh đại diện" />
        <input placeholder={"Tìm kiếm"} name="q" />
        <p>{t("search.hint")} · 1/2 –</p>
        {missing ? null : <a href="/">{t("home")}</a>}
      </form>
    );
  }`;

// Numbers, dates and percentages reach the page through app/utils/format.ts
// (or the catalog's number placeholders), which write them for vi-VN and
// en-GB: a hand-made `${rate}%`, a bare toLocaleString() (the server's
// language) or an Intl formatter built in a component would each write them
// one way for everyone, or differently on server and phone.
describe("numbers, dates and percentages are formatted for the reader's language", () => {
  const formatters = new Set(["app/utils/format.ts", "app/i18n/i18n.ts"]);
  const files = sourceFiles("app").filter((file) => !formatters.has(file));
  const problems = (file: string, text = readFileSync(file, "utf8")) =>
    text.split("\n").flatMap((line, index) => {
      const found = [
        /new Intl\.(NumberFormat|DateTimeFormat|RelativeTimeFormat)\(/.test(line) && "an Intl formatter outside app/utils/format.ts",
        /\.toLocale(Date|Time)?String\(\s*\)/.test(line) && "toLocaleString() without a language",
        // {value}% in JSX, or ${value}% in a template, but not GIFT's %50% weights.
        /\}%(?!\$)/.test(line) && !/`~?[=~]?%\$\{|%\$\{weight/.test(line) && "a percentage written by hand",
      ].filter(Boolean);
      return found.map((problem) => `${file}:${index + 1}: ${problem}`);
    });

  test("the check finds each kind", () => {
    const sample = ["const f = new Intl.NumberFormat(\"vi-VN\");", "<td>{row.rate}%</td>", "const s = `${rate}%`;", "date.toLocaleDateString()", "ok(formatPercent(locale, rate))"].join("\n");
    expect(problems("sample.tsx", sample).map((line) => line.split(": ")[1])).toEqual([
      "an Intl formatter outside app/utils/format.ts",
      "a percentage written by hand",
      "a percentage written by hand",
      "toLocaleString() without a language",
    ]);
  });

  test.each(files)("%s", (file) => {
    expect(problems(file)).toEqual([]);
  });
});
