import { describe, expect, test } from "vitest";
import { mediaIdsIn, renderLessonHtml, type RenderLabels } from "./lesson-markdown.server";

const labels: RenderLabels = {
  note: "Lưu ý",
  tip: "Mẹo",
  important: "Quan trọng",
  warning: "Cảnh báo",
  caution: "Thận trọng",
  table: "Bảng",
  code: "Đoạn mã",
  video: "Video",
  openVideo: "mở ở trang gốc",
};
const render = (markdown: string, media?: Map<string, { width: number; height: number }>) =>
  renderLessonHtml(markdown, { labels, media, origin: "https://hocso.example" });

// Parse the output the way a browser would and list what could run.
function activeParts(html: string) {
  const found: string[] = [];
  for (const match of html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)) {
    const [, tag, attributes] = match;
    if (/^(script|iframe|object|embed|style|form|input|svg|math|base|meta|link)$/i.test(tag!)) found.push(`<${tag}>`);
    for (const attribute of attributes!.matchAll(/\s([a-z-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
      const [, name, value] = attribute;
      if (/^on/i.test(name!)) found.push(`${name}=`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(name!) && /^["']?\s*(javascript|vbscript|data):/i.test(value!)) {
        found.push(`${name}=${value}`);
      }
    }
  }
  return found;
}

describe("lesson markdown is inert", () => {
  const hostile = [
    "<script>alert('x')</script>",
    '<img src="x" onerror="alert(1)">',
    "[bấm vào đây](javascript:alert(1))",
    "[viết hoa](JaVaScRiPt:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    '<a href="javascript:alert(1)">liên kết</a>',
    "![ảnh](javascript:alert(1))",
    "![ảnh](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    '<svg onload="alert(1)"></svg>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>body{display:none}</style>",
    '<form action="https://evil.example"><input name="password"></form>',
  ].join("\n\n");

  test("script, event handlers, javascript: links and iframes never reach the page as markup", () => {
    const html = render(`# Bài học\n\n${hostile}\n\nĐoạn cuối.`);
    expect(activeParts(html)).toEqual([]);
    expect(html).not.toMatch(/<(script|iframe|svg|style|form|input)/i);
    expect(html).not.toMatch(/onerror|onload|evil\.example|alert\('x'\)/i);
    // Raw HTML tags are dropped; text between them stays readable.
    expect(html).toContain("<p>liên kết</p>");
    // The links survive as text without their address.
    expect(html).toContain("bấm vào đây");
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).toContain("<p>Đoạn cuối.</p>");
  });

  test("a hostile address disguised as a video is not embedded", () => {
    const html = render("![Video: x](javascript:alert(1)//youtube.com/watch?v=abcdefghijk)");
    expect(activeParts(html)).toEqual([]);
    expect(html).not.toContain("<iframe");
  });
});

describe("lesson markdown renders what lessons need", () => {
  test("GFM tables sit in a named, focusable scrolling region", () => {
    const html = render("| Cột A | Cột B |\n| --- | --- |\n| 1 | 2 |");
    expect(html).toMatch(/^<div class="table-scroll" role="region" aria-label="Bảng" tabindex="0"><table>/);
    expect(html).toContain("<td>2</td>");
  });

  test("a column's alignment is a class, never a style attribute (the page's policy allows none)", () => {
    const html = render("| Việc | Số |\n| :-: | --: |\n| Ký số | 12 |");
    expect(html).toContain('<th class="align-center">Việc</th>');
    expect(html).toContain('<td class="align-right">12</td>');
    expect(html).not.toContain("style=");
  });

  test("callouts use GitHub's alert syntax", () => {
    const html = render("> [!WARNING]\n> Không chia sẻ mã OTP.\n\n> [!NOTE]\n> Ghi chú.\n\n> Trích dẫn thường.");
    expect(html).toContain('<div class="callout callout--warning"><p class="callout__title"><strong>Cảnh báo</strong></p>');
    expect(html).toContain("Không chia sẻ mã OTP.");
    expect(html).not.toContain("[!WARNING]");
    expect(html).toContain('<div class="callout callout--note">');
    expect(html).toContain("<blockquote>\n<p>Trích dẫn thường.</p>\n</blockquote>");
  });

  test("links to other sites get rel=noopener noreferrer; our own links do not", () => {
    const html = render("[Cổng DVC](https://dichvucong.gov.vn) và [khoá học](/courses/a) và [đây](https://hocso.example/x)");
    expect(html).toContain('<a href="https://dichvucong.gov.vn" rel="noopener noreferrer">Cổng DVC</a>');
    expect(html).toContain('<a href="/courses/a">khoá học</a>');
    expect(html).toContain('<a href="https://hocso.example/x">đây</a>');
  });

  test("images lazy-load, with width and height when they are ours", () => {
    const id = "0198a7b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b";
    const markdown = `![Sơ đồ](/media/${id}.png) ![Ngoài](https://example.org/a.png)`;
    expect(mediaIdsIn(markdown)).toEqual([id]);
    const html = render(markdown, new Map([[id, { width: 800, height: 450 }]]));
    expect(html).toContain(`<img src="/media/${id}.png" alt="Sơ đồ" loading="lazy" decoding="async" width="800" height="450"/>`);
    expect(html).toContain('<img src="https://example.org/a.png" alt="Ngoài" loading="lazy" decoding="async"/>');
  });

  test("a video by address becomes a player that does not start by itself, with a plain link", () => {
    const html = render("![Video: Nộp hồ sơ trực tuyến](https://www.youtube.com/watch?v=dQw4w9WgXcQ)");
    expect(html).toContain('<figure class="video"><div class="video__frame"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(html).toContain('title="Video: Nộp hồ sơ trực tuyến" loading="lazy"');
    expect(html).not.toMatch(/autoplay/i);
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">Video: Nộp hồ sơ trực tuyến – mở ở trang gốc</a>');
    const file = render("![Hướng dẫn](https://cdn.example.org/huong-dan.mp4)");
    expect(file).toContain('<video src="https://cdn.example.org/huong-dan.mp4" controls="" preload="none" aria-label="Hướng dẫn"></video>');
  });

  test("code blocks scroll on a phone and keep their language class; h1 becomes h2", () => {
    const html = render("# Tiêu đề\n\n```bash\nls -la\n```");
    expect(html).toContain("<h2>Tiêu đề</h2>");
    expect(html).toContain('<pre tabindex="0" role="region" aria-label="Đoạn mã"><code class="language-bash">ls -la\n</code></pre>');
  });
});
