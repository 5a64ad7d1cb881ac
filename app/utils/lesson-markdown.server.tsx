import type { Element, ElementContent, Root } from "hast";
import { renderToStaticMarkup } from "react-dom/server";
import Markdown from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";

// The one markdown renderer of the app: lessons for learners, the studio's
// live preview and the course description all come through here. It runs on
// the server only, so no page ships the markdown parser to the browser
// (docs/benchmarks.md has the figure); pages receive finished, sanitised HTML.
//
// Order matters for safety: react-markdown turns raw HTML into plain text,
// rehype-sanitize (GitHub's rules) then removes anything unsafe left in the
// tree (javascript: URLs, event handlers, unknown elements), and only after
// that do our own trusted plugins add callouts, players and image sizes.

/**
 * Published lessons' HTML is rendered once and stored (lesson_html,
 * docs/decisions/030-stored-lesson-html.md). Raise this number with any
 * change that alters the output (a plugin, a sanitizer rule, a class name):
 * stored HTML rendered by an older number is rendered again at its next view.
 */
export const RENDERER_VERSION = 1;

export type MediaSize = { width: number; height: number };

export type RenderLabels = {
  note: string;
  tip: string;
  important: string;
  warning: string;
  caution: string;
  table: string;
  code: string;
  video: string;
  openVideo: string;
};

export type RenderOptions = {
  /** Sizes of our own images (/media/<id>.<ext>), so the page does not jump. */
  media?: ReadonlyMap<string, MediaSize>;
  labels: RenderLabels;
  /** This site's origin: links elsewhere get rel="noopener noreferrer". */
  origin?: string;
};

const MEDIA_URL = /^\/media\/([0-9a-f-]{36})\.(?:png|jpe?g|webp|gif)$/;

/** The ids of our images a markdown text uses, to look up their sizes. */
export function mediaIdsIn(markdown: string): string[] {
  const ids = new Set<string>();
  for (const match of markdown.matchAll(/\/media\/([0-9a-f-]{36})\.(?:png|jpe?g|webp|gif)/g)) ids.add(match[1]!);
  return [...ids];
}

export function renderLessonHtml(markdown: string, options: RenderOptions): string {
  return renderToStaticMarkup(
    <Markdown
      remarkPlugins={[remarkGfm]}
      rehypePlugins={[
        [rehypeSanitize, defaultSchema],
        [rehypeLesson, options],
      ]}
    >
      {markdown}
    </Markdown>,
  );
}

type Callout = "note" | "tip" | "important" | "warning" | "caution";

function el(tagName: string, properties: Element["properties"], children: ElementContent[] = []): Element {
  return { type: "element", tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: "text", value };
}

/** The trusted finishing pass, over an already sanitised tree. */
function rehypeLesson(options: RenderOptions) {
  return (tree: Root) => {
    // A column's alignment (|:--|--:|) as a class, not the style attribute
    // react-markdown would write: the Content-Security-Policy allows no
    // inline styles (docs/decisions/024-security-headers.md).
    visit(tree, "element", (node) => {
      const align = node.properties.align;
      if ((node.tagName === "td" || node.tagName === "th") && (align === "left" || align === "center" || align === "right")) {
        delete node.properties.align;
        node.properties.className = [`align-${align}`];
      }
    });
    visit(tree, "element", (node, index, parent) => {
      if (!parent || index === undefined) return;
      // The page's h1 is the lesson title: headings in the text start at h2.
      if (node.tagName === "h1") node.tagName = "h2";
      if (node.tagName === "blockquote") callout(node, options.labels);
      if (node.tagName === "a") link(node, options.origin);
      if (node.tagName === "img") image(node, options.media);
      if (node.tagName === "p") {
        const player = videoParagraph(node, options.labels);
        if (player) parent.children[index] = player;
      }
      if (node.tagName === "table" && parent.type === "root") {
        // Wide tables scroll sideways on a phone instead of breaking the page;
        // a focusable, named region lets keyboard users scroll them too.
        parent.children[index] = el("div", { className: ["table-scroll"], role: "region", ariaLabel: options.labels.table, tabIndex: 0 }, [node]);
        return "skip";
      }
      if (node.tagName === "pre") {
        node.properties = { ...node.properties, tabIndex: 0, role: "region", ariaLabel: options.labels.code };
      }
    });
  };
}

/** GitHub's alert syntax: a quote whose first line is [!NOTE], [!WARNING] … */
function callout(node: Element, labels: RenderLabels) {
  const first = node.children.find((child): child is Element => child.type === "element");
  const lead = first?.tagName === "p" ? first.children[0] : undefined;
  if (!first || lead?.type !== "text") return;
  const match = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/i.exec(lead.value);
  if (!match) return;
  const kind = match[1]!.toLowerCase() as Callout;
  lead.value = lead.value.slice(match[0].length);
  if (!lead.value && first.children[1]?.type === "element" && first.children[1].tagName === "br") first.children.splice(0, 2);
  node.tagName = "div";
  node.properties = { className: ["callout", `callout--${kind}`] };
  node.children.unshift(el("p", { className: ["callout__title"] }, [el("strong", {}, [text(labels[kind])])]));
}

function link(node: Element, origin: string | undefined) {
  const href = typeof node.properties.href === "string" ? node.properties.href : "";
  if (!/^https?:\/\//i.test(href)) return;
  if (origin && href.startsWith(origin + "/")) return;
  node.properties.rel = ["noopener", "noreferrer"];
}

function image(node: Element, media: RenderOptions["media"]) {
  node.properties.loading = "lazy";
  node.properties.decoding = "async";
  const src = typeof node.properties.src === "string" ? node.properties.src : "";
  const size = media?.get(MEDIA_URL.exec(src)?.[1] ?? "");
  if (size) {
    node.properties.width = size.width;
    node.properties.height = size.height;
  }
}

type Video = { kind: "youtube" | "vimeo"; id: string } | { kind: "file" };

function videoOf(url: string): Video | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  const host = parsed.hostname.replace(/^www\.|^m\./, "");
  const youtubeId =
    host === "youtu.be"
      ? parsed.pathname.slice(1)
      : host === "youtube.com"
        ? parsed.pathname === "/watch"
          ? parsed.searchParams.get("v")
          : /^\/(?:embed|shorts)\/([\w-]+)/.exec(parsed.pathname)?.[1]
        : null;
  if (youtubeId && /^[\w-]{6,20}$/.test(youtubeId)) return { kind: "youtube", id: youtubeId };
  const vimeoId = host === "vimeo.com" ? /^\/(\d{4,12})$/.exec(parsed.pathname)?.[1] : null;
  if (vimeoId) return { kind: "vimeo", id: vimeoId };
  if (/\.(mp4|webm)$/i.test(parsed.pathname)) return { kind: "file" };
  return null;
}

/**
 * A paragraph holding only ![Video: title](address) becomes a player that
 * never starts by itself, with a plain link under it (slow connections,
 * blocked embeds).
 */
function videoParagraph(node: Element, labels: RenderLabels): Element | null {
  const content = node.children.filter((child) => !(child.type === "text" && !child.value.trim()));
  const only = content.length === 1 ? content[0] : undefined;
  if (only?.type !== "element" || only.tagName !== "img") return null;
  const src = typeof only.properties.src === "string" ? only.properties.src : "";
  const video = videoOf(src);
  if (!video) return null;
  const title = (typeof only.properties.alt === "string" && only.properties.alt) || labels.video;
  const player =
    video.kind === "file"
      ? el("video", { src, controls: true, preload: "none", ariaLabel: title })
      : el("iframe", {
          src:
            video.kind === "youtube"
              ? `https://www.youtube-nocookie.com/embed/${video.id}`
              : `https://player.vimeo.com/video/${video.id}?dnt=1`,
          title,
          loading: "lazy",
          allow: "encrypted-media; picture-in-picture; fullscreen",
          referrerPolicy: "strict-origin-when-cross-origin",
        });
  return el("figure", { className: ["video"] }, [
    el("div", { className: ["video__frame"] }, [player]),
    el("figcaption", {}, [el("a", { href: src, rel: ["noopener", "noreferrer"] }, [text(`${title} – ${labels.openVideo}`)])]),
  ]);
}
