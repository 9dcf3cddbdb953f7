// Generated catalog art: flat-vector SVG illustrations for products, shops, creators, categories and
// campaign banners, drawn locally and deterministically from a key. No network, no fonts: every
// picture is made of shapes only (a fresh machine may have no CJK fonts), and nothing from the key is
// ever written into the SVG — the key only selects and seeds the drawing.
//
// Key grammar (the URL path after `/media/art/`; `.png` is served by the route, rendered from the SVG):
//   product/<artKey>/<seed>.svg        800×800 product shot of the category's object
//   shop-logo/<seed>.svg               400×400 geometric mark
//   shop-banner/<seed>.svg             1600×500 decorative banner
//   shop-banner/<artKey>/<seed>.svg    1600×500 banner featuring the shop's goods
//   avatar/<seed>.svg                  400×400 friendly abstract face
//   category/<artKey>.svg              160×160 icon tile
//   banner/<seed>.svg                  1600×600 campaign hero (left side kept calm for overlaid text)
import { hashString, Random } from "@/server/lib/random";

// ───────────────────────────── key grammar ─────────────────────────────

const ART_KEY_RE = "[a-z][a-z0-9-]{0,31}";
const SEED_RE = "[A-Za-z0-9][A-Za-z0-9_-]{0,47}";

export type ArtFormat = "svg" | "png";

export type ArtRequest =
  | { kind: "product"; artKey: ArtKey; seed: string }
  | { kind: "shop-logo"; seed: string }
  | { kind: "shop-banner"; artKey: ArtKey | null; seed: string }
  | { kind: "avatar"; seed: string }
  | { kind: "category"; artKey: ArtKey }
  | { kind: "banner"; seed: string };

const PATTERNS: Array<[RegExp, (m: RegExpMatchArray) => ArtRequest | null]> = [
  [new RegExp(`^product/(${ART_KEY_RE})/(${SEED_RE})$`), (m) => (isArtKey(m[1]) ? { kind: "product", artKey: m[1], seed: m[2] } : null)],
  [new RegExp(`^shop-logo/(${SEED_RE})$`), (m) => ({ kind: "shop-logo", seed: m[1] })],
  [new RegExp(`^shop-banner/(${ART_KEY_RE})/(${SEED_RE})$`), (m) => (isArtKey(m[1]) ? { kind: "shop-banner", artKey: m[1], seed: m[2] } : null)],
  [new RegExp(`^shop-banner/(${SEED_RE})$`), (m) => ({ kind: "shop-banner", artKey: null, seed: m[1] })],
  [new RegExp(`^avatar/(${SEED_RE})$`), (m) => ({ kind: "avatar", seed: m[1] })],
  [new RegExp(`^category/(${ART_KEY_RE})$`), (m) => (isArtKey(m[1]) ? { kind: "category", artKey: m[1] } : null)],
  [new RegExp(`^banner/(${SEED_RE})$`), (m) => ({ kind: "banner", seed: m[1] })],
];

/**
 * Parses a key such as `product/kettle/p12-1.png`. Returns null unless the whole key matches the
 * allowlist grammar (so `..`, slashes in seeds, markup and unknown art keys never get through).
 */
export function parseArtKey(key: string): { request: ArtRequest; format: ArtFormat; canonical: string } | null {
  if (key.length > 160) return null;
  const ext = /\.(svg|png)$/.exec(key);
  if (!ext) return null;
  const body = key.slice(0, -ext[0].length);
  for (const [re, build] of PATTERNS) {
    const m = body.match(re);
    if (!m) continue;
    const request = build(m);
    return request ? { request, format: ext[1] as ArtFormat, canonical: body } : null;
  }
  return null;
}

/** Renders the SVG for a key ending in `.svg` or `.png` (same drawing); null for invalid keys. */
export function renderArtSvg(key: string): string | null {
  const parsed = parseArtKey(key);
  return parsed ? renderRequest(parsed.request) : null;
}

export function renderRequest(req: ArtRequest): string {
  switch (req.kind) {
    case "product":
      return productSvg(req.artKey, req.seed);
    case "shop-logo":
      return shopLogoSvg(req.seed);
    case "shop-banner":
      return shopBannerSvg(req.seed, req.artKey);
    case "avatar":
      return avatarSvg(req.seed);
    case "category":
      return categoryIconSvg(req.artKey);
    case "banner":
      return bannerSvg(req.seed);
  }
}

// ───────────────────────────── URL helpers ─────────────────────────────

export const ART_BASE_PATH = "/media/art";

/** Bump when drawings change, so caches of rendered PNGs (keyed by this version) are rebuilt. */
export const ART_VERSION = 1;

/** Unknown art keys fall back to the generic parcel so a new category still gets a picture. */
function safeArtKey(artKey: string): ArtKey {
  return isArtKey(artKey) ? artKey : "box";
}

function safeSeed(seed: string): string {
  if (new RegExp(`^${SEED_RE}$`).test(seed)) return seed;
  // Not a valid seed: hash it into one, so the helper never builds a URL the route would refuse.
  return `h${hashString(seed).toString(36)}`;
}

export function productArtUrl(artKey: string, seed: string, format: ArtFormat = "svg"): string {
  return `${ART_BASE_PATH}/product/${safeArtKey(artKey)}/${safeSeed(seed)}.${format}`;
}
export function shopLogoUrl(seed: string, format: ArtFormat = "svg"): string {
  return `${ART_BASE_PATH}/shop-logo/${safeSeed(seed)}.${format}`;
}
export function shopBannerUrl(seed: string, artKey?: string, format: ArtFormat = "svg"): string {
  const motif = artKey ? `${safeArtKey(artKey)}/` : "";
  return `${ART_BASE_PATH}/shop-banner/${motif}${safeSeed(seed)}.${format}`;
}
export function avatarUrl(seed: string, format: ArtFormat = "svg"): string {
  return `${ART_BASE_PATH}/avatar/${safeSeed(seed)}.${format}`;
}
export function categoryIconUrl(artKey: string, format: ArtFormat = "svg"): string {
  return `${ART_BASE_PATH}/category/${safeArtKey(artKey)}.${format}`;
}
export function bannerUrl(seed: string, format: ArtFormat = "svg"): string {
  return `${ART_BASE_PATH}/banner/${safeSeed(seed)}.${format}`;
}

/** The brand colour a shop logo with this seed is drawn in, so shop pages can match their logo. */
export function shopThemeColor(seed: string): string {
  return logoColors(new Random(`logo:${seed}`)).main;
}

// ───────────────────────────── colour ─────────────────────────────

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex(r: number, g: number, b: number): string {
  const h = (v: number) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, "0");
  return `#${h(r)}${h(g)}${h(b)}`;
}

function hsl(h: number, s: number, l: number): string {
  const hue = (((h % 360) + 360) % 360) / 360;
  const sat = clamp01(s / 100);
  const lig = clamp01(l / 100);
  const q = lig < 0.5 ? lig * (1 + sat) : lig + sat - lig * sat;
  const p = 2 * lig - q;
  const channel = (t: number) => {
    let x = t;
    if (x < 0) x += 1;
    if (x > 1) x -= 1;
    if (x < 1 / 6) return p + (q - p) * 6 * x;
    if (x < 1 / 2) return q;
    if (x < 2 / 3) return p + (q - p) * (2 / 3 - x) * 6;
    return p;
  };
  return rgbToHex(channel(hue + 1 / 3) * 255, channel(hue) * 255, channel(hue - 1 / 3) * 255);
}

function mix(a: string, b: string, t: number): string {
  const [r1, g1, b1] = hexToRgb(a);
  const [r2, g2, b2] = hexToRgb(b);
  return rgbToHex(r1 + (r2 - r1) * t, g1 + (g2 - g1) * t, b1 + (b2 - b1) * t);
}

const INK = "#2b2d42";
const WHITE = "#ffffff";

function lighten(c: string, t: number): string {
  return mix(c, WHITE, t);
}
function darken(c: string, t: number): string {
  return mix(c, "#1b1b2f", t);
}
function luminance(c: string): number {
  const [r, g, b] = hexToRgb(c);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** Finishes a manufactured object may come in: the colourways of a catalog. */
const FINISHES = [
  "#f25f5c", // coral
  "#ff8fab", // blush pink
  "#ffb400", // mustard
  "#5fa8d3", // sky
  "#1b4965", // navy
  "#6a994e", // sage
  "#2a9d8f", // teal
  "#9b5de5", // violet
  "#f4f1ea", // cream
  "#33353f", // graphite
  "#e76f51", // terracotta
  "#b5838d", // mauve
  "#7f8c8d", // stone grey
  "#e63946", // red
] as const;

interface Palette {
  /** The object's main finish. */
  main: string;
  /** A contrasting accent for trims and details. */
  accent: string;
  /** Background top and bottom. */
  bgA: string;
  bgB: string;
  /** Colour for background patterns and backdrops. */
  pattern: string;
  hue: number;
}

function productPalette(rng: Random): Palette {
  const main: string = rng.pick(FINISHES);
  let accent: string = rng.pick(FINISHES);
  if (accent === main) accent = luminance(main) > 0.6 ? INK : "#f4f1ea";
  const hue = rng.range(0, 360);
  // Pale finishes need a deeper background to stand out; bold ones sit on a pastel.
  const pale = luminance(main) > 0.75;
  const bgA = pale ? hsl(hue, 45, 78) : hsl(hue, 70, 93);
  const bgB = pale ? hsl(hue + 25, 50, 68) : hsl(hue + 25, 65, 84);
  return { main, accent, bgA, bgB, pattern: pale ? hsl(hue, 40, 88) : WHITE, hue };
}

// ───────────────────────────── svg helpers ─────────────────────────────

/** Rounds coordinates so the markup stays small and byte-identical across runs. */
function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}

function svgDoc(w: number, h: number, defs: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    (defs ? `<defs>${defs}</defs>` : "") +
    body +
    `</svg>`
  );
}

function linear(id: string, a: string, b: string, vertical = true): string {
  const dir = vertical ? `x1="0" y1="0" x2="0" y2="1"` : `x1="0" y1="0" x2="1" y2="1"`;
  return `<linearGradient id="${id}" ${dir}><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient>`;
}

function radial(id: string, a: string, b: string, opacityB = 1): string {
  return `<radialGradient id="${id}" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}" stop-opacity="${opacityB}"/></radialGradient>`;
}

/** A four-pointed sparkle centred at (x, y). */
function sparkle(x: number, y: number, r: number, fill: string, opacity = 1): string {
  const k = r * 0.22;
  return `<path d="M${n(x)} ${n(y - r)}Q${n(x + k)} ${n(y - k)} ${n(x + r)} ${n(y)}Q${n(x + k)} ${n(y + k)} ${n(x)} ${n(y + r)}Q${n(x - k)} ${n(y + k)} ${n(x - r)} ${n(y)}Q${n(x - k)} ${n(y - k)} ${n(x)} ${n(y - r)}Z" fill="${fill}" opacity="${opacity}"/>`;
}

/** A leaf with a midrib, pointing along `angle` degrees. */
function leaf(x: number, y: number, len: number, angle: number, fill: string): string {
  const w = len * 0.42;
  return (
    `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})">` +
    `<path d="M0 0C${n(len * 0.3)} ${n(-w)} ${n(len * 0.8)} ${n(-w * 0.7)} ${n(len)} 0C${n(len * 0.8)} ${n(w * 0.7)} ${n(len * 0.3)} ${n(w)} 0 0Z" fill="${fill}"/>` +
    `<path d="M${n(len * 0.08)} 0L${n(len * 0.85)} 0" stroke="${darken(fill, 0.25)}" stroke-width="${n(Math.max(2, len * 0.04))}" stroke-linecap="round" opacity="0.6"/>` +
    `</g>`
  );
}

function roundRect(x: number, y: number, w: number, h: number, r: number, fill: string, extra = ""): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(r)}" fill="${fill}"${extra}/>`;
}

function circle(x: number, y: number, r: number, fill: string, extra = ""): string {
  return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}"${extra}/>`;
}

function ellipse(x: number, y: number, rx: number, ry: number, fill: string, extra = ""): string {
  return `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(rx)}" ry="${n(ry)}" fill="${fill}"${extra}/>`;
}

function path(d: string, fill: string, extra = ""): string {
  return `<path d="${d}" fill="${fill}"${extra}/>`;
}

function stroke(d: string, color: string, width: number, extra = ""): string {
  const caps = extra.includes("stroke-linecap") ? "" : ` stroke-linecap="round" stroke-linejoin="round"`;
  return `<path d="${d}" fill="none" stroke="${color}" stroke-width="${n(width)}"${caps}${extra}/>`;
}

// ───────────────────────────── object illustrations ─────────────────────────────
//
// Every object is drawn in a local 400×400 box centred on (0, 0) and standing on the line y = 200,
// lit from the upper left. A painter returns its markup, the half-width of its footprint (for the
// floor shadow) and the kinds of small props that suit it.

interface ObjectArt {
  svg: string;
  /** Half-width of the part touching the floor, for the contact shadow. */
  foot: number;
  props: PropKind[];
}

type Painter = (rng: Random, p: Palette) => ObjectArt;

const kettle: Painter = (rng, p) => {
  const body = p.main;
  const trim = luminance(body) > 0.6 ? INK : darken(body, 0.35);
  const glassy = rng.chance(0.5);
  const spout = `M-96 -50L-168 -92Q-174 -96 -172 -86L-156 -52Q-150 -40 -100 -8Z`;
  const shape = `M-118 150L-96 -78Q-92 -104 -66 -104L66 -104Q92 -104 96 -78L118 150Z`;
  return {
    foot: 140,
    props: ["steam", "sparkle", "dot"],
    svg:
      path(spout, body) +
      path(spout, "#1b1b2f", ` opacity="0.12"`) +
      stroke(`M92 -72C196 -72 196 128 114 128`, trim, 30) +
      path(shape, body) +
      path(`M40 -104L66 -104Q92 -104 96 -78L118 150L70 150Z`, "#1b1b2f", ` opacity="0.1"`) +
      (glassy
        ? roundRect(-54, -64, 108, 170, 20, lighten(p.accent, 0.55)) +
          roundRect(-54, 26, 108, 80, 20, lighten("#5fa8d3", 0.35)) +
          roundRect(-40, -52, 14, 120, 7, WHITE, ` opacity="0.6"`)
        : roundRect(-84, -74, 18, 200, 9, WHITE, ` opacity="0.35"`) + circle(40, 40, 16, lighten(body, 0.3), ` opacity="0.8"`)) +
      roundRect(-86, -132, 172, 34, 16, trim) +
      roundRect(-24, -156, 48, 28, 12, darken(trim, 0.1)) +
      roundRect(-138, 144, 276, 56, 24, trim) +
      roundRect(-122, 154, 70, 10, 5, WHITE, ` opacity="0.25"`) +
      circle(88, 172, 8, glassy ? "#4ade80" : p.accent),
  };
};

const headphones: Painter = (rng, p) => {
  const c = p.main;
  const pad = luminance(c) > 0.6 ? INK : darken(c, 0.45);
  const cup = (sx: number) =>
    `<g transform="scale(${sx} 1)">` +
    roundRect(-182, -6, 86, 168, 40, c) +
    roundRect(-140, -6, 44, 168, 22, "#1b1b2f", ` opacity="0.12"`) +
    roundRect(-112, 8, 38, 140, 18, pad) +
    roundRect(-168, 18, 14, 96, 7, WHITE, ` opacity="0.35"`) +
    roundRect(-156, -36, 22, 44, 8, darken(c, 0.2)) +
    `</g>`;
  const accentRing = rng.chance(0.5) ? circle(-150, 76, 14, lighten(c, 0.3)) + circle(150, 76, 14, lighten(c, 0.3)) : "";
  return {
    foot: 150,
    props: ["wave", "sparkle", "note"],
    svg:
      stroke(`M-145 -20C-150 -210 150 -210 145 -20`, darken(c, 0.25), 36) +
      stroke(`M-145 -20C-150 -210 150 -210 145 -20`, c, 24) +
      stroke(`M-100 -150C-60 -182 0 -186 30 -182`, WHITE, 8, ` opacity="0.45"`) +
      cup(1) +
      cup(-1) +
      accentRing,
  };
};

const earbuds: Painter = (rng, p) => {
  const caseFill = rng.pick(["#f4f1ea", "#f4f1ea", "#33353f", p.main]);
  const budFill = luminance(caseFill) > 0.6 ? "#fbfbfd" : caseFill;
  const tip = luminance(budFill) > 0.6 ? "#c9ced6" : darken(budFill, 0.4);
  // One bud in side view: rounded head, silicone ear tip pointing left, stem hanging down.
  const bud = (x: number, y: number, angle: number) =>
    `<g transform="translate(${x} ${y}) rotate(${angle})">` +
    roundRect(-4, 6, 30, 128, 15, budFill) +
    roundRect(12, 6, 14, 128, 7, "#1b1b2f", ` opacity="0.1"`) +
    roundRect(-2, 118, 26, 16, 8, "#c0c4cc") +
    ellipse(-48, -6, 24, 28, tip) +
    ellipse(-52, -6, 10, 16, darken(tip, 0.25)) +
    circle(0, 0, 46, budFill) +
    path(`M20 -40A46 46 0 0 1 20 40Q40 0 20 -40Z`, "#1b1b2f", ` opacity="0.1"`) +
    circle(-14, -16, 12, WHITE, ` opacity="0.7"`) +
    roundRect(10, 18, 22, 10, 5, "#33353f", ` opacity="0.6"`) +
    `</g>`;
  return {
    foot: 170,
    props: ["wave", "sparkle", "note"],
    svg:
      roundRect(-170, 30, 230, 170, 64, caseFill) +
      roundRect(-170, 96, 230, 104, 52, "#1b1b2f", ` opacity="0.07"`) +
      stroke(`M-168 96H58`, darken(caseFill, 0.18), 4) +
      roundRect(-140, 48, 90, 14, 7, WHITE, ` opacity="0.5"`) +
      circle(-55, 140, 7, "#4ade80") +
      bud(70, -96, -14) +
      bud(140, -20, 8),
  };
};

const tshirt: Painter = (rng, p) => {
  const c = p.main;
  const shirt = `M-66 -172Q0 -140 66 -172L168 -120Q176 -116 173 -108L140 -26Q136 -18 128 -22L96 -38L96 186Q96 196 86 196L-86 196Q-96 196 -96 186L-96 -38L-128 -22Q-136 -18 -140 -26L-173 -108Q-176 -116 -168 -120Z`;
  const print = rng.int(0, 3);
  const art =
    print === 0
      ? circle(0, 10, 46, p.accent) + path(`M-46 10A46 46 0 0 0 46 10Z`, darken(p.accent, 0.2))
      : print === 1
        ? roundRect(-96, -10, 192, 26, 0, p.accent) + roundRect(-96, 30, 192, 14, 0, lighten(p.accent, 0.3))
        : print === 2
          ? roundRect(34, -40, 40, 46, 8, darken(c, 0.12)) + roundRect(34, -40, 40, 10, 4, darken(c, 0.2))
          : path(`M-40 40L0 -30L40 40Z`, p.accent) + circle(22, -20, 14, lighten(p.accent, 0.4));
  return {
    foot: 110,
    props: ["sparkle", "dot", "hanger"],
    svg:
      path(shirt, c) +
      path(`M0 -150Q40 -150 66 -172L168 -120L140 -26L96 -38L96 196L0 196Z`, "#1b1b2f", ` opacity="0.08"`) +
      stroke(`M-66 -172Q0 -118 66 -172`, darken(c, 0.18), 12) +
      stroke(`M-150 -60L-118 -46`, darken(c, 0.15), 5) +
      stroke(`M150 -60L118 -46`, darken(c, 0.15), 5) +
      art +
      roundRect(-80, -110, 14, 110, 7, WHITE, ` opacity="0.25"`),
  };
};

const sneaker: Painter = (rng, p) => {
  const c = p.main;
  const sole = rng.pick(["#f8f5ef", "#f8f5ef", "#33353f", "#e9c46a"]);
  // Low-top runner in profile, heel on the left, toe on the right.
  const upper = `M-186 146C-190 90 -188 44 -174 26C-162 12 -132 20 -106 28C-86 34 -72 20 -60 -4C-54 -16 -40 -20 -30 -12C6 20 58 56 120 76C172 92 198 112 198 146Z`;
  const laces = [0, 1, 2, 3]
    .map((i) => {
      const x = -34 + i * 30;
      const y = -6 + i * 20;
      return stroke(`M${x - 10} ${y - 10}L${x + 14} ${y + 8}`, WHITE, 8);
    })
    .join("");
  return {
    foot: 195,
    props: ["sparkle", "dot", "speed"],
    svg:
      path(`M-62 -2C-60 -30 -46 -44 -30 -38L-12 -28C-22 -14 -30 -4 -40 8Z`, darken(c, 0.12)) +
      path(upper, c) +
      path(`M-186 146C-190 90 -188 44 -174 26C-164 16 -150 16 -136 20C-150 60 -146 110 -136 146Z`, darken(c, 0.18)) +
      path(`M96 68C160 86 198 110 198 146L120 146C120 110 110 86 96 68Z`, lighten(c, 0.2)) +
      path(`M-170 110C-100 60 -20 50 70 96C20 112 -60 120 -170 126Z`, p.accent) +
      path(`M-168 30C-150 20 -126 26 -104 32C-88 36 -76 28 -66 12C-70 30 -84 44 -104 44C-130 42 -150 36 -168 30Z`, darken(c, 0.45)) +
      laces +
      roundRect(-200, 138, 404, 38, 19, sole) +
      roundRect(-200, 164, 404, 30, 15, darken(sole, 0.14)) +
      stroke(`M-170 152L170 152`, darken(sole, 0.22), 4, ` stroke-dasharray="14 12"`) +
      roundRect(-178, 40, 12, 76, 6, WHITE, ` opacity="0.3"`),
  };
};

const LIP_SHADES = ["#d62839", "#e5383b", "#c9184a", "#e56b6f", "#b5654a", "#9d0208", "#ff6392", "#c47b6b"] as const;

const lipstick: Painter = (rng, p) => {
  const shade = rng.pick(LIP_SHADES);
  const tube = rng.pick([p.main, "#d4a373", "#33353f", "#e9c46a"]);
  const metal = rng.pick(["#e9c46a", "#d9d9d9", "#c9a66b"]);
  const stick = (x: number, tilt: number, s: number) =>
    `<g transform="translate(${x} 0) rotate(${tilt}) scale(${s})">` +
    path(`M-34 -20L-34 -120Q-34 -138 -18 -146L34 -176L34 -20Z`, shade) +
    path(`M10 -162L34 -176L34 -20L10 -20Z`, "#1b1b2f", ` opacity="0.15"`) +
    roundRect(-26, -130, 10, 90, 5, WHITE, ` opacity="0.35"`) +
    roundRect(-46, -24, 92, 40, 6, metal) +
    roundRect(-54, 12, 108, 188, 12, tube) +
    roundRect(10, 12, 44, 188, 12, "#1b1b2f", ` opacity="0.12"`) +
    roundRect(-42, 26, 14, 160, 7, WHITE, ` opacity="0.3"`) +
    `</g>`;
  const cap =
    `<g transform="translate(118 150) rotate(-90)">` +
    roundRect(-50, -56, 100, 130, 14, tube) +
    roundRect(-50, 50, 100, 24, 8, metal) +
    roundRect(-38, -44, 14, 90, 7, WHITE, ` opacity="0.3"`) +
    `</g>`;
  return {
    foot: 170,
    props: ["sparkle", "heart", "dot"],
    svg: stick(-40, 0, 1) + cap + ellipse(120, 194, 70, 6, "#1b1b2f", ` opacity="0.08"`),
  };
};

const skincare: Painter = (rng, p) => {
  const c = p.main;
  const glass = rng.pick(["#f4f1ea", "#fbe3e8", "#dfe9f5", "#e6f2e6", c]);
  const label = luminance(glass) > 0.7 ? p.accent : WHITE;
  const dropper = rng.chance(0.45);
  const bottle = dropper
    ? roundRect(-70, -30, 140, 230, 30, glass) +
      roundRect(-70, 60, 140, 140, 30, lighten(p.accent, 0.55), ` opacity="0.75"`) +
      roundRect(-28, -74, 56, 50, 8, c) +
      path(`M-24 -74L-24 -150Q-24 -176 0 -176Q24 -176 24 -150L24 -74Z`, darken(c, 0.25))
    : roundRect(-72, -90, 144, 290, 34, glass) +
      roundRect(-22, -124, 44, 38, 6, c) +
      roundRect(-30, -160, 60, 40, 10, c) +
      roundRect(24, -156, 60, 16, 8, c);
  return {
    foot: 175,
    props: ["bubble", "sparkle", "drop"],
    svg:
      bottle +
      roundRect(20, dropper ? -30 : -90, 52, dropper ? 230 : 290, 30, "#1b1b2f", ` opacity="0.08"`) +
      roundRect(-50, 20, 100, 90, 10, label, ` opacity="0.9"`) +
      roundRect(-30, 46, 60, 10, 5, darken(label, 0.35)) +
      roundRect(-22, 70, 44, 8, 4, darken(label, 0.2)) +
      roundRect(-58, dropper ? -10 : -70, 14, 150, 7, WHITE, ` opacity="0.5"`) +
      // A jar beside the bottle.
      roundRect(70, 112, 124, 88, 24, lighten(c, 0.2)) +
      roundRect(66, 92, 132, 36, 12, c) +
      roundRect(150, 112, 44, 88, 24, "#1b1b2f", ` opacity="0.08"`) +
      roundRect(84, 130, 12, 54, 6, WHITE, ` opacity="0.4"`),
  };
};

/** What stands behind the cup: a paper-wrapped Pu'er cake, a tea caddy (on the free side), or nothing. */
function teaBackdrop(rng: Random, p: Palette, side: 1 | -1): string {
  const kind = rng.pick(["cake", "caddy", "none"] as const);
  if (kind === "cake") {
    const paper = rng.pick(["#efe6d2", "#f4ecdc", "#e9dcc0"]);
    const stamp = rng.pick(["#c1121f", "#1b4965", "#6a994e"]);
    const folds = Array.from({ length: 12 }, (_, i) => {
      const a = (i * Math.PI) / 6;
      return `M${n(-10 + Math.cos(a) * 30)} ${n(-70 + Math.sin(a) * 30)}L${n(-10 + Math.cos(a) * 124)} ${n(-70 + Math.sin(a) * 124)}`;
    }).join("");
    return (
      circle(-10, -70, 130, darken(paper, 0.12)) +
      circle(-10, -76, 126, paper) +
      stroke(folds, darken(paper, 0.1), 3) +
      circle(-10, -76, 30, darken(paper, 0.06)) +
      roundRect(-60, -170, 60, 60, 10, stamp, ` opacity="0.85" transform="rotate(-8 -30 -140)"`) +
      roundRect(-50, -160, 40, 40, 6, "none", ` stroke="${paper}" stroke-width="5" transform="rotate(-8 -30 -140)"`)
    );
  }
  if (kind === "caddy") {
    const tin = rng.pick([p.accent, "#1b4965", "#6a994e", "#c1121f"]);
    const x = side > 0 ? 60 : -190;
    return (
      roundRect(x, -120, 130, 250, 16, tin) +
      roundRect(x + 90, -120, 40, 250, 14, "#1b1b2f", ` opacity="0.12"`) +
      roundRect(x - 6, -146, 142, 40, 12, darken(tin, 0.25)) +
      roundRect(x + 16, -60, 98, 110, 10, "#f4f1ea") +
      leaf(x + 40, 14, 58, -50, "#6a994e") +
      roundRect(x + 12, -100, 12, 200, 6, WHITE, ` opacity="0.3"`)
    );
  }
  return "";
}

const tea: Painter = (rng, p) => {
  const porcelain = rng.pick(["#f4f1ea", "#dfe9f5", "#e8f1ea", p.main]);
  const pattern = rng.pick(["#1b4965", "#2a9d8f", "#6a994e", "#b5838d"]);
  const liquor = rng.pick(["#d4a017", "#b7b42e", "#c8742e", "#8f3b1b"]);
  const gaiwan = rng.chance(0.5);
  const saucer = ellipse(0, 176, 176, 26, darken(porcelain, 0.08)) + ellipse(0, 170, 160, 20, porcelain);
  const cup = gaiwan
    ? path(`M-140 0L140 0Q132 130 30 158L-30 158Q-132 130 -140 0Z`, porcelain) +
      path(`M40 0L140 0Q132 130 30 158L10 158Q96 120 40 0Z`, "#1b1b2f", ` opacity="0.1"`) +
      ellipse(0, 0, 140, 26, darken(porcelain, 0.06)) +
      ellipse(0, 2, 124, 20, liquor) +
      stroke(`M-118 54Q0 84 118 54`, pattern, 6) +
      circle(-60, 98, 9, pattern) +
      circle(0, 110, 9, pattern) +
      circle(60, 98, 9, pattern) +
      // the lid leaning against the cup
      `<g transform="translate(96 -44) rotate(24)">` +
      path(`M-110 20Q-100 -50 0 -56Q100 -50 110 20Z`, porcelain) +
      roundRect(-24, -82, 48, 30, 12, porcelain) +
      path(`M30 -54Q100 -46 110 20L60 20Q60 -30 30 -54Z`, "#1b1b2f", ` opacity="0.1"`) +
      stroke(`M-90 -4Q0 -30 90 -4`, pattern, 5) +
      `</g>`
    : stroke(`M118 30C190 30 190 120 104 120`, darken(porcelain, 0.1), 22) +
      path(`M-130 -10L130 -10L112 130Q104 160 70 160L-70 160Q-104 160 -112 130Z`, porcelain) +
      path(`M40 -10L130 -10L112 130Q104 160 70 160L30 160Q90 110 40 -10Z`, "#1b1b2f", ` opacity="0.1"`) +
      ellipse(0, -10, 130, 22, darken(porcelain, 0.06)) +
      ellipse(0, -8, 116, 16, liquor) +
      roundRect(-130, 40, 260, 18, 0, pattern, ` opacity="0.85"`) +
      roundRect(-104, 6, 14, 110, 7, WHITE, ` opacity="0.45"`);
  return {
    foot: 176,
    props: ["steam", "tealeaf", "tealeaf"],
    svg: teaBackdrop(rng, p, gaiwan ? -1 : 1) + saucer + cup + leaf(-150, 190, 70, -160, "#6a994e") + leaf(-120, 196, 56, -200, "#8ab17d"),
  };
};

function orange(x: number, y: number, r: number): string {
  return (
    circle(x, y, r, "#f77f00") +
    path(`M${n(x + r * 0.2)} ${n(y - r * 0.98)}A${n(r)} ${n(r)} 0 0 1 ${n(x + r * 0.2)} ${n(y + r * 0.98)}A${n(r * 0.9)} ${n(r * 0.9)} 0 0 0 ${n(x + r * 0.2)} ${n(y - r * 0.98)}Z`, "#d45d00", ` opacity="0.35"`) +
    circle(x - r * 0.35, y - r * 0.35, r * 0.28, "#ffb347", ` opacity="0.8"`) +
    circle(x - r * 0.1, y + r * 0.3, r * 0.05, "#d45d00", ` opacity="0.6"`) +
    circle(x + r * 0.3, y - r * 0.05, r * 0.05, "#d45d00", ` opacity="0.6"`) +
    circle(x - r * 0.45, y + r * 0.15, r * 0.05, "#d45d00", ` opacity="0.6"`) +
    circle(x, y - r * 0.92, r * 0.09, "#5a7d3a") +
    leaf(x, y - r * 0.92, r * 0.7, -30, "#6a994e")
  );
}

function orangeHalf(x: number, y: number, r: number): string {
  const segs = Array.from({ length: 8 }, (_, i) => {
    const a = (i * Math.PI) / 4;
    return `M${n(x)} ${n(y)}L${n(x + Math.cos(a) * r * 0.78)} ${n(y + Math.sin(a) * r * 0.78)}`;
  }).join("");
  return circle(x, y, r, "#f77f00") + circle(x, y, r * 0.86, "#fff1d6") + circle(x, y, r * 0.78, "#ffa62b") + stroke(segs, "#fff1d6", r * 0.06) + circle(x, y, r * 0.1, "#fff1d6");
}

function apple(x: number, y: number, r: number, color: string): string {
  return (
    path(
      `M${n(x)} ${n(y - r * 0.7)}C${n(x + r * 0.5)} ${n(y - r * 1.1)} ${n(x + r * 1.1)} ${n(y - r * 0.8)} ${n(x + r)} ${n(y)}C${n(x + r * 0.95)} ${n(y + r * 0.7)} ${n(x + r * 0.5)} ${n(y + r)} ${n(x)} ${n(y + r * 0.85)}C${n(x - r * 0.5)} ${n(y + r)} ${n(x - r * 0.95)} ${n(y + r * 0.7)} ${n(x - r)} ${n(y)}C${n(x - r * 1.1)} ${n(y - r * 0.8)} ${n(x - r * 0.5)} ${n(y - r * 1.1)} ${n(x)} ${n(y - r * 0.7)}Z`,
      color,
    ) +
    path(`M${n(x + r * 0.3)} ${n(y - r * 0.8)}C${n(x + r * 1.1)} ${n(y - r * 0.8)} ${n(x + r * 1.05)} ${n(y + r * 0.8)} ${n(x + r * 0.2)} ${n(y + r * 0.9)}C${n(x + r * 0.7)} ${n(y + r * 0.4)} ${n(x + r * 0.7)} ${n(y - r * 0.4)} ${n(x + r * 0.3)} ${n(y - r * 0.8)}Z`, "#1b1b2f", ` opacity="0.14"`) +
    path(`M${n(x - r * 0.55)} ${n(y - r * 0.4)}Q${n(x - r * 0.7)} ${n(y)} ${n(x - r * 0.5)} ${n(y + r * 0.3)}`, "none", ` stroke="#fff" stroke-opacity="0.5" stroke-width="${n(r * 0.12)}" stroke-linecap="round"`) +
    stroke(`M${n(x)} ${n(y - r * 0.68)}Q${n(x + r * 0.05)} ${n(y - r * 1.05)} ${n(x + r * 0.18)} ${n(y - r * 1.15)}`, "#6b4226", r * 0.09) +
    leaf(x + r * 0.12, y - r * 0.95, r * 0.6, -20, "#6a994e")
  );
}

const APPLE_REDS = ["#d62828", "#e63946", "#c1121f", "#9bc53d"] as const;

function fruitPainter(kind: "orange" | "apple" | "mixed"): Painter {
  return (rng, p) => {
    const bowlColor = rng.pick([p.main, "#c8a27a", "#f4f1ea"]);
    const crate = rng.chance(0.4);
    const holder = crate
      ? roundRect(-180, 90, 360, 110, 10, "#c8a27a") +
        roundRect(-180, 90, 360, 22, 6, "#b08560") +
        roundRect(-180, 140, 360, 12, 0, "#b08560") +
        roundRect(-180, 90, 360, 110, 10, "#1b1b2f", ` opacity="0.06"`)
      : path(`M-180 90L180 90Q170 190 60 200L-60 200Q-170 190 -180 90Z`, bowlColor) +
        path(`M60 90L180 90Q170 190 60 200L20 200Q120 160 60 90Z`, "#1b1b2f", ` opacity="0.1"`) +
        ellipse(0, 90, 180, 16, darken(bowlColor, 0.12));
    const red = rng.pick(APPLE_REDS);
    const pieces: string[] = [];
    const fruitAt = (i: number, x: number, y: number, r: number) => {
      const isOrange = kind === "orange" || (kind === "mixed" && i % 2 === 0);
      return isOrange ? orange(x, y, r) : apple(x, y, r, i === 2 && kind === "mixed" ? "#9bc53d" : red);
    };
    pieces.push(fruitAt(1, -80, 20, 82), fruitAt(2, 84, 26, 78), fruitAt(0, 0, -50, 92));
    const extra =
      kind === "apple"
        ? apple(140, 150, 50, red)
        : orangeHalf(-140, 162, 46);
    return { foot: 180, props: ["leaf", "sparkle", "dot"], svg: pieces.join("") + holder + extra };
  };
}

function shiitake(x: number, y: number, s: number, cap: string): string {
  return (
    `<g transform="translate(${n(x)} ${n(y)}) scale(${n(s)})">` +
    path(`M-22 -10Q-28 70 -30 96Q0 108 30 96Q28 70 22 -10Z`, "#efe3c8") +
    path(`M8 -10L22 -10Q28 70 30 96Q20 100 12 101Q14 60 8 -10Z`, "#1b1b2f", ` opacity="0.1"`) +
    path(`M-100 0Q-104 -90 0 -96Q104 -90 100 0Q60 14 0 14Q-60 14 -100 0Z`, cap) +
    path(`M20 -94Q104 -86 100 0Q80 8 50 11Q90 -40 20 -94Z`, "#1b1b2f", ` opacity="0.15"`) +
    circle(-40, -50, 8, lighten(cap, 0.35)) +
    circle(-5, -64, 6, lighten(cap, 0.35)) +
    circle(34, -40, 9, lighten(cap, 0.3)) +
    circle(-60, -20, 5, lighten(cap, 0.35)) +
    ellipse(0, 6, 88, 10, "#d9c3a0") +
    `</g>`
  );
}

function walnut(x: number, y: number, r: number): string {
  return (
    circle(x, y, r, "#c69c6d") +
    path(`M${n(x + r * 0.3)} ${n(y - r * 0.95)}A${n(r)} ${n(r)} 0 0 1 ${n(x + r * 0.3)} ${n(y + r * 0.95)}A${n(r * 0.9)} ${n(r * 0.9)} 0 0 0 ${n(x + r * 0.3)} ${n(y - r * 0.95)}Z`, "#1b1b2f", ` opacity="0.12"`) +
    stroke(`M${n(x)} ${n(y - r)}Q${n(x - r * 0.2)} ${n(y)} ${n(x)} ${n(y + r)}`, "#9c7446", r * 0.1) +
    stroke(`M${n(x - r * 0.5)} ${n(y - r * 0.5)}q${n(r * 0.2)} ${n(r * 0.2)} 0 ${n(r * 0.4)}M${n(x + r * 0.45)} ${n(y - r * 0.3)}q${n(-r * 0.2)} ${n(r * 0.25)} 0 ${n(r * 0.5)}`, "#9c7446", r * 0.08) +
    circle(x - r * 0.35, y - r * 0.4, r * 0.18, "#d3a872", ` opacity="0.8"`)
  );
}

const mushroom: Painter = (rng) => {
  const cap = rng.pick(["#8d5524", "#7a4a22", "#a0673a"]);
  const board = rng.pick(["#c8a27a", "#d4b48c", "#b08560"]);
  return {
    foot: 185,
    props: ["leaf", "dot", "sparkle"],
    svg:
      roundRect(-190, 150, 380, 50, 20, board) +
      roundRect(-190, 150, 380, 14, 7, lighten(board, 0.25)) +
      shiitake(-70, 40, 1.15, cap) +
      shiitake(80, 70, 0.85, darken(cap, 0.1)) +
      shiitake(150, 120, 0.42, cap) +
      walnut(-160, 128, 26) +
      leaf(120, 150, 60, -150, "#6a994e"),
  };
};

function almond(x: number, y: number, r: number, angle: number): string {
  return (
    `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})">` +
    path(`M0 ${n(-r)}C${n(r * 0.75)} ${n(-r * 0.4)} ${n(r * 0.6)} ${n(r * 0.8)} 0 ${n(r)}C${n(-r * 0.6)} ${n(r * 0.8)} ${n(-r * 0.75)} ${n(-r * 0.4)} 0 ${n(-r)}Z`, "#c68a4e") +
    path(`M0 ${n(-r * 0.7)}Q${n(-r * 0.25)} 0 0 ${n(r * 0.7)}`, "none", ` stroke="#a86f38" stroke-width="${n(r * 0.08)}" stroke-linecap="round"`) +
    ellipse(-r * 0.2, -r * 0.3, r * 0.12, r * 0.3, WHITE, ` opacity="0.3"`) +
    `</g>`
  );
}

const nuts: Painter = (rng, p) => {
  const bowl = rng.pick(["#c8a27a", "#f4f1ea", "#e9dcc0", p.main]);
  // A low dome of nuts: back row first so the front row overlaps it.
  const rows: Array<[number, number, number]> = [
    [-60, -20, 3],
    [-130, 20, 5],
  ];
  let pile = "";
  let k = 0;
  for (const [x0, y, count] of rows) {
    for (let i = 0; i < count; i++) {
      const x = x0 + i * 64 + rng.range(-6, 6);
      const kind = (k + rng.int(0, 2)) % 3;
      pile += kind === 0 ? walnut(x, y, 40) : kind === 1 ? chestnut(x, y + 4, 36) : almond(x, y, 38, rng.range(-40, 40));
      k++;
    }
  }
  return {
    foot: 180,
    props: ["leaf", "dot", "sparkle"],
    svg:
      pile +
      path(`M-180 60L180 60Q170 190 60 200L-60 200Q-170 190 -180 60Z`, bowl) +
      path(`M60 60L180 60Q170 190 60 200L20 200Q120 150 60 60Z`, "#1b1b2f", ` opacity="0.1"`) +
      ellipse(0, 60, 180, 16, darken(bowl, 0.15)) +
      stroke(`M-150 110Q0 140 150 110`, darken(bowl, 0.12), 6) +
      walnut(158, 172, 30) +
      chestnut(-162, 176, 26) +
      almond(-112, 188, 20, 70),
  };
};

function chestnut(x: number, y: number, r: number): string {
  return (
    path(`M${n(x - r)} ${n(y + r * 0.3)}Q${n(x - r)} ${n(y - r)} ${n(x)} ${n(y - r * 1.05)}Q${n(x + r)} ${n(y - r)} ${n(x + r)} ${n(y + r * 0.3)}Q${n(x)} ${n(y + r * 0.9)} ${n(x - r)} ${n(y + r * 0.3)}Z`, "#6f3b1e") +
    path(`M${n(x - r * 0.95)} ${n(y + r * 0.3)}Q${n(x)} ${n(y + r * 0.9)} ${n(x + r * 0.95)} ${n(y + r * 0.3)}Q${n(x)} ${n(y + r * 0.55)} ${n(x - r * 0.95)} ${n(y + r * 0.3)}Z`, "#d9b98c") +
    ellipse(x - r * 0.35, y - r * 0.35, r * 0.18, r * 0.3, "#ffffff", ` opacity="0.3"`)
  );
}

const rice: Painter = (rng, p) => {
  const sack = rng.pick(["#e9dcc0", "#d9c3a0", "#f4f1ea"]);
  const band = rng.pick([p.main, "#e63946", "#2a9d8f", "#1b4965"]);
  const wheat = (x: number, y: number, s: number) =>
    `<g transform="translate(${x} ${y}) scale(${s})">` +
    stroke(`M0 40L0 -40`, "#c9a227", 4) +
    [-28, -12, 4, 20]
      .map((yy) => ellipse(-9, yy, 6, 11, "#e0b23a", ` transform="rotate(-30 -9 ${yy})"`) + ellipse(9, yy, 6, 11, "#e0b23a", ` transform="rotate(30 9 ${yy})"`))
      .join("") +
    ellipse(0, -42, 5, 10, "#e0b23a") +
    `</g>`;
  const grains = Array.from({ length: 26 }, (_, i) => {
    const a = rng.range(Math.PI * 1.05, Math.PI * 1.95);
    const d = rng.range(10, 90);
    const x = 110 + Math.cos(a) * d * 0.9;
    const y = 196 + Math.sin(a) * d * 0.35;
    return ellipse(x, y, 7, 4, i % 5 === 0 ? "#efe6d2" : WHITE, ` transform="rotate(${Math.round(rng.range(0, 180))} ${n(x)} ${n(y)})"`);
  }).join("");
  return {
    foot: 160,
    props: ["grain", "leaf", "sparkle"],
    svg:
      path(`M-120 -120Q-130 40 -140 170Q-140 200 -110 200L110 200Q140 200 140 170Q130 40 120 -120Z`, sack) +
      path(`M40 -120L120 -120Q130 40 140 170Q140 200 110 200L60 200Q90 40 40 -120Z`, "#1b1b2f", ` opacity="0.08"`) +
      path(`M-120 -120L-100 -170L-60 -140L-20 -176L20 -140L60 -176L100 -140L120 -170L120 -120Z`, darken(sack, 0.06)) +
      roundRect(-126, -132, 252, 24, 10, band) +
      roundRect(-88, -70, 176, 190, 20, WHITE, ` opacity="0.9"`) +
      circle(0, 6, 58, lighten(band, 0.8)) +
      wheat(-20, 6, 1.3) +
      wheat(22, 10, 1.1) +
      roundRect(-60, 90, 120, 12, 6, band) +
      roundRect(-108, -90, 12, 230, 6, WHITE, ` opacity="0.3"`) +
      ellipse(110, 198, 90, 18, WHITE) +
      grains,
  };
};

function wallpaper(x: number, y: number, w: number, h: number, r: number, p: Palette, rng: Random): string {
  // Several phones can share one banner, so each clip path gets its own (deterministic) id.
  const id = `screen-${rng.int(0, 1e9).toString(36)}`;
  return (
    `<clipPath id="${id}"><rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(r)}"/></clipPath>` +
    `<g clip-path="url(#${id})">` +
    roundRect(x, y, w, h, 0, hsl(p.hue + 180, 60, 55)) +
    circle(x + w * 0.2, y + h * 0.25, w * 0.6, hsl(p.hue + 210, 70, 65)) +
    circle(x + w * 0.95, y + h * 0.8, w * 0.7, hsl(p.hue + 150, 65, 60)) +
    circle(x + w * 0.7, y + h * 0.3, w * 0.25, hsl(p.hue + 40, 90, 75), ` opacity="0.8"`) +
    `</g>`
  );
}

const phone: Painter = (rng, p) => {
  const frame = rng.pick([p.main, "#33353f", "#f4f1ea", "#d9d9d9"]);
  const back =
    `<g transform="translate(70 -10) rotate(10)">` +
    roundRect(-96, -180, 192, 370, 34, frame) +
    roundRect(-96, -180, 192, 370, 34, "#1b1b2f", ` opacity="0.1"`) +
    roundRect(-80, -164, 96, 110, 26, darken(frame, 0.15)) +
    circle(-52, -136, 19, INK) +
    circle(-52, -136, 10, "#3a506b") +
    circle(-12, -136, 19, INK) +
    circle(-12, -136, 10, "#3a506b") +
    circle(-52, -86, 19, INK) +
    circle(-52, -86, 10, "#3a506b") +
    circle(-12, -86, 6, "#ffe8a3") +
    `</g>`;
  const front =
    `<g transform="translate(-60 10) rotate(-6)">` +
    roundRect(-100, -190, 200, 384, 38, darken(frame, 0.2)) +
    wallpaper(-88, -178, 176, 360, 28, p, rng) +
    roundRect(-30, -168, 60, 16, 8, INK) +
    roundRect(-70, 120, 140, 34, 17, WHITE, ` opacity="0.35"`) +
    roundRect(-70, -120, 64, 64, 16, WHITE, ` opacity="0.3"`) +
    roundRect(6, -120, 64, 64, 16, WHITE, ` opacity="0.2"`) +
    path(`M-88 -178L40 -178L-88 40Z`, WHITE, ` opacity="0.12"`) +
    `</g>`;
  return { foot: 150, props: ["sparkle", "dot", "wave"], svg: back + front };
};

const laptop: Painter = (rng, p) => {
  const metal = rng.pick(["#d9d9d9", "#c0c4cc", "#33353f", "#f1d3b3"]);
  return {
    foot: 220,
    props: ["sparkle", "dot", "plant"],
    svg:
      roundRect(-180, -130, 360, 250, 20, darken(metal, 0.45)) +
      wallpaper(-166, -116, 332, 222, 8, p, rng) +
      roundRect(-146, -96, 150, 100, 10, WHITE, ` opacity="0.85"`) +
      roundRect(-146, -96, 150, 18, 9, p.accent) +
      roundRect(-132, -64, 100, 10, 5, "#c9ced6") +
      roundRect(-132, -44, 70, 10, 5, "#c9ced6") +
      roundRect(24, -60, 122, 130, 10, WHITE, ` opacity="0.6"`) +
      path(`M-166 -116L40 -116L-166 60Z`, WHITE, ` opacity="0.1"`) +
      path(`M-210 120L210 120L224 176Q226 186 214 186L-214 186Q-226 186 -224 176Z`, metal) +
      path(`M-210 120L210 120L214 138L-214 138Z`, darken(metal, 0.08)) +
      roundRect(-40, 120, 80, 10, 5, darken(metal, 0.2)) +
      roundRect(-226, 180, 452, 12, 6, darken(metal, 0.25)),
  };
};

const sofa: Painter = (rng, p) => {
  const fabric = p.main;
  const legs = rng.pick(["#8a6237", "#33353f", "#c8a27a"]);
  const pillow = p.accent;
  return {
    foot: 200,
    props: ["plant", "dot", "sparkle"],
    svg:
      roundRect(-150, 150, 16, 50, 6, legs) +
      roundRect(134, 150, 16, 50, 6, legs) +
      roundRect(-170, -70, 340, 170, 44, darken(fabric, 0.1)) +
      roundRect(-156, -56, 150, 150, 34, fabric) +
      roundRect(6, -56, 150, 150, 34, fabric) +
      roundRect(-140, -44, 20, 90, 10, WHITE, ` opacity="0.25"`) +
      roundRect(-174, 60, 348, 100, 30, fabric) +
      roundRect(-174, 120, 348, 40, 20, "#1b1b2f", ` opacity="0.1"`) +
      roundRect(-150, 56, 140, 34, 17, lighten(fabric, 0.15)) +
      roundRect(10, 56, 140, 34, 17, lighten(fabric, 0.15)) +
      roundRect(-220, 10, 70, 150, 34, fabric) +
      roundRect(150, 10, 70, 150, 34, darken(fabric, 0.08)) +
      `<g transform="translate(-80 10) rotate(-12)">` +
      roundRect(-44, -44, 88, 88, 22, pillow) +
      path(`M-44 0L44 0`, "none", ` stroke="${lighten(pillow, 0.3)}" stroke-width="8"`) +
      `</g>`,
  };
};

const lamp: Painter = (rng, p) => {
  const shade = rng.pick(["#f4f1ea", "#f3d9b1", p.main]);
  const base = p.accent;
  return {
    foot: 110,
    props: ["glow", "plant", "sparkle"],
    svg:
      circle(0, -80, 170, "#fff3b0", ` opacity="0.45"`) +
      roundRect(-6, -40, 12, 120, 6, "#c9a66b") +
      path(`M-70 200Q-110 200 -100 150Q-90 60 0 50Q90 60 100 150Q110 200 70 200Z`, base) +
      path(`M20 52Q90 60 100 150Q110 200 70 200L40 200Q80 130 20 52Z`, "#1b1b2f", ` opacity="0.12"`) +
      ellipse(-46, 110, 14, 38, WHITE, ` opacity="0.3"`) +
      path(`M-80 -180L80 -180L140 -30L-140 -30Z`, shade) +
      path(`M30 -180L80 -180L140 -30L70 -30Z`, "#1b1b2f", ` opacity="0.08"`) +
      ellipse(0, -30, 140, 16, darken(shade, 0.08)) +
      ellipse(0, -30, 110, 10, "#fff3b0") +
      roundRect(-60, -164, 14, 110, 7, WHITE, ` opacity="0.4"`),
  };
};

const toy: Painter = (rng) => {
  const colours = ["#e63946", "#ffb400", "#2a9d8f", "#5fa8d3", "#9b5de5", "#f25f5c", "#6a994e"];
  const pickColour = () => rng.pick(colours);
  const brick = (x: number, y: number, w: number, color: string) => {
    const studs = Math.round(w / 56);
    let s = "";
    for (let i = 0; i < studs; i++) {
      const cx = x + (w / studs) * (i + 0.5);
      s += roundRect(cx - 18, y - 16, 36, 20, 6, darken(color, 0.12)) + roundRect(cx - 18, y - 20, 36, 12, 6, lighten(color, 0.15));
    }
    return s + roundRect(x, y, w, 70, 10, color) + roundRect(x + w - 24, y, 24, 70, 10, "#1b1b2f", ` opacity="0.12"`) + roundRect(x + 10, y + 10, 10, 46, 5, WHITE, ` opacity="0.35"`);
  };
  return {
    foot: 180,
    props: ["star", "dot", "sparkle"],
    svg:
      brick(-170, 130, 224, pickColour()) +
      brick(40, 130, 112, pickColour()) +
      brick(-120, 40, 168, pickColour()) +
      brick(-80, -50, 112, pickColour()) +
      circle(130, 68, 58, "#ffb400") +
      path(`M72 68A58 58 0 0 0 188 68Z`, "#e63946") +
      circle(130, 68, 58, "none", ` stroke="#1b1b2f" stroke-opacity="0.08" stroke-width="10"`) +
      circle(110, 46, 12, WHITE, ` opacity="0.5"`),
  };
};

const petbowl: Painter = (rng, p) => {
  const bowl = p.main;
  const kibble = Array.from({ length: 16 }, (_, i) => {
    const x = -110 + (i % 8) * 31 + (i >= 8 ? 14 : 0);
    const y = 44 - (i >= 8 ? 22 : 0) - Math.abs(x) * 0.12;
    return circle(x, y, 17, i % 3 === 0 ? "#a0673a" : "#8d5524") + circle(x - 5, y - 5, 5, "#c98a55");
  }).join("");
  const bone =
    `<g transform="translate(130 176) rotate(-14)">` +
    roundRect(-50, -12, 100, 24, 12, "#f4f1ea") +
    circle(-50, -12, 16, "#f4f1ea") +
    circle(-50, 12, 16, "#f4f1ea") +
    circle(50, -12, 16, "#f4f1ea") +
    circle(50, 12, 16, "#f4f1ea") +
    `</g>`;
  return {
    foot: 190,
    props: ["paw", "dot", "heart"],
    svg:
      kibble +
      path(`M-170 50L170 50L146 180Q142 196 124 196L-124 196Q-142 196 -146 180Z`, bowl) +
      path(`M60 50L170 50L146 180Q142 196 124 196L70 196Q110 120 60 50Z`, "#1b1b2f", ` opacity="0.12"`) +
      ellipse(0, 50, 170, 18, lighten(bowl, 0.25)) +
      roundRect(-150, 100, 300, 16, 8, p.accent, ` opacity="0.9"`) +
      circle(-20, 148, 12, WHITE, ` opacity="0.6"`) +
      circle(-40, 132, 7, WHITE, ` opacity="0.6"`) +
      circle(0, 132, 7, WHITE, ` opacity="0.6"`) +
      circle(-46, 150, 7, WHITE, ` opacity="0.6"`) +
      circle(6, 150, 7, WHITE, ` opacity="0.6"`) +
      roundRect(-150, 70, 14, 90, 7, WHITE, ` opacity="0.3"`) +
      bone,
  };
};

const tent: Painter = (rng, p) => {
  const fly = p.main;
  const inner = rng.pick(["#ffb400", "#f4f1ea", "#e76f51", "#2a9d8f"]);
  return {
    foot: 200,
    props: ["pine", "star", "flag"],
    svg:
      path(`M-200 196L0 -150L200 196Z`, fly) +
      path(`M0 -150L200 196L60 196Z`, "#1b1b2f", ` opacity="0.14"`) +
      path(`M-70 196L0 20L70 196Z`, darken(fly, 0.4)) +
      path(`M0 20L70 196L30 196Q10 120 0 20Z`, inner) +
      path(`M0 20L-70 196L-30 196Q-10 120 0 20Z`, lighten(inner, 0.2)) +
      stroke(`M0 -150L0 -190`, INK, 6) +
      path(`M0 -190L46 -176L0 -162Z`, p.accent) +
      stroke(`M-200 196L-230 200M200 196L230 200`, INK, 4) +
      stroke(`M-120 60L-60 -40`, WHITE, 8, ` opacity="0.3"`),
  };
};

const book: Painter = (rng, p) => {
  const colours = [p.main, p.accent, rng.pick(FINISHES)];
  const stacked = (y: number, w: number, h: number, x: number, c: string) =>
    roundRect(x - w / 2, y, w, h, 8, c) +
    roundRect(x - w / 2 + 12, y + 8, w - 20, h - 16, 4, "#fbf7ef") +
    stroke(`M${n(x - w / 2 + 18)} ${n(y + h / 2)}L${n(x + w / 2 - 14)} ${n(y + h / 2)}`, "#e2dccd", 3) +
    roundRect(x - w / 2, y, 30, h, 8, darken(c, 0.12)) +
    roundRect(x - w / 2 + 40, y + 12, 40, 6, 3, WHITE, ` opacity="0.5"`);
  return {
    foot: 190,
    props: ["sparkle", "dot", "plant"],
    svg:
      stacked(150, 340, 50, 0, colours[0]) +
      stacked(104, 300, 46, -10, colours[1]) +
      stacked(62, 320, 42, 6, colours[2]) +
      `<g transform="translate(60 -70) rotate(8)">` +
      roundRect(-80, -110, 160, 230, 10, darken(colours[1], 0.1)) +
      roundRect(-74, -110, 154, 230, 8, colours[1]) +
      roundRect(-74, -110, 22, 230, 6, darken(colours[1], 0.2)) +
      circle(16, -30, 40, lighten(colours[1], 0.35)) +
      path(`M-30 60L16 0L60 60Z`, lighten(colours[1], 0.55)) +
      roundRect(-30, 78, 90, 10, 5, WHITE, ` opacity="0.7"`) +
      `</g>`,
  };
};

const snacks: Painter = (rng, p) => {
  const bag = p.main;
  const band = p.accent;
  const chip = (x: number, y: number, r: number, a: number) =>
    `<g transform="translate(${x} ${y}) rotate(${a})">` +
    path(`M${-r} 0Q${-r * 0.6} ${-r * 0.9} 0 ${-r * 0.8}Q${r} ${-r * 0.7} ${r} 0Q${r * 0.6} ${r * 0.8} 0 ${r * 0.7}Q${-r * 0.9} ${r * 0.6} ${-r} 0Z`, "#f2b84b") +
    circle(-r * 0.3, -r * 0.2, r * 0.1, "#d98f2b") +
    circle(r * 0.3, r * 0.1, r * 0.1, "#d98f2b") +
    `</g>`;
  const zig = (y: number, dir: number) => {
    let d = `M-120 ${y}`;
    for (let i = 0; i <= 12; i++) d += `L${-120 + i * 20} ${y + (i % 2 ? dir * 12 : 0)}`;
    return d;
  };
  const cookie = rng.chance(0.5);
  return {
    foot: 170,
    props: ["crumb", "sparkle", "dot"],
    svg:
      path(`${zig(-170, -1)}L120 -150Q140 0 120 170L-120 170Q-140 0 -120 -150Z`, bag) +
      path(`M40 -150L120 -150Q140 0 120 170L70 170Q96 0 40 -150Z`, "#1b1b2f", ` opacity="0.1"`) +
      path(`${zig(170, 1)}L120 170L-120 170Z`, darken(bag, 0.15)) +
      roundRect(-124, -150, 248, 22, 0, darken(bag, 0.1)) +
      path(`M-130 -20Q0 -70 130 -20L130 40Q0 -10 -130 40Z`, band) +
      ellipse(0, 90, 80, 50, "#fff4dc") +
      chip(-20, 90, 34, -20) +
      chip(26, 96, 30, 30) +
      roundRect(-104, -120, 14, 240, 7, WHITE, ` opacity="0.3"`) +
      (cookie
        ? circle(160, 170, 34, "#c98a55") + circle(150, 160, 6, "#5b3a1e") + circle(170, 178, 6, "#5b3a1e") + circle(168, 152, 5, "#5b3a1e")
        : chip(160, 176, 34, 10) + chip(-160, 182, 28, -30)),
  };
};

const GEMS = ["#5fa8d3", "#e63946", "#2a9d8f", "#9b5de5", "#dff3ff", "#ff8fab"] as const;

const jewelry: Painter = (rng, p) => {
  const metal = rng.pick(["#e9c46a", "#d9d9d9", "#f1b8a0"]);
  const gem = rng.pick(GEMS);
  const box = p.main;
  return {
    foot: 170,
    props: ["sparkle", "sparkle", "dot"],
    svg:
      roundRect(-170, 40, 340, 160, 22, darken(box, 0.1)) +
      path(`M-170 40L-150 -150Q-148 -160 -136 -160L136 -160Q148 -160 150 -150L170 40Z`, box) +
      path(`M-150 20L-134 -136L134 -136L150 20Z`, darken(box, 0.3)) +
      roundRect(-150, 60, 300, 120, 16, darken(box, 0.3)) +
      roundRect(-150, 60, 300, 40, 16, "#1b1b2f", ` opacity="0.2"`) +
      stroke(`M-80 -100Q0 20 80 -100`, metal, 5, ` stroke-dasharray="2 9"`) +
      path(`M0 -40L18 -20L0 10L-18 -20Z`, gem) +
      circle(0, 96, 62, "none", ` stroke="${metal}" stroke-width="20"`) +
      path(`M-58 96A58 58 0 0 1 58 96`, "none", ` stroke="#ffffff" stroke-opacity="0.45" stroke-width="6"`) +
      path(`M-34 30L-20 8L20 8L34 30L0 64Z`, gem) +
      path(`M-20 8L0 30L20 8M-34 30L34 30`, "none", ` stroke="#ffffff" stroke-opacity="0.6" stroke-width="3"`) +
      path(`M0 30L34 30L0 64Z`, "#1b1b2f", ` opacity="0.15"`),
  };
};

const babybottle: Painter = (rng, p) => {
  const ring = p.main;
  const body = "#eef6fb";
  const marks = [0, 1, 2, 3]
    .map((i) => roundRect(40, -20 + i * 40, 28, 6, 3, darken(ring, 0.1), ` opacity="0.6"`))
    .join("");
  const rattle = rng.chance(0.6)
    ? `<g transform="translate(130 130) rotate(30)">` +
      roundRect(-12, -10, 24, 90, 12, p.accent) +
      circle(0, -40, 46, lighten(p.accent, 0.3)) +
      circle(-14, -52, 10, WHITE, ` opacity="0.6"`) +
      `</g>`
    : "";
  return {
    foot: 140,
    props: ["heart", "star", "bubble"],
    svg:
      path(`M-40 -110Q-40 -190 0 -196Q40 -190 40 -110Z`, "#f6c9a4") +
      ellipse(-10, -160, 8, 20, WHITE, ` opacity="0.5"`) +
      roundRect(-84, -120, 168, 60, 18, ring) +
      roundRect(-84, -120, 168, 16, 8, lighten(ring, 0.3)) +
      roundRect(-84, -60, 168, 260, 46, body) +
      roundRect(-84, 30, 168, 170, 46, WHITE) +
      roundRect(-84, -60, 168, 260, 46, "none", ` stroke="${lighten(ring, 0.5)}" stroke-width="6"`) +
      marks +
      roundRect(-64, -40, 14, 200, 7, WHITE, ` opacity="0.8"`) +
      roundRect(30, -60, 54, 260, 30, "#1b1b2f", ` opacity="0.05"`) +
      rattle,
  };
};

const charger: Painter = (rng, p) => {
  const c = p.main;
  const cable = luminance(c) > 0.6 ? "#e9e9ee" : c;
  return {
    foot: 190,
    props: ["bolt", "sparkle", "dot"],
    svg:
      stroke(`M40 80C120 80 200 40 170 -40C150 -100 40 -80 60 -160`, darken(cable, 0.1), 18) +
      roundRect(40, -200, 40, 60, 10, darken(c, 0.2)) +
      roundRect(50, -222, 20, 26, 4, "#c0c4cc") +
      roundRect(-150, -20, 230, 220, 36, c) +
      roundRect(20, -20, 60, 220, 30, "#1b1b2f", ` opacity="0.12"`) +
      roundRect(-130, -2, 16, 180, 8, WHITE, ` opacity="0.3"`) +
      [0, 1, 2, 3].map((i) => circle(-80 + i * 28, 150, 8, i < 3 ? "#4ade80" : darken(c, 0.25))).join("") +
      roundRect(-60, 40, 80, 60, 14, darken(c, 0.18)) +
      path(`M-14 46L-34 74L-18 74L-26 96L2 64L-14 64L-4 46Z`, p.accent) +
      roundRect(-160, 120, 20, 40, 6, darken(c, 0.3)),
  };
};

const watch: Painter = (rng, p) => {
  const band = p.main;
  const caseC = rng.pick(["#33353f", "#d9d9d9", "#e9c46a"]);
  const ring = (r: number, color: string, frac: number) =>
    circle(0, 0, r, "none", ` stroke="${darken(color, 0.6)}" stroke-width="14"`) +
    `<circle cx="0" cy="0" r="${r}" fill="none" stroke="${color}" stroke-width="14" stroke-linecap="round" stroke-dasharray="${n(2 * Math.PI * r * frac)} 999" transform="rotate(-90)"/>`;
  return {
    foot: 90,
    props: ["sparkle", "wave", "dot"],
    svg:
      roundRect(-70, -200, 140, 400, 40, band) +
      roundRect(-70, -200, 140, 400, 40, "#1b1b2f", ` opacity="0.05"`) +
      [120, 150, 180].map((y) => roundRect(-8, y - 6, 16, 12, 6, darken(band, 0.25))).join("") +
      roundRect(-112, -128, 224, 256, 64, caseC) +
      roundRect(-96, -112, 192, 224, 50, "#0d0d14") +
      ring(70, "#f25f5c", rng.range(0.55, 0.95)) +
      ring(50, "#a7e05a", rng.range(0.45, 0.95)) +
      ring(30, "#4cc9f0", rng.range(0.5, 0.95)) +
      roundRect(108, -40, 16, 50, 6, darken(caseC, 0.2)) +
      path(`M-96 -62L-46 -112L10 -112L-96 -6Z`, WHITE, ` opacity="0.08"`),
  };
};

const bag: Painter = (rng, p) => {
  const leather = p.main;
  const hw = rng.pick(["#e9c46a", "#d9d9d9"]);
  return {
    foot: 180,
    props: ["sparkle", "dot", "heart"],
    svg:
      stroke(`M-90 -40Q-90 -190 0 -190Q90 -190 90 -40`, darken(leather, 0.25), 22) +
      path(`M-150 -40L150 -40L180 170Q182 196 156 196L-156 196Q-182 196 -180 170Z`, leather) +
      path(`M60 -40L150 -40L180 170Q182 196 156 196L96 196Q110 60 60 -40Z`, "#1b1b2f", ` opacity="0.12"`) +
      path(`M-150 -40L150 -40L140 60Q0 100 -140 60Z`, darken(leather, 0.12)) +
      stroke(`M-146 -30L146 -30`, lighten(leather, 0.25), 3, ` stroke-dasharray="8 8"`) +
      roundRect(-24, 50, 48, 40, 10, hw) +
      roundRect(-12, 62, 24, 16, 6, darken(hw, 0.3)) +
      roundRect(-130, 0, 14, 150, 7, WHITE, ` opacity="0.25"`) +
      circle(-90, -40, 10, hw) +
      circle(90, -40, 10, hw),
  };
};

const honey: Painter = (rng, p) => {
  const honeyC = rng.pick(["#f4a300", "#e89005", "#f6b93b"]);
  const cloth = p.main;
  const comb = (x: number, y: number, r: number) => {
    let d = "";
    for (let i = 0; i < 6; i++) {
      const a = (Math.PI / 3) * i;
      d += `${i ? "L" : "M"}${n(x + Math.cos(a) * r)} ${n(y + Math.sin(a) * r)}`;
    }
    return path(`${d}Z`, "#f6c453", ` stroke="#e89005" stroke-width="5"`);
  };
  return {
    foot: 190,
    props: ["bee", "sparkle", "dot"],
    svg:
      comb(130, 150, 40) +
      comb(190, 150, 40) +
      comb(160, 100, 40) +
      roundRect(-120, -60, 240, 260, 60, honeyC) +
      roundRect(-120, -60, 240, 80, 40, lighten(honeyC, 0.3), ` opacity="0.5"`) +
      roundRect(40, -60, 80, 260, 50, "#1b1b2f", ` opacity="0.1"`) +
      roundRect(-96, -40, 16, 200, 8, WHITE, ` opacity="0.45"`) +
      roundRect(-70, 40, 140, 100, 16, WHITE, ` opacity="0.9"`) +
      comb(0, 90, 26) +
      roundRect(-90, -100, 180, 48, 12, darken(honeyC, 0.4)) +
      path(`M-130 -100Q-120 -150 0 -150Q120 -150 130 -100L150 -64Q0 -40 -150 -64Z`, cloth) +
      stroke(`M-130 -86Q0 -64 130 -86`, WHITE, 6, ` stroke-dasharray="14 10" opacity="0.7"`) +
      stroke(`M-134 -66Q0 -44 134 -66`, darken(cloth, 0.3), 8),
  };
};

const dumbbell: Painter = (rng, p) => {
  const plate = p.main;
  const bar = "#9aa0a6";
  // Seen from the front, lying on the floor; behind it a rolled yoga mat or a sports bottle.
  const bell =
    roundRect(-130, 116, 260, 22, 11, bar) +
    roundRect(-130, 116, 260, 8, 4, WHITE, ` opacity="0.35"`) +
    [-1, 1]
      .map(
        (side) =>
          roundRect(side < 0 ? -196 : 136, 60, 60, 140, 24, plate) +
          roundRect(side < 0 ? -144 : 118, 78, 26, 104, 10, darken(plate, 0.2)) +
          roundRect(side < 0 ? -184 : 148, 72, 12, 84, 6, WHITE, ` opacity="0.35"`),
      )
      .join("");
  const behind = rng.chance(0.5)
    ? roundRect(-50, -130, 100, 260, 28, p.accent) +
      roundRect(-32, -166, 64, 44, 12, darken(p.accent, 0.3)) +
      roundRect(-50, -50, 100, 56, 0, WHITE, ` opacity="0.45"`) +
      roundRect(-36, -110, 14, 220, 7, WHITE, ` opacity="0.35"`)
    : roundRect(-70, -120, 140, 250, 22, p.accent) +
      roundRect(30, -120, 40, 250, 20, "#1b1b2f", ` opacity="0.12"`) +
      ellipse(0, -120, 70, 22, lighten(p.accent, 0.25)) +
      ellipse(0, -120, 40, 12, darken(p.accent, 0.15)) +
      ellipse(0, -120, 16, 5, lighten(p.accent, 0.25)) +
      roundRect(-70, 10, 140, 16, 0, darken(p.accent, 0.25));
  return { foot: 196, props: ["speed", "sparkle", "dot"], svg: behind + bell };
};

const box: Painter = (rng, p) => {
  const card = rng.pick(["#d9b07c", "#c8a27a", p.main]);
  const tape = rng.pick([p.accent, "#f4f1ea", "#e63946"]);
  return {
    foot: 190,
    props: ["sparkle", "dot", "star"],
    svg:
      path(`M-180 -60L0 -130L180 -60L0 10Z`, lighten(card, 0.15)) +
      path(`M-180 -60L0 10L0 200L-180 130Z`, card) +
      path(`M180 -60L0 10L0 200L180 130Z`, darken(card, 0.15)) +
      path(`M-96 -93L84 -23L84 -10L-96 -80Z`, tape) +
      path(`M84 -23L84 62L100 56L100 -29Z`, darken(tape, 0.1)) +
      path(`M-150 20L-60 55L-60 95L-150 60Z`, WHITE, ` opacity="0.8"`) +
      path(`M-140 38L-74 64`, "none", ` stroke="${darken(card, 0.3)}" stroke-width="5"`) +
      path(`M-140 54L-100 70`, "none", ` stroke="${darken(card, 0.3)}" stroke-width="5"`),
  };
};

const PAINTERS = {
  kettle,
  headphones,
  earbuds,
  tshirt,
  sneaker,
  lipstick,
  skincare,
  tea,
  fruit: fruitPainter("mixed"),
  orange: fruitPainter("orange"),
  apple: fruitPainter("apple"),
  mushroom,
  nuts,
  rice,
  phone,
  laptop,
  sofa,
  lamp,
  toy,
  petbowl,
  tent,
  book,
  snacks,
  jewelry,
  babybottle,
  charger,
  watch,
  bag,
  honey,
  dumbbell,
  box,
} satisfies Record<string, Painter>;

export type ArtKey = keyof typeof PAINTERS;

/** Every illustration family, in a stable order. */
export const ART_KEYS = Object.keys(PAINTERS) as ArtKey[];

export function isArtKey(value: string): value is ArtKey {
  return Object.prototype.hasOwnProperty.call(PAINTERS, value);
}

// ───────────────────────────── props ─────────────────────────────

type PropKind =
  | "sparkle"
  | "dot"
  | "steam"
  | "wave"
  | "note"
  | "hanger"
  | "speed"
  | "heart"
  | "bubble"
  | "drop"
  | "tealeaf"
  | "leaf"
  | "grain"
  | "plant"
  | "glow"
  | "star"
  | "paw"
  | "pine"
  | "flag"
  | "crumb"
  | "bolt"
  | "bee";

function star(x: number, y: number, r: number, fill: string): string {
  let d = "";
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 ? r * 0.45 : r;
    d += `${i ? "L" : "M"}${n(x + Math.cos(a) * rr)} ${n(y + Math.sin(a) * rr)}`;
  }
  return path(`${d}Z`, fill, ` stroke="${fill}" stroke-width="${n(r * 0.18)}" stroke-linejoin="round"`);
}

function heart(x: number, y: number, r: number, fill: string): string {
  return path(
    `M${n(x)} ${n(y + r * 0.9)}C${n(x - r * 1.4)} ${n(y)} ${n(x - r * 0.9)} ${n(y - r * 1.1)} ${n(x)} ${n(y - r * 0.4)}C${n(x + r * 0.9)} ${n(y - r * 1.1)} ${n(x + r * 1.4)} ${n(y)} ${n(x)} ${n(y + r * 0.9)}Z`,
    fill,
  );
}

/** A small decoration at (x, y) in scene coordinates (800×800 canvas). */
function drawProp(kind: PropKind, x: number, y: number, rng: Random, p: Palette): string {
  const s = rng.range(0.8, 1.2);
  const accent = p.accent;
  switch (kind) {
    case "sparkle":
      return sparkle(x, y, 22 * s, WHITE, 0.95) + sparkle(x + 30 * s, y + 26 * s, 10 * s, WHITE, 0.8);
    case "dot":
      return circle(x, y, 12 * s, accent, ` opacity="0.85"`) + circle(x + 28 * s, y - 18 * s, 6 * s, WHITE);
    case "steam":
      return stroke(`M${n(x)} ${n(y + 40)}c-22 -20 22 -40 0 -60s22 -40 0 -60`, WHITE, 10, ` opacity="0.8"`);
    case "wave":
      return (
        stroke(`M${n(x)} ${n(y - 26)}a30 30 0 0 1 0 52`, WHITE, 8, ` opacity="0.9"`) +
        stroke(`M${n(x + 20)} ${n(y - 44)}a52 52 0 0 1 0 88`, WHITE, 8, ` opacity="0.6"`)
      );
    case "note":
      return circle(x, y + 24, 14 * s, INK, ` opacity="0.8"`) + stroke(`M${n(x + 12 * s)} ${n(y + 24)}L${n(x + 12 * s)} ${n(y - 26)}L${n(x + 34 * s)} ${n(y - 16)}`, INK, 6, ` opacity="0.8"`);
    case "hanger":
      return stroke(`M${n(x)} ${n(y - 30)}q0 -18 14 -18t6 20l-50 40h100l-50 -40`, WHITE, 7, ` opacity="0.9"`);
    case "speed":
      return [0, 1, 2].map((i) => stroke(`M${n(x - 30 + i * 10)} ${n(y + i * 20)}h${n(50 - i * 12)}`, WHITE, 8, ` opacity="0.85"`)).join("");
    case "heart":
      return heart(x, y, 22 * s, "#ff6392");
    case "bubble":
      return circle(x, y, 22 * s, WHITE, ` opacity="0.55"`) + circle(x - 7 * s, y - 7 * s, 6 * s, WHITE) + circle(x + 34 * s, y + 24 * s, 10 * s, WHITE, ` opacity="0.5"`);
    case "drop":
      return path(`M${n(x)} ${n(y - 28 * s)}C${n(x + 24 * s)} ${n(y)} ${n(x + 20 * s)} ${n(y + 20 * s)} ${n(x)} ${n(y + 20 * s)}C${n(x - 20 * s)} ${n(y + 20 * s)} ${n(x - 24 * s)} ${n(y)} ${n(x)} ${n(y - 28 * s)}Z`, "#8ecae6");
    case "tealeaf":
      return leaf(x, y, 64 * s, rng.range(-180, 180), rng.pick(["#6a994e", "#8ab17d", "#52796f"]));
    case "leaf":
      return leaf(x, y, 58 * s, rng.range(-180, 180), rng.pick(["#6a994e", "#8ab17d", "#90be6d"]));
    case "grain":
      return [0, 1, 2].map((i) => ellipse(x + i * 18, y + (i % 2) * 12, 9, 5, WHITE, ` transform="rotate(${30 + i * 40} ${n(x + i * 18)} ${n(y + (i % 2) * 12)})"`)).join("");
    case "plant":
      return (
        leaf(x, y + 20, 60 * s, -70, "#6a994e") + leaf(x, y + 20, 54 * s, -120, "#8ab17d") + leaf(x, y + 20, 48 * s, -30, "#90be6d") + roundRect(x - 26, y + 20, 52, 50, 12, "#e76f51")
      );
    case "glow":
      return sparkle(x, y, 26 * s, "#fff3b0");
    case "star":
      return star(x, y, 20 * s, "#ffd166");
    case "paw":
      return (
        ellipse(x, y + 10, 18 * s, 15 * s, INK, ` opacity="0.25"`) +
        [-20, -7, 7, 20].map((dx, i) => circle(x + dx * s, y - (i === 0 || i === 3 ? 10 : 20) * s, 7 * s, INK, ` opacity="0.25"`)).join("")
      );
    case "pine":
      return path(`M${n(x)} ${n(y - 60 * s)}L${n(x + 34 * s)} ${n(y + 20 * s)}L${n(x - 34 * s)} ${n(y + 20 * s)}Z`, "#52796f") + roundRect(x - 5, y + 20 * s, 10, 20 * s, 3, "#8a6237");
    case "flag":
      return stroke(`M${n(x - 70)} ${n(y)}Q${n(x)} ${n(y + 26)} ${n(x + 70)} ${n(y)}`, INK, 3, ` opacity="0.5"`) + [-45, 0, 45].map((dx, i) => path(`M${n(x + dx - 12)} ${n(y + 10 + (i === 1 ? 4 : 0))}l24 0l-12 26Z`, [accent, "#ffd166", WHITE][i])).join("");
    case "crumb":
      return circle(x, y, 7 * s, "#f2b84b") + circle(x + 20, y + 12, 5 * s, "#f2b84b") + circle(x - 14, y + 18, 4 * s, "#d98f2b");
    case "bolt":
      return path(`M${n(x + 4)} ${n(y - 34)}L${n(x - 20)} ${n(y + 4)}L${n(x)} ${n(y + 4)}L${n(x - 8)} ${n(y + 34)}L${n(x + 22)} ${n(y - 6)}L${n(x + 2)} ${n(y - 6)}Z`, "#ffd166");
    case "bee":
      return (
        ellipse(x - 8, y - 18, 12, 16, WHITE, ` opacity="0.85"`) +
        ellipse(x + 8, y - 18, 12, 16, WHITE, ` opacity="0.85"`) +
        ellipse(x, y, 22, 16, "#ffb400") +
        roundRect(x - 6, y - 15, 8, 30, 3, INK) +
        roundRect(x + 8, y - 13, 7, 26, 3, INK)
      );
  }
}

// ───────────────────────────── product scene ─────────────────────────────

type Backdrop = "podium" | "arch" | "disc" | "float";
type Pattern = "dots" | "rings" | "stripes" | "waves" | "blobs" | "grid" | "plain";

function backgroundPattern(kind: Pattern, w: number, h: number, color: string, rng: Random): string {
  switch (kind) {
    case "dots": {
      let s = "";
      const step = 56;
      for (let y = step / 2; y < h; y += step) for (let x = step / 2 + ((y / step) % 2) * (step / 2); x < w; x += step) s += circle(x, y, 4, color);
      return `<g opacity="0.55">${s}</g>`;
    }
    case "rings": {
      const cx = rng.pick([0, w]);
      const cy = rng.pick([0, h]);
      return `<g fill="none" stroke="${color}" stroke-width="22" opacity="0.35">${[1, 2, 3, 4, 5, 6].map((i) => circle(cx, cy, i * 120, "none")).join("")}</g>`;
    }
    case "stripes": {
      let s = "";
      for (let x = -h; x < w; x += 70) s += `M${x} ${h}L${x + h} 0`;
      return stroke(s, color, 18, ` opacity="0.28" stroke-linecap="butt"`);
    }
    case "waves": {
      let s = "";
      for (let y = 60; y < h; y += 90) {
        s += `M0 ${y}`;
        for (let x = 0; x < w; x += 100) s += `q25 -22 50 0t50 0`;
      }
      return stroke(s, color, 8, ` opacity="0.4"`);
    }
    case "blobs":
      return circle(w * rng.range(0.05, 0.3), h * rng.range(0.05, 0.3), w * 0.28, color, ` opacity="0.35"`) + circle(w * rng.range(0.7, 0.95), h * rng.range(0.6, 0.9), w * 0.34, color, ` opacity="0.3"`);
    case "grid": {
      let s = "";
      for (let x = 0; x <= w; x += 80) s += `M${x} 0V${h}`;
      for (let y = 0; y <= h; y += 80) s += `M0 ${y}H${w}`;
      return stroke(s, color, 3, ` opacity="0.45" stroke-linecap="butt"`);
    }
    case "plain":
      return "";
  }
}

/** Places an object in a scene: backdrop, floor shadow, the object itself and props around it. */
function stageObject(
  art: ObjectArt,
  rng: Random,
  p: Palette,
  at: { x: number; y: number; scale: number },
  backdrop: Backdrop,
  propCount: number,
): { back: string; front: string } {
  const { x, y, scale } = at;
  const floorY = y + 200 * scale;
  const foot = art.foot * scale;
  let back = "";
  if (backdrop === "arch") {
    const w = 300 * scale;
    back += path(`M${n(x - w)} ${n(floorY + 40 * scale)}V${n(y - 40 * scale)}A${n(w)} ${n(w)} 0 0 1 ${n(x + w)} ${n(y - 40 * scale)}V${n(floorY + 40 * scale)}Z`, p.pattern, ` opacity="0.6"`);
  } else if (backdrop === "disc") {
    back += circle(x, y - 10 * scale, 290 * scale, p.pattern, ` opacity="0.55"`);
  }
  let shadow: string;
  if (backdrop === "podium") {
    const rx = Math.max(foot + 60 * scale, 200 * scale);
    const depth = 56 * scale;
    const podium = mix(p.bgB, WHITE, 0.45);
    shadow =
      roundRect(x - rx, floorY, rx * 2, depth, 0, darken(podium, 0.08)) +
      ellipse(x, floorY + depth, rx, 30 * scale, darken(podium, 0.08)) +
      ellipse(x, floorY, rx, 30 * scale, podium) +
      ellipse(x, floorY + 2 * scale, foot * 1.02, 16 * scale, "#1b1b2f", ` opacity="0.16"`);
  } else {
    shadow = ellipse(x, floorY + 6 * scale, foot * 1.05, 22 * scale, "#1b1b2f", ` opacity="0.14"`);
  }
  const tilt = backdrop === "float" ? rng.range(-7, 7) : 0;
  const object = `<g transform="translate(${n(x)} ${n(y)}) scale(${n(scale)}) rotate(${n(tilt)} 0 200)">${art.svg}</g>`;

  // Props sit on a ring around the object, never on top of it.
  let props = "";
  const start = rng.range(0, Math.PI * 2);
  for (let i = 0; i < propCount; i++) {
    const a = start + (i * Math.PI * 2) / propCount + rng.range(-0.35, 0.35);
    const r = rng.range(240, 280) * scale;
    const px = x + Math.cos(a) * r;
    const py = y - 20 * scale + Math.sin(a) * r * 0.85;
    if (py > floorY - 10) continue; // keep the floor clear
    props += `<g transform="translate(${n(px)} ${n(py)}) scale(${n(scale)}) translate(${n(-px)} ${n(-py)})">${drawProp(art.props[i % art.props.length], px, py, rng, p)}</g>`;
  }
  return { back: back + shadow, front: object + props };
}

function productSvg(artKey: ArtKey, seed: string): string {
  const rng = new Random(`product:${artKey}:${seed}`);
  const p = productPalette(rng);
  const art = PAINTERS[artKey](rng, p);
  const pattern = rng.pick<Pattern>(["dots", "rings", "stripes", "waves", "blobs", "grid", "plain"]);
  const backdrop = rng.pick<Backdrop>(["podium", "podium", "arch", "disc", "float"]);
  const scale = backdrop === "podium" ? rng.range(1.1, 1.18) : rng.range(1.18, 1.28);
  const x = 400 + rng.range(-16, 16);
  const y = backdrop === "podium" ? 360 : 390 + rng.range(-8, 8);
  const staged = stageObject(art, rng, p, { x, y, scale }, backdrop, rng.int(2, 4));
  const defs = linear("bg", p.bgA, p.bgB) + radial("light", WHITE, WHITE, 0);
  return svgDoc(
    800,
    800,
    defs,
    `<rect width="800" height="800" fill="url(#bg)"/>` +
      backgroundPattern(pattern, 800, 800, p.pattern, rng) +
      ellipse(330, 260, 360, 300, "url(#light)", ` opacity="0.55"`) +
      staged.back +
      staged.front,
  );
}

// ───────────────────────────── category icon ─────────────────────────────

function categoryIconSvg(artKey: ArtKey): string {
  const rng = new Random(`category:${artKey}`);
  const p = productPalette(rng);
  const art = PAINTERS[artKey](rng, p);
  return svgDoc(
    160,
    160,
    linear("bg", p.bgA, p.bgB),
    `<rect width="160" height="160" rx="36" fill="url(#bg)"/>` +
      ellipse(80, 138, art.foot * 0.28, 7, "#1b1b2f", ` opacity="0.12"`) +
      `<g transform="translate(80 78) scale(0.29)">${art.svg}</g>`,
  );
}

// ───────────────────────────── shop logo ─────────────────────────────

const LOGO_COLORS = ["#fe2c55", "#e4393c", "#ff6a00", "#f59e0b", "#16a34a", "#0d9488", "#0284c7", "#2563eb", "#7c3aed", "#c026d3", "#be123c", "#334155", "#854d0e", "#15803d"] as const;

function logoColors(rng: Random): { main: string; second: string; light: string } {
  const main = rng.pick(LOGO_COLORS);
  return { main, second: darken(main, 0.35), light: lighten(main, 0.82) };
}

function shopLogoSvg(seed: string): string {
  const rng = new Random(`logo:${seed}`);
  const { main, second, light } = logoColors(rng);
  const variant = rng.int(0, 11);
  const accent = rng.pick(["#ffd166", WHITE, "#06d6a0", "#ffafcc"]);
  const c = 200;
  let mark: string;
  switch (variant) {
    case 0: // four petals
      mark = [0, 90, 180, 270].map((a) => `<g transform="rotate(${a} ${c} ${c})">${ellipse(c, c - 58, 40, 62, a % 180 ? WHITE : accent)}</g>`).join("") + circle(c, c, 28, main);
      break;
    case 1: // mountain and sun
      mark = circle(c + 50, c - 50, 40, accent) + path(`M${c - 120} ${c + 80}L${c - 30} ${c - 60}L${c + 20} ${c + 10}L${c + 50} ${c - 20}L${c + 120} ${c + 80}Z`, WHITE);
      break;
    case 2: // interlocking rings
      mark = circle(c - 40, c, 70, "none", ` stroke="${WHITE}" stroke-width="26"`) + circle(c + 40, c, 70, "none", ` stroke="${accent}" stroke-width="26"`);
      break;
    case 3: // stacked chevrons
      mark = [0, 1, 2].map((i) => stroke(`M${c - 90} ${c - 50 + i * 50}L${c} ${c - 100 + i * 50}L${c + 90} ${c - 50 + i * 50}`, i === 1 ? accent : WHITE, 26)).join("");
      break;
    case 4: // leaf in a circle
      mark = circle(c, c, 100, WHITE) + leaf(c - 66, c + 40, 150, -35, main) + circle(c + 56, c - 56, 16, accent);
      break;
    case 5: // quarter circles (a geometric monogram)
      mark =
        path(`M${c - 100} ${c}A100 100 0 0 1 ${c} ${c - 100}V${c}Z`, WHITE) +
        path(`M${c} ${c}H${c + 100}A100 100 0 0 1 ${c} ${c + 100}Z`, WHITE) +
        path(`M${c} ${c - 100}A100 100 0 0 1 ${c + 100} ${c}H${c}Z`, accent) +
        circle(c - 50, c + 50, 30, accent);
      break;
    case 6: // diamond with a cut
      mark = path(`M${c} ${c - 110}L${c + 110} ${c}L${c} ${c + 110}L${c - 110} ${c}Z`, WHITE) + path(`M${c} ${c - 110}L${c + 110} ${c}L${c} ${c}Z`, accent) + circle(c, c, 26, main);
      break;
    case 7: // sun with rays
      mark =
        Array.from({ length: 12 }, (_, i) => `<g transform="rotate(${i * 30} ${c} ${c})">${roundRect(c - 9, c - 118, 18, 40, 9, i % 2 ? accent : WHITE)}</g>`).join("") +
        circle(c, c, 58, WHITE) +
        circle(c, c, 28, accent);
      break;
    case 8: // rising bars
      mark = [0, 1, 2, 3].map((i) => roundRect(c - 110 + i * 58, c + 80 - (i + 1) * 42, 42, (i + 1) * 42, 12, i === 3 ? accent : WHITE)).join("");
      break;
    case 9: // nested hexagons
      mark = [110, 70, 32]
        .map((r, i) => {
          const d = Array.from({ length: 6 }, (_, k) => {
            const a = (Math.PI / 3) * k - Math.PI / 2;
            return `${k ? "L" : "M"}${n(c + Math.cos(a) * r)} ${n(c + Math.sin(a) * r)}`;
          }).join("");
          return path(`${d}Z`, i === 1 ? main : i === 0 ? WHITE : accent);
        })
        .join("");
      break;
    case 10: // three dots in a triangle
      mark = circle(c, c - 58, 44, WHITE) + circle(c - 62, c + 48, 44, accent) + circle(c + 62, c + 48, 44, WHITE);
      break;
    default: // waves
      mark = [0, 1, 2].map((i) => stroke(`M${c - 100} ${c - 40 + i * 44}q25 -30 50 0t50 0t50 0t50 0`, i === 1 ? accent : WHITE, 20)).join("");
  }
  const rounded = rng.chance(0.5);
  const frame = rounded ? `<rect width="400" height="400" rx="96" fill="url(#lg)"/>` : `<circle cx="200" cy="200" r="200" fill="url(#lg)"/>`;
  return svgDoc(
    400,
    400,
    linear("lg", lighten(main, 0.08), second, false),
    frame + circle(320, 80, 70, light, ` opacity="0.15"`) + mark,
  );
}

// ───────────────────────────── avatar ─────────────────────────────

const SKIN = ["#f9d5bb", "#f1c27d", "#e0ac69", "#c68642", "#ffdbac", "#f3cfb3"] as const;
const HAIR = ["#2b2d42", "#4a2c2a", "#6f4e37", "#1b1b2f", "#a0522d", "#d4a373", "#7c3aed", "#e76f51"] as const;

function avatarSvg(seed: string): string {
  const rng = new Random(`avatar:${seed}`);
  const hue = rng.range(0, 360);
  const skin = rng.pick(SKIN);
  const hair = rng.pick(HAIR);
  const shirt = rng.pick(FINISHES);
  const style = rng.int(0, 5);
  const cx = 200;
  const cy = 190;
  const hairBack =
    style === 1
      ? path(`M${cx - 100} ${cy}Q${cx - 110} ${cy + 150} ${cx - 60} ${cy + 150}L${cx + 60} ${cy + 150}Q${cx + 110} ${cy + 150} ${cx + 100} ${cy}Z`, hair)
      : style === 4
        ? circle(cx, cy - 112, 46, hair)
        : "";
  const hairFront =
    style === 0
      ? path(`M${cx - 92} ${cy - 10}Q${cx - 100} ${cy - 120} ${cx} ${cy - 118}Q${cx + 100} ${cy - 120} ${cx + 92} ${cy - 10}Q${cx + 40} ${cy - 80} ${cx - 92} ${cy - 10}Z`, hair)
      : style === 1
        ? path(`M${cx - 96} ${cy + 10}Q${cx - 104} ${cy - 118} ${cx} ${cy - 118}Q${cx + 104} ${cy - 118} ${cx + 96} ${cy + 10}L${cx + 80} ${cy - 40}Q${cx} ${cy - 60} ${cx - 80} ${cy - 40}Z`, hair)
        : style === 2
          ? [-70, -35, 0, 35, 70].map((dx) => circle(cx + dx, cy - 88 + Math.abs(dx) * 0.3, 34, hair)).join("")
          : style === 3
            ? path(`M${cx - 98} ${cy - 20}Q${cx - 96} ${cy - 118} ${cx} ${cy - 116}Q${cx + 96} ${cy - 118} ${cx + 98} ${cy - 20}Z`, rng.pick(FINISHES)) +
              roundRect(cx - 20, cy - 50, 140, 24, 12, darken(rng.pick(FINISHES), 0.2))
            : path(`M${cx - 92} ${cy - 6}Q${cx - 100} ${cy - 116} ${cx} ${cy - 110}Q${cx + 100} ${cy - 116} ${cx + 92} ${cy - 6}Q${cx + 20} ${cy - 60} ${cx - 92} ${cy - 6}Z`, hair);
  const glasses = rng.chance(0.3);
  const eyes = glasses
    ? circle(cx - 38, cy + 10, 24, "none", ` stroke="${INK}" stroke-width="7"`) + circle(cx + 38, cy + 10, 24, "none", ` stroke="${INK}" stroke-width="7"`) + stroke(`M${cx - 14} ${cy + 10}H${cx + 14}`, INK, 6) + circle(cx - 38, cy + 12, 7, INK) + circle(cx + 38, cy + 12, 7, INK)
    : rng.chance(0.5)
      ? circle(cx - 38, cy + 12, 9, INK) + circle(cx + 38, cy + 12, 9, INK)
      : stroke(`M${cx - 50} ${cy + 14}q12 -12 24 0M${cx + 26} ${cy + 14}q12 -12 24 0`, INK, 7);
  return svgDoc(
    400,
    400,
    linear("abg", hsl(hue, 75, 88), hsl(hue + 30, 70, 76)),
    `<rect width="400" height="400" fill="url(#abg)"/>` +
      circle(70, 80, 40, WHITE, ` opacity="0.3"`) +
      circle(340, 330, 70, WHITE, ` opacity="0.2"`) +
      hairBack +
      path(`M${cx - 130} 400Q${cx - 130} ${cy + 120} ${cx} ${cy + 118}Q${cx + 130} ${cy + 120} ${cx + 130} 400Z`, shirt) +
      path(`M${cx - 30} ${cy + 118}Q${cx} ${cy + 150} ${cx + 30} ${cy + 118}Z`, skin) +
      roundRect(cx - 26, cy + 70, 52, 56, 20, darken(skin, 0.08)) +
      circle(cx - 96, cy + 16, 18, skin) +
      circle(cx + 96, cy + 16, 18, skin) +
      circle(cx, cy, 98, skin) +
      hairFront +
      eyes +
      ellipse(cx - 58, cy + 46, 16, 9, "#ff8fab", ` opacity="0.55"`) +
      ellipse(cx + 58, cy + 46, 16, 9, "#ff8fab", ` opacity="0.55"`) +
      stroke(`M${cx - 26} ${cy + 48}Q${cx} ${cy + 72} ${cx + 26} ${cy + 48}`, INK, 7),
  );
}

// ───────────────────────────── banners ─────────────────────────────

function confetti(rng: Random, w: number, h: number, count: number, colors: readonly string[], avoid?: { x0: number; x1: number }): string {
  let s = "";
  for (let i = 0; i < count; i++) {
    const x = rng.range(0, w);
    if (avoid && x > avoid.x0 && x < avoid.x1) continue;
    const y = rng.range(0, h);
    const c = rng.pick(colors);
    const k = rng.int(0, 3);
    s +=
      k === 0
        ? circle(x, y, rng.range(5, 12), c)
        : k === 1
          ? roundRect(x, y, rng.range(14, 30), 10, 5, c, ` transform="rotate(${Math.round(rng.range(0, 180))} ${n(x)} ${n(y)})"`)
          : k === 2
            ? sparkle(x, y, rng.range(10, 22), c)
            : star(x, y, rng.range(8, 14), c);
  }
  return `<g opacity="0.9">${s}</g>`;
}

function shopBannerSvg(seed: string, artKey: ArtKey | null): string {
  const rng = new Random(`shop-banner:${seed}`);
  const hue = rng.range(0, 360);
  const a = hsl(hue, 70, 58);
  const b = hsl(hue + 35, 75, 48);
  const W = 1600;
  const H = 500;
  let body =
    `<rect width="${W}" height="${H}" fill="url(#sb)"/>` +
    circle(W * 0.15, H * 1.1, 360, WHITE, ` opacity="0.12"`) +
    circle(W * 0.85, -60, 300, WHITE, ` opacity="0.12"`) +
    `<g opacity="0.6">${backgroundPattern(rng.pick<Pattern>(["dots", "waves", "stripes", "rings"]), W, H, WHITE, rng)}</g>` +
    path(`M0 ${H * 0.72}C${W * 0.25} ${H * 0.55} ${W * 0.5} ${H * 0.95} ${W} ${H * 0.7}V${H}H0Z`, WHITE, ` opacity="0.18"`);
  if (artKey) {
    // Three of the shop's goods on pedestals on the right; the left stays calm for the shop name.
    const slots = [
      { x: 1010, y: 215, scale: 0.46 },
      { x: 1230, y: 170, scale: 0.58 },
      { x: 1450, y: 225, scale: 0.44 },
    ];
    for (const [i, slot] of slots.entries()) {
      const pr = new Random(`shop-banner:${seed}:${i}`);
      const pal = { ...productPalette(pr), bgA: lighten(a, 0.7), bgB: lighten(b, 0.55), pattern: WHITE };
      const staged = stageObject(PAINTERS[artKey](pr, pal), pr, pal, slot, "podium", 0);
      body += staged.back + staged.front;
    }
    body += confetti(rng, W, H, 14, [WHITE, "#ffd166"], { x0: 0, x1: 900 });
  } else {
    body += confetti(rng, W, H, 30, [WHITE, "#ffd166", lighten(a, 0.6)]);
  }
  return svgDoc(W, H, linear("sb", a, b, false), body);
}

function bannerSvg(seed: string): string {
  const rng = new Random(`banner:${seed}`);
  const hue = rng.pick([350, 10, 25, 200, 265, 320, 160]) + rng.range(-8, 8);
  const a = hsl(hue, 85, 60);
  const b = hsl(hue + 40, 85, 52);
  const W = 1600;
  const H = 600;
  const keys = ART_KEYS.filter((k) => k !== "box");
  const chosen: ArtKey[] = [];
  while (chosen.length < 3) {
    const k = rng.pick(keys);
    if (!chosen.includes(k)) chosen.push(k);
  }
  const slots = [
    { x: 1000, y: 270, scale: 0.52 },
    { x: 1235, y: 215, scale: 0.66 },
    { x: 1460, y: 280, scale: 0.5 },
  ];
  let products = "";
  for (const [i, slot] of slots.entries()) {
    const pr = new Random(`banner:${seed}:${i}`);
    const pal = { ...productPalette(pr), bgA: lighten(a, 0.7), bgB: lighten(b, 0.6), pattern: WHITE };
    const staged = stageObject(PAINTERS[chosen[i]](pr, pal), pr, pal, slot, "podium", 0);
    products += staged.back + staged.front;
  }
  // A coupon-like ticket and ribbons give the "campaign" feel without any words.
  const ticket =
    `<g transform="translate(640 70) rotate(-8) scale(0.7)">` +
    roundRect(0, 0, 330, 120, 22, WHITE, ` opacity="0.95"`) +
    circle(0, 60, 22, a) +
    circle(330, 60, 22, b) +
    stroke(`M230 14V106`, a, 4, ` stroke-dasharray="8 8"`) +
    roundRect(36, 32, 150, 24, 12, a, ` opacity="0.85"`) +
    roundRect(36, 70, 100, 16, 8, a, ` opacity="0.45"`) +
    star(280, 60, 24, "#ffd166") +
    `</g>`;
  return svgDoc(
    W,
    H,
    linear("hb", a, b, false) + radial("hl", WHITE, WHITE, 0),
    `<rect width="${W}" height="${H}" fill="url(#hb)"/>` +
      backgroundPattern("rings", W, H, WHITE, rng) +
      ellipse(1250, 300, 520, 360, "url(#hl)", ` opacity="0.35"`) +
      path(`M0 ${H}V${H * 0.8}C${W * 0.3} ${H * 0.62} ${W * 0.6} ${H * 1.02} ${W} ${H * 0.74}V${H}Z`, WHITE, ` opacity="0.18"`) +
      ticket +
      products +
      confetti(rng, W, H, 30, [WHITE, "#ffd166", "#ffafcc", "#06d6a0"], { x0: 860, x1: 1600 }),
  );
}
