// Cookie-based (last-click) affiliate attribution: when a product is added to the cart or bought
// now without a creator in its link, and the visitor opened a creator's storefront or share link
// within the window, and the product is in that creator's showcase, the line is credited to the
// creator (field CONTENT, channel STOREFRONT). A link that names a creator always wins.
import type { DbClient } from "@/server/db/client";
import type { AttributionInput } from "@/server/cart/cart.schema";
import { isWithinWindow, type AffiliateRef } from "@/server/affiliate/affiliate-cookie";

/** The creator the cookie names, if it still exists. */
export async function resolveAffiliateCreator(db: DbClient, ref: AffiliateRef): Promise<string | null> {
  const creator =
    ref.kind === "handle"
      ? await db.creatorProfile.findUnique({ where: { handle: ref.handle }, select: { id: true } })
      : await db.creatorProfile.findUnique({ where: { id: ref.creatorId }, select: { id: true } });
  return creator?.id ?? null;
}

/** The attribution to record for a line: the link's, or the cookie's creator when it applies. */
export async function affiliateAttribution(
  db: DbClient,
  ref: AffiliateRef | null | undefined,
  variantId: string,
  link: AttributionInput | undefined,
  now = Date.now(),
): Promise<AttributionInput | undefined> {
  if (link?.creatorId || !ref || !isWithinWindow(ref, now)) return link;
  const creatorId = await resolveAffiliateCreator(db, ref);
  if (!creatorId) return link;
  const shown = await db.showcaseItem.findFirst({
    where: { creatorId, product: { variants: { some: { id: variantId } } } },
    select: { productId: true },
  });
  if (!shown) return link;
  return { field: "CONTENT", channel: "STOREFRONT", sourceId: creatorId, creatorId };
}

/** `input` with its attribution completed from the affiliate cookie (cart.add and buy-now inputs). */
export async function withAffiliateAttribution<T extends { variantId: string; attribution?: AttributionInput }>(
  db: DbClient,
  ref: AffiliateRef | null | undefined,
  input: T,
): Promise<T> {
  const attribution = await affiliateAttribution(db, ref, input.variantId, input.attribution);
  return attribution === input.attribution ? input : { ...input, attribution };
}

/** A checkout source whose buy-now line gets the same treatment (cart lines were attributed when added). */
export async function withAffiliateSource<T extends { buyNow?: { variantId: string; attribution?: AttributionInput } }>(
  db: DbClient,
  ref: AffiliateRef | null | undefined,
  source: T,
): Promise<T> {
  if (!source.buyNow || !ref) return source;
  return { ...source, buyNow: await withAffiliateAttribution(db, ref, source.buyNow) };
}
