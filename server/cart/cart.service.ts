// The shopping cart. A guest's cart is keyed by the anonymous visitor id (cookie), a signed-in
// shopper's by user id. Whenever a signed-in call still carries a visitor id that owns a guest cart,
// that cart is merged into the user's and deleted — on any cart call, so every way of signing in works.
// Prices are never stored as truth here: the cart shows current prices and remembers the price at
// adding time only to say "the price changed".
import type { Db, DbClient } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { recordServerEvent } from "@/server/reco/events.service";
import { groupByShop, maxQuantity, priceChange, shopTotals, sumTotals, MAX_LINE_QUANTITY } from "@/server/cart/pricing";
import { loadSku, loadSkus, type Sku } from "@/server/cart/sku";
import {
  DEFAULT_ATTRIBUTION,
  type AddToCartInput,
  type AttributionInput,
  type CartItemOutput,
  type CartOutput,
  type RemoveInput,
  type SetQuantityInput,
  type SetSelectedInput,
} from "@/server/cart/cart.schema";

/** At most this many different SKUs in one cart. */
export const MAX_CART_LINES = 100;

export interface CartOwner {
  userId: string | null;
  visitorId?: string | null;
}

type CartKey = { userId: string } | { visitorId: string };

function cartKey(owner: CartOwner): CartKey {
  if (owner.userId) return { userId: owner.userId };
  if (owner.visitorId) return { visitorId: owner.visitorId };
  throw new AppError("BAD_REQUEST", "Cookies are needed for a guest cart: enable cookies or sign in");
}

/**
 * The cart's id, creating the cart if there is none: one INSERT … ON CONFLICT statement, so two
 * requests creating the same cart at once (two tabs, a merge and an add) both get the one row —
 * also inside a transaction, where a failed insert would abort everything.
 */
async function ensureCart(db: DbClient, key: CartKey): Promise<string> {
  const id = `c${crypto.randomUUID().replace(/-/g, "")}`;
  const rows =
    "userId" in key
      ? await db.$queryRaw<Array<{ id: string }>>`
          INSERT INTO "Cart" ("id", "userId", "createdAt", "updatedAt") VALUES (${id}, ${key.userId}, now(), now())
          ON CONFLICT ("userId") DO UPDATE SET "updatedAt" = now() RETURNING "id"`
      : await db.$queryRaw<Array<{ id: string }>>`
          INSERT INTO "Cart" ("id", "visitorId", "createdAt", "updatedAt") VALUES (${id}, ${key.visitorId}, now(), now())
          ON CONFLICT ("visitorId") DO UPDATE SET "updatedAt" = now() RETURNING "id"`;
  return rows[0].id;
}

// ───────────────────────────── merge ─────────────────────────────

/** Whether an item carries a real attribution (anything but the default "mall, no source"). */
function hasAttribution(item: { attrField: string; attrChannel: string; attrSourceId: string | null; attrCreatorId: string | null }): boolean {
  return !(
    item.attrField === DEFAULT_ATTRIBUTION.field &&
    item.attrChannel === DEFAULT_ATTRIBUTION.channel &&
    item.attrSourceId === null &&
    item.attrCreatorId === null
  );
}

/**
 * Moves a guest cart into the signed-in user's cart: quantities add up (capped by stock and the
 * purchase limit), a guest item's attribution is kept when the user's item has none, and the guest
 * cart is deleted. Safe when two requests race: only the one that deletes the guest cart merges it.
 */
export async function mergeGuestCart(db: Db, userId: string, visitorId: string): Promise<boolean> {
  const guest = await db.cart.findUnique({ where: { visitorId }, select: { id: true, userId: true, _count: { select: { items: true } } } });
  if (!guest || guest.userId !== null) return false;
  return db.$transaction(async (tx) => {
    const guestItems = await tx.cartItem.findMany({
      where: { cartId: guest.id },
      include: { variant: { select: { stock: true, purchaseLimit: true } } },
    });
    const claimed = await tx.cart.deleteMany({ where: { id: guest.id, userId: null } });
    if (claimed.count === 0) return false;
    if (guestItems.length === 0) return true;
    const cartId = await ensureCart(tx, { userId });
    const mine = await tx.cartItem.findMany({ where: { cartId } });
    const byVariant = new Map(mine.map((i) => [i.variantId, i]));
    let lines = mine.length;
    for (const g of guestItems) {
      const cap = Math.max(1, maxQuantity(g.variant.stock, g.variant.purchaseLimit));
      const existing = byVariant.get(g.variantId);
      if (existing) {
        const keepGuestAttribution = !hasAttribution(existing) && hasAttribution(g);
        await tx.cartItem.update({
          where: { id: existing.id },
          data: {
            quantity: Math.min(existing.quantity + g.quantity, Math.max(cap, existing.quantity)),
            selected: existing.selected || g.selected,
            ...(keepGuestAttribution
              ? { attrField: g.attrField, attrChannel: g.attrChannel, attrSourceId: g.attrSourceId, attrCreatorId: g.attrCreatorId }
              : {}),
          },
        });
      } else if (lines < MAX_CART_LINES) {
        lines++;
        await tx.cartItem.create({
          data: {
            cartId,
            variantId: g.variantId,
            quantity: Math.min(g.quantity, cap),
            addedPriceFen: g.addedPriceFen,
            selected: g.selected,
            attrField: g.attrField,
            attrChannel: g.attrChannel,
            attrSourceId: g.attrSourceId,
            attrCreatorId: g.attrCreatorId,
            createdAt: g.createdAt,
          },
        });
      }
    }
    return true;
  });
}

/** Resolves whose cart this call is about, merging a leftover guest cart first. */
export async function resolveCart(db: Db, owner: CartOwner): Promise<CartKey> {
  const key = cartKey(owner);
  if (owner.userId && owner.visitorId) await mergeGuestCart(db, owner.userId, owner.visitorId);
  return key;
}

// ───────────────────────────── reading ─────────────────────────────

interface ItemRow {
  id: string;
  quantity: number;
  addedPriceFen: number;
  selected: boolean;
  attrField: CartItemOutput["attribution"]["field"];
  attrChannel: CartItemOutput["attribution"]["channel"];
  attrSourceId: string | null;
  attrCreatorId: string | null;
}

function toItem(row: ItemRow, sku: Sku): CartItemOutput {
  const max = maxQuantity(sku.stock, sku.purchaseLimit);
  const isUnavailable = !sku.isForSale;
  const isSoldOut = !isUnavailable && sku.stock <= 0;
  const isInsufficient = !isUnavailable && !isSoldOut && row.quantity > max;
  const change = priceChange(row.addedPriceFen, sku.priceFen);
  return {
    id: row.id,
    variantId: sku.id,
    productId: sku.productId,
    productSlug: sku.productSlug,
    sku: sku.sku,
    titleZh: sku.titleZh,
    titleEn: sku.titleEn,
    variantLabelZh: sku.variantLabelZh,
    variantLabelEn: sku.variantLabelEn,
    imageUrl: sku.imageUrl,
    unitPriceFen: sku.priceFen,
    addedPriceFen: row.addedPriceFen,
    isPriceChanged: change !== null,
    priceChange: change,
    quantity: row.quantity,
    stock: sku.stock,
    purchaseLimit: sku.purchaseLimit,
    maxQuantity: max,
    isUnavailable,
    isSoldOut,
    isInsufficient,
    isSelected: row.selected,
    lineTotalFen: sku.priceFen * row.quantity,
    attribution: { field: row.attrField, channel: row.attrChannel, sourceId: row.attrSourceId, creatorId: row.attrCreatorId },
  };
}

/** Can this line be checked out as it stands? */
export function isPurchasable(item: Pick<CartItemOutput, "isUnavailable" | "isSoldOut" | "isInsufficient">): boolean {
  return !item.isUnavailable && !item.isSoldOut && !item.isInsufficient;
}

const EMPTY_CART: CartOutput = {
  shops: [],
  itemCount: 0,
  selectedQuantity: 0,
  selectedCount: 0,
  isAllSelected: false,
  subtotalFen: 0,
  shippingFeeFen: 0,
  discountFen: 0,
  totalFen: 0,
};

async function loadCartView(db: DbClient, key: CartKey): Promise<CartOutput> {
  const rows = await db.cartItem.findMany({ where: { cart: key }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  if (rows.length === 0) return EMPTY_CART;
  const skus = await loadSkus(db, rows.map((r) => r.variantId), "userId" in key ? key.userId : null);
  const items = rows.flatMap((row) => {
    const sku = skus.get(row.variantId);
    // The SKU row cascades to its cart items; a missing one was deleted in between.
    return sku ? [{ shopId: sku.shopId, shop: sku.shop, item: toItem(row, sku) }] : [];
  });
  if (items.length === 0) return EMPTY_CART;
  const shops = groupByShop(items).map(({ items: group }) => {
    const shop = group[0].shop;
    const counted = group.filter((g) => g.item.isSelected && isPurchasable(g.item));
    const totals = shopTotals(shop, counted.map((g) => ({ unitPriceFen: g.item.unitPriceFen, quantity: g.item.quantity })));
    return { shop, items: group.map((g) => g.item), ...totals };
  });
  const all = items.map((i) => i.item);
  const purchasable = all.filter(isPurchasable);
  const selected = purchasable.filter((i) => i.isSelected);
  return {
    shops,
    itemCount: all.length,
    selectedQuantity: selected.reduce((n, i) => n + i.quantity, 0),
    selectedCount: selected.length,
    isAllSelected: purchasable.length > 0 && selected.length === purchasable.length,
    ...sumTotals(shops),
  };
}

export async function getCart(db: Db, owner: CartOwner): Promise<CartOutput> {
  return loadCartView(db, await resolveCart(db, owner));
}

/** Number of lines in the cart, for the header badge. */
export async function countCart(db: Db, owner: CartOwner): Promise<number> {
  const key = await resolveCart(db, owner);
  return db.cartItem.count({ where: { cart: key } });
}

// ───────────────────────────── writing ─────────────────────────────

async function loadSkuForSale(db: DbClient, variantId: string, userId: string | null): Promise<Sku> {
  const sku = await loadSku(db, variantId, userId);
  if (!sku) throw new AppError("NOT_FOUND", "variantId does not refer to a product option for sale", { field: "variantId" });
  if (!sku.isForSale) throw new AppError("NOT_FOUND", "variantId refers to a product option that is no longer for sale", { field: "variantId" });
  return sku;
}

function assertQuantity(sku: Sku, quantity: number, inCart = 0): void {
  const max = maxQuantity(sku.stock, sku.purchaseLimit);
  if (max === 0) throw new AppError("BAD_REQUEST", "quantity: this option is sold out", { field: "quantity" });
  if (quantity > max) {
    let why = "";
    if (max === sku.stock && max < MAX_LINE_QUANTITY) why = ` (only ${sku.stock} in stock)`;
    else if (max === sku.purchaseLimit) why = ` (limit ${sku.purchaseLimit} per order)`;
    const already = inCart > 0 ? `; ${inCart} already in your cart` : "";
    throw new AppError("BAD_REQUEST", `quantity must be at most ${max}${why}${already}`, { field: "quantity" });
  }
}

export const DEFAULT_ATTRIBUTION_COLUMNS = { attrField: DEFAULT_ATTRIBUTION.field, attrChannel: DEFAULT_ATTRIBUTION.channel } as const;

/** Keeps a creator id only when it names a real creator; a stale share link should not block buying. */
export async function attributionColumns(db: DbClient, a: AttributionInput) {
  let creatorId = a.creatorId ?? null;
  if (creatorId) {
    const creator = await db.creatorProfile.findUnique({ where: { id: creatorId }, select: { id: true } });
    if (!creator) creatorId = null;
  }
  return { attrField: a.field, attrChannel: a.channel, attrSourceId: a.sourceId ?? null, attrCreatorId: creatorId };
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === "P2002";
}

/** Adds units of a SKU (to its existing line, if any). A new attribution replaces the line's: last touch wins. */
export async function addToCart(db: Db, owner: CartOwner, input: AddToCartInput): Promise<CartOutput> {
  const key = await resolveCart(db, owner);
  const sku = await loadSkuForSale(db, input.variantId, owner.userId);
  const attribution = input.attribution ? await attributionColumns(db, input.attribution) : null;
  const cartId = await ensureCart(db, key);
  // Read, check, write — retried when another add to the same line got in between (the write
  // only applies to the quantity it read; a new line's unique (cartId, variantId) index decides).
  for (let attempt = 0; ; attempt++) {
    const existing = await db.cartItem.findUnique({ where: { cartId_variantId: { cartId, variantId: sku.id } } });
    const quantity = (existing?.quantity ?? 0) + input.quantity;
    assertQuantity(sku, quantity, existing?.quantity ?? 0);
    let written = false;
    try {
      if (existing) {
        const moved = await db.cartItem.updateMany({
          where: { id: existing.id, quantity: existing.quantity },
          data: { quantity, addedPriceFen: sku.priceFen, selected: true, ...(attribution ?? {}) },
        });
        written = moved.count === 1;
      } else {
        const lines = await db.cartItem.count({ where: { cartId } });
        if (lines >= MAX_CART_LINES) {
          throw new AppError("BAD_REQUEST", `Your cart is full (${MAX_CART_LINES} items): remove something first`, { field: "variantId" });
        }
        await db.cartItem.create({
          data: { cartId, variantId: sku.id, quantity, addedPriceFen: sku.priceFen, ...(attribution ?? DEFAULT_ATTRIBUTION_COLUMNS) },
        });
        written = true;
      }
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    if (written) break;
    if (attempt >= 4) throw new AppError("CONFLICT", "Your cart changed at the same moment: please try again");
  }
  await recordServerEvent(db, { userId: owner.userId, visitorId: owner.visitorId ?? null }, { kind: "ADD_TO_CART", productId: sku.productId });
  return loadCartView(db, key);
}

/** The caller's own cart item, or NOT_FOUND (someone else's item looks exactly like a missing one). */
async function ownItem(db: DbClient, key: CartKey, itemId: string) {
  const item = await db.cartItem.findFirst({ where: { id: itemId, cart: key } });
  if (!item) throw new AppError("NOT_FOUND", "itemId does not refer to an item in your cart", { field: "itemId" });
  return item;
}

export async function setQuantity(db: Db, owner: CartOwner, input: SetQuantityInput): Promise<CartOutput> {
  const key = await resolveCart(db, owner);
  const item = await ownItem(db, key, input.itemId);
  const sku = await loadSku(db, item.variantId, owner.userId);
  if (!sku) throw new AppError("NOT_FOUND", "itemId does not refer to an item in your cart", { field: "itemId" });
  if (!sku.isForSale) throw new AppError("BAD_REQUEST", "quantity: this product is no longer for sale", { field: "quantity" });
  // Lowering a line that is over the stock is always allowed (towards what can be bought); raising it is checked.
  if (input.quantity > item.quantity) assertQuantity(sku, input.quantity);
  await db.cartItem.update({ where: { id: item.id }, data: { quantity: input.quantity } });
  return loadCartView(db, key);
}

export async function setSelected(db: Db, owner: CartOwner, input: SetSelectedInput): Promise<CartOutput> {
  const key = await resolveCart(db, owner);
  if (input.itemId) {
    const item = await ownItem(db, key, input.itemId);
    await db.cartItem.update({ where: { id: item.id }, data: { selected: input.selected } });
  } else {
    const inShop = input.shopId ? { variant: { product: { shopId: input.shopId } } } : {};
    await db.cartItem.updateMany({ where: { cart: key, ...inShop }, data: { selected: input.selected } });
  }
  return loadCartView(db, key);
}

/** Removes items from the caller's cart; naming anyone else's item removes nothing and is NOT_FOUND. */
export async function removeItems(db: Db, owner: CartOwner, input: RemoveInput): Promise<CartOutput> {
  const key = await resolveCart(db, owner);
  const ids = [...new Set(input.itemIds)];
  await db.$transaction(async (tx) => {
    const removed = await tx.cartItem.deleteMany({ where: { id: { in: ids }, cart: key } });
    if (removed.count !== ids.length) {
      throw new AppError("NOT_FOUND", "itemIds names an item that is not in your cart", { field: "itemIds" });
    }
  });
  return loadCartView(db, key);
}
