// Allowlist HTML sanitiser for merchant rich text (shop decoration). Pure and dependency-free, so
// the same function runs on the server (on save and on render) and in the browser (editor preview).
//
// It never passes input through: it tokenises the input and re-serialises only allowlisted tags with
// allowlisted attributes; every text run and attribute value is escaped by us. Content of dangerous
// elements (script, style, iframe, svg, ...) is dropped whole; other unknown tags are dropped but
// their text is kept. URLs are checked after decoding entities and removing whitespace/control
// characters, so "jav&#x09;ascript:" and friends are caught.

const ALLOWED_TAGS = new Set(["p", "br", "strong", "em", "b", "i", "u", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "a", "img"]);
const VOID_TAGS = new Set(["br", "img"]);
/** Elements whose whole content is dropped with them. */
const DROP_CONTENT = new Set([
  "script",
  "style",
  "iframe",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "template",
  "noscript",
  "noembed",
  "noframes",
  "frameset",
  "frame",
  "textarea",
  "title",
  "select",
  "xmp",
  "plaintext",
  "head",
]);
const MAX_DEPTH = 32;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  tab: "\t",
  newline: "\n",
  colon: ":",
  sol: "/",
  lpar: "(",
  rpar: ")",
  period: ".",
  comma: ",",
  semi: ";",
  num: "#",
  excl: "!",
  quest: "?",
  equals: "=",
  plus: "+",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  middot: "·",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  copy: "©",
  reg: "®",
  yen: "¥",
  times: "×",
};

/** Decodes character references (named, decimal, hex; with or without the trailing ";"). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (m, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[body.toLowerCase()];
    return named ?? m;
  });
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Removes whitespace and control characters anywhere (browsers ignore them inside a URL scheme). */
function squash(url: string): string {
   
  return url.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]/g, "");
}

/**
 * A safe link target, or null: http(s) URLs, or relative paths ("/x", "./x", "#x", "x?y") with no
 * scheme. Protocol-relative "//host" is refused (it is an external link in disguise).
 */
export function safeLinkUrl(raw: string): string | null {
  const url = decodeEntities(raw).trim();
  if (!url) return null;
  const probe = squash(url).toLowerCase();
  if (/^https?:\/\//.test(probe)) return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : null;
  if (probe.startsWith("//") || probe.startsWith("\\") || probe.startsWith("/\\")) return null;
  // Anything with a ":" before the first "/", "?" or "#" is a scheme (javascript:, data:, vbscript:...).
  const firstDelim = probe.search(/[/?#]/);
  const head = firstDelim === -1 ? probe : probe.slice(0, firstDelim);
  if (head.includes(":")) return null;
  if (/[\s"'<>`]/.test(url)) return null;
  return url;
}

/** A safe image source, or null: our own /media/ paths or https URLs. */
export function safeImageUrl(raw: string): string | null {
  const url = decodeEntities(raw).trim();
  if (/[\s"'<>`\\]/.test(url)) return null;
  if (/^\/media\/[A-Za-z0-9._~\-/]+$/.test(url) && !url.includes("..")) return url;
  if (/^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[^\s]*)?$/i.test(url)) return url;
  return null;
}

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attrs: Array<[string, string]>;
}

/** Parses one tag starting at `<`; returns the tag and the index after it, or null if it is not a tag. */
function parseTag(html: string, start: number): { tag: Tag; end: number } | null {
  let i = start + 1;
  let closing = false;
  if (html[i] === "/") {
    closing = true;
    i++;
  }
  const nameMatch = /^[A-Za-z][A-Za-z0-9:-]*/.exec(html.slice(i, i + 64));
  if (!nameMatch) return null;
  const name = nameMatch[0].toLowerCase();
  i += nameMatch[0].length;
  const attrs: Array<[string, string]> = [];
  let selfClosing = false;
  const n = html.length;
  while (i < n) {
    const c = html[i]!;
    if (c === ">") return { tag: { name, closing, selfClosing, attrs }, end: i + 1 };
    if (/[\s/]/.test(c)) {
      if (c === "/" && html[i + 1] === ">") selfClosing = true;
      i++;
      continue;
    }
    // Attribute name: up to whitespace, "/", ">" or "=".
    let j = i;
    while (j < n && !/[\s/>=]/.test(html[j]!)) j++;
    if (j === i) j = i + 1; // a stray "=": skip it
    const attrName = html.slice(i, j).toLowerCase();
    i = j;
    while (i < n && /\s/.test(html[i]!)) i++;
    let value = "";
    if (html[i] === "=") {
      i++;
      while (i < n && /\s/.test(html[i]!)) i++;
      const q = html[i];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, i + 1);
        if (close === -1) return { tag: { name, closing, selfClosing, attrs }, end: n };
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        let k = i;
        while (k < n && !/[\s>]/.test(html[k]!)) k++;
        value = html.slice(i, k);
        i = k;
      }
    }
    if (attrName && attrName !== "=") attrs.push([attrName, value]);
  }
  // Unterminated tag: the rest of the input is swallowed (as a browser would).
  return { tag: { name, closing, selfClosing, attrs }, end: n };
}

function renderOpenTag(tag: Tag): string | null {
  const out: string[] = [tag.name];
  if (tag.name === "a") {
    const href = tag.attrs.find(([k]) => k === "href");
    const url = href ? safeLinkUrl(href[1]) : null;
    if (url) out.push(`href="${escapeAttr(url)}"`, 'rel="nofollow noopener noreferrer"', 'target="_blank"');
  } else if (tag.name === "img") {
    const src = tag.attrs.find(([k]) => k === "src");
    const url = src ? safeImageUrl(src[1]) : null;
    if (!url) return null; // an image without a safe source is dropped
    out.push(`src="${escapeAttr(url)}"`);
    const alt = tag.attrs.find(([k]) => k === "alt");
    out.push(`alt="${escapeAttr(decodeEntities(alt?.[1] ?? "").slice(0, 300))}"`);
    out.push('loading="lazy"');
  }
  return `<${out.join(" ")}>`;
}

/** Sanitises merchant HTML to the allowlist. Idempotent: sanitize(sanitize(x)) === sanitize(x). */
export function sanitizeHtml(input: string): string {
  const html = input.replace(/\r\n?/g, "\n");
  const out: string[] = [];
  const stack: string[] = [];
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf("<", i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) out.push(escapeText(decodeEntities(html.slice(i, textEnd))));
    if (lt === -1) break;
    i = lt;
    // Comments, doctype, CDATA, processing instructions: dropped.
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (html[i + 1] === "!" || html[i + 1] === "?") {
      const end = html.indexOf(">", i);
      i = end === -1 ? n : end + 1;
      continue;
    }
    const parsed = parseTag(html, i);
    if (!parsed) {
      out.push("&lt;");
      i++;
      continue;
    }
    const { tag, end } = parsed;
    i = end;
    if (DROP_CONTENT.has(tag.name)) {
      if (tag.closing || tag.selfClosing) continue;
      // Skip to the matching close tag (case-insensitive); none → drop the rest.
      const re = new RegExp(`</${tag.name}[\\s/>]`, "i");
      const m = re.exec(html.slice(i));
      if (!m) {
        i = n;
        break;
      }
      const closeEnd = html.indexOf(">", i + m.index);
      i = closeEnd === -1 ? n : closeEnd + 1;
      continue;
    }
    if (!ALLOWED_TAGS.has(tag.name)) continue;
    if (tag.closing) {
      if (VOID_TAGS.has(tag.name)) continue;
      const at = stack.lastIndexOf(tag.name);
      if (at === -1) continue; // stray close tag
      while (stack.length > at) out.push(`</${stack.pop()}>`);
      continue;
    }
    const open = renderOpenTag(tag);
    if (!open) continue;
    if (VOID_TAGS.has(tag.name)) {
      out.push(open);
      continue;
    }
    if (stack.length >= MAX_DEPTH) continue;
    // No links inside links.
    if (tag.name === "a" && stack.includes("a")) continue;
    out.push(open);
    stack.push(tag.name);
  }
  while (stack.length) out.push(`</${stack.pop()}>`);
  return out.join("");
}

/** Visible text of sanitised HTML (for length checks and previews). */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
}
