// Sale attribution carried in product links: `/p/<slug>?ch=search&src=<query or id>&cr=<creator id>`.
// Pages add it to the links they render; the product page reads it back (junk is ignored) and hands
// it to cart.add / buy now. The server validates it again (server/cart/cart.schema.ts). Canonical
// URLs never carry it: a product page's canonical is always the plain /p/<slug>.

export const CHANNEL_PARAMS = ["video", "live", "search", "mall", "shop", "storefront", "campaign"] as const;
export type ChannelParam = (typeof CHANNEL_PARAMS)[number];

type Channel = "VIDEO" | "LIVE" | "SEARCH" | "MALL" | "SHOP" | "STOREFRONT" | "CAMPAIGN";
type Field = "CONTENT" | "CENTER" | "MARKETING";

/** content = goods find people; center = people find goods; marketing = campaigns. */
export const FIELD_OF_CHANNEL: Record<Channel, Field> = {
  VIDEO: "CONTENT",
  LIVE: "CONTENT",
  STOREFRONT: "CONTENT",
  SEARCH: "CENTER",
  MALL: "CENTER",
  SHOP: "CENTER",
  CAMPAIGN: "MARKETING",
};

export interface Attribution {
  field: Field;
  channel: Channel;
  sourceId?: string;
  creatorId?: string;
}

/** What a link says about where it came from. */
export interface LinkSource {
  ch: ChannelParam;
  src?: string | null;
  cr?: string | null;
}

export const MAX_SOURCE_LENGTH = 200;
const CREATOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

type QueryValue = string | string[] | undefined | null;

function first(v: QueryValue): string | undefined {
  return (Array.isArray(v) ? v[0] : v) ?? undefined;
}

/** Reads `ch`, `src` and `cr` from a query; null unless `ch` names a channel. Bad `src`/`cr` are dropped. */
export function attributionFromQuery(query: { ch?: QueryValue; src?: QueryValue; cr?: QueryValue }): Attribution | null {
  const ch = first(query.ch)?.trim().toLowerCase();
  if (!ch || !(CHANNEL_PARAMS as readonly string[]).includes(ch)) return null;
  const channel = ch.toUpperCase() as Channel;
  const attribution: Attribution = { field: FIELD_OF_CHANNEL[channel], channel };
  const src = first(query.src)?.trim();
  if (src && src.length <= MAX_SOURCE_LENGTH) attribution.sourceId = src;
  const cr = first(query.cr)?.trim();
  if (cr && CREATOR_ID.test(cr)) attribution.creatorId = cr;
  return attribution;
}

/** The query parameters that carry an attribution on to another link (e.g. buy now → checkout). */
export function attributionParams(a: Attribution | null): Record<string, string> {
  if (!a) return {};
  const params: Record<string, string> = { ch: a.channel.toLowerCase() };
  if (a.sourceId) params.src = a.sourceId;
  if (a.creatorId) params.cr = a.creatorId;
  return params;
}

/** `/p/<slug>` with the link's source in the query string (locale-free; pass it to the i18n Link). */
export function productHref(slug: string, source?: LinkSource | null): string {
  const path = `/p/${slug}`;
  if (!source) return path;
  const params = new URLSearchParams({ ch: source.ch });
  const src = source.src?.trim();
  if (src) params.set("src", src.slice(0, MAX_SOURCE_LENGTH));
  if (source.cr && CREATOR_ID.test(source.cr)) params.set("cr", source.cr);
  return `${path}?${params.toString()}`;
}
