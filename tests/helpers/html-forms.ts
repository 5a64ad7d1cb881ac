// Links and post forms read out of our own server-rendered pages. React
// writes attributes one way only (double quotes, entities escaped), so a few
// regular expressions read them reliably; this is not a general HTML parser.

export type FoundForm = {
  /** Absolute URL the form posts to (a button's formaction wins). */
  action: string;
  multipart: boolean;
  /** Field name → value, as the browser would send them (files left out). */
  fields: [string, string][];
  /** Names of file inputs. */
  files: string[];
};

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", nbsp: "\u00a0" };

function decode(text: string) {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (ENTITIES[name.toLowerCase()]) return ENTITIES[name.toLowerCase()] ?? whole;
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z-:]+)(?:="([^"]*)")?/g)) {
    const [, name, value] = match;
    if (name) found.set(name.toLowerCase(), decode(value ?? ""));
  }
  return found;
}

/** Same-origin links of a page, as absolute URLs without their fragment. */
export function linksOf(html: string, pageUrl: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/<a\b([^>]*)>/g)) {
    const href = attributes(match[1] ?? "").get("href");
    if (!href || href.startsWith("#") || /^(mailto|tel|javascript):/i.test(href)) continue;
    const url = new URL(href, pageUrl);
    if (url.origin !== new URL(pageUrl).origin) continue;
    url.hash = "";
    links.push(url.href);
  }
  return links;
}

/** Every `method="post"` form of a page, once per named submit button. */
export function postFormsOf(html: string, pageUrl: string): FoundForm[] {
  const forms: FoundForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const formAttributes = attributes(match[1] ?? "");
    if ((formAttributes.get("method") ?? "get").toLowerCase() !== "post") continue;
    const body = match[2] ?? "";
    const action = new URL(formAttributes.get("action") || pageUrl, pageUrl).href;
    const multipart = formAttributes.get("enctype") === "multipart/form-data";
    const fields: [string, string][] = [];
    const files: string[] = [];
    const radios = new Map<string, string>();
    const buttons: { name?: string; value: string; formaction?: string }[] = [];

    for (const tag of body.matchAll(/<button\b([^>]*)>/g)) {
      const attrs = attributes(tag[1] ?? "");
      if (attrs.has("disabled") || (attrs.get("type") ?? "submit") !== "submit") continue;
      buttons.push({ name: attrs.get("name"), value: attrs.get("value") ?? "", formaction: attrs.get("formaction") });
    }
    for (const tag of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const attrs = attributes(tag[1] ?? "");
      const name = attrs.get("name");
      if (name && !attrs.has("disabled")) fields.push([name, decode(tag[2] ?? "")]);
    }
    for (const tag of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const attrs = attributes(tag[1] ?? "");
      const name = attrs.get("name");
      if (!name || attrs.has("disabled")) continue;
      const options = [...(tag[2] ?? "").matchAll(/<option\b([^>]*)>([^<]*)/g)].map((option) => {
        const optionAttributes = attributes(option[1] ?? "");
        return { value: optionAttributes.get("value") ?? decode(option[2] ?? ""), selected: optionAttributes.has("selected") };
      });
      const chosen = options.find((option) => option.selected) ?? options[0];
      if (chosen) fields.push([name, chosen.value]);
    }
    for (const tag of body.matchAll(/<input\b([^>]*)>/g)) {
      const attrs = attributes(tag[1] ?? "");
      const name = attrs.get("name");
      if (!name || attrs.has("disabled")) continue;
      const type = (attrs.get("type") ?? "text").toLowerCase();
      const value = attrs.get("value") ?? (type === "checkbox" || type === "radio" ? "on" : "");
      if (type === "file") files.push(name);
      else if (type === "submit") buttons.push({ name, value, formaction: attrs.get("formaction") });
      else if (type === "radio") {
        if (attrs.has("checked") || !radios.has(name)) radios.set(name, value);
      } else if (type === "checkbox") {
        if (attrs.has("checked")) fields.push([name, value]);
      } else if (type !== "reset" && type !== "image") fields.push([name, value]);
    }
    fields.push(...radios);
    const variants = buttons.length ? buttons : [{ value: "" }];
    for (const button of variants) {
      forms.push({
        action: button.formaction ? new URL(button.formaction, pageUrl).href : action,
        multipart,
        fields: button.name ? [...fields, [button.name, button.value]] : [...fields],
        files,
      });
    }
  }
  return forms;
}
