// Campaigns: admin-only create/update, seller enrolment of their own SKUs with the price rules, the
// campaign price paid in cart and checkout while the campaign runs (regular price after it ends),
// and MARKETING / CAMPAIGN attribution on order items.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import { createCaller } from "@/server/api/root";
import type { Role } from "@/server/api/trpc";
import { loadSkus } from "@/server/cart/sku";
import { createTestDb } from "@/tests/factories/db";
import { createUser, uniqueSuffix } from "@/tests/factories/catalog";
import { callerFor, createAddressFor, createSkus } from "@/tests/factories/shopping";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
});
afterAll(async () => {
  await close();
});

async function failure(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

const DAY = 86_400_000;
const as = (userId: string, roles: Role[]) => createCaller({ db, user: { id: userId, roles }, visitorId: null });

async function admin() {
  const u = await createUser(db, { roles: ["SHOPPER", "ADMIN"] });
  return as(u.id, u.roles as Role[]);
}

/** A seller with a shop and one ACTIVE product (two SKUs: ¥100 and ¥200). */
async function seller() {
  const u = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
  const skus = await createSkus(db, {
    variants: [
      { priceFen: 10000, stock: 50 },
      { priceFen: 20000, stock: 50 },
    ],
    options: [{ nameZh: "规格", nameEn: "Size", values: [{ valueZh: "小", valueEn: "S" }, { valueZh: "大", valueEn: "L" }] }],
  });
  await db.shopMember.create({ data: { shopId: skus.shop.id, userId: u.id, role: "OWNER" } });
  return { user: u, me: as(u.id, ["SHOPPER", "SELLER"]), ...skus };
}

function campaignInput(overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    slug: `test-${uniqueSuffix()}`,
    kind: "PROMOTION" as const,
    titleZh: "测试活动",
    titleEn: "Test campaign",
    startsAt: new Date(now - DAY),
    endsAt: new Date(now + 7 * DAY),
    minDiscountBp: 1000,
    ...overrides,
  };
}

describe("admin campaigns", () => {
  it("an admin creates and updates a campaign with a generated banner; the list counts enrolled items", async () => {
    const op = await admin();
    const input = campaignInput();
    const created = await op.campaign.admin.create(input);
    const row = await db.campaign.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ slug: input.slug, kind: "PROMOTION", titleZh: "测试活动", minDiscountBp: 1000, enrolOpen: true, regionId: null });
    expect(row.bannerUrl).toMatch(/^\/media\/art\/banner\/campaign-test-[a-f0-9]+\.svg$/);

    await op.campaign.admin.update({ id: created.id, ...input, titleEn: "Renamed", enrolOpen: false });
    const got = await op.campaign.admin.get({ id: created.id });
    expect(got).toMatchObject({ titleEn: "Renamed", enrolOpen: false, phase: "RUNNING", itemCount: 0, shopCount: 0 });
  });

  it("non-admins cannot create or update campaigns; nothing is written", async () => {
    const shopper = await createUser(db);
    const s = await seller();
    const input = campaignInput();
    for (const caller of [as(shopper.id, ["SHOPPER"]), s.me]) {
      expect((await failure(caller.campaign.admin.create(input))).code).toBe("FORBIDDEN");
    }
    expect((await failure(callerFor(db, {}).campaign.admin.create(input))).code).toBe("UNAUTHORIZED");
    expect(await db.campaign.count({ where: { slug: input.slug } })).toBe(0);
  });

  it("bad input is a 400 naming the field, and nothing is written", async () => {
    const op = await admin();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ slug: "Bad Slug!" }, "slug"],
      [{ titleZh: "" }, "titleZh"],
      [{ minDiscountBp: -5 }, "minDiscountBp"],
      [{ kind: "ORIGIN", regionId: null }, "regionId"],
      [{ endsAt: new Date(Date.now() - 2 * DAY) }, "endsAt"],
      [{ kind: "ORIGIN", regionId: "region_nowhere" }, "regionId"],
    ];
    for (const [overrides, field] of cases) {
      const input = campaignInput(overrides);
      const err = await failure(op.campaign.admin.create(input as never));
      expect(err.code, field).toBe("BAD_REQUEST");
      expect(err.message).toContain(`${field}:`);
      expect(await db.campaign.count({ where: { slug: String(input.slug) } })).toBe(0);
    }
    const taken = campaignInput();
    await op.campaign.admin.create(taken);
    const dup = await failure(op.campaign.admin.create({ ...campaignInput(), slug: taken.slug }));
    expect(dup.code).toBe("CONFLICT");
    expect(dup.message).toContain("slug:");
  });
});

describe("seller enrolment", () => {
  it("enrols a SKU at a price at least the minimum discount below the regular price (yuan → fen)", async () => {
    const op = await admin();
    const c = await op.campaign.admin.create(campaignInput({ startsAt: new Date(Date.now() + DAY), endsAt: new Date(Date.now() + 5 * DAY) }));
    const s = await seller();
    const [small] = s.variants;

    const tooHigh = await failure(s.me.campaign.seller.enrol({ campaignId: c.id, variantId: small.id, price: "90.01" }));
    expect(tooHigh.code).toBe("BAD_REQUEST");
    expect(tooHigh.message).toMatch(/^price: /);
    for (const price of ["0", "abc", "12.345", "-1"]) {
      const err = await failure(s.me.campaign.seller.enrol({ campaignId: c.id, variantId: small.id, price }));
      expect(err.code, price).toBe("BAD_REQUEST");
      expect(err.message).toContain("price");
    }
    expect(await db.campaignItem.count({ where: { campaignId: c.id } })).toBe(0);

    const ok = await s.me.campaign.seller.enrol({ campaignId: c.id, variantId: small.id, price: "90" });
    expect(ok.campaignPriceFen).toBe(9000);
    // Before the start: may raise (within the rule) or withdraw.
    await s.me.campaign.seller.enrol({ campaignId: c.id, variantId: small.id, price: "¥85.5" });
    expect((await db.campaignItem.findFirstOrThrow({ where: { campaignId: c.id, variantId: small.id } })).campaignPriceFen).toBe(8550);
    const list = await s.me.campaign.seller.list();
    const mine = list.campaigns.find((x) => x.id === c.id)!;
    expect(mine).toMatchObject({ canEnrol: true, canWithdraw: true });
    expect(mine.enrolled).toEqual([expect.objectContaining({ variantId: small.id, campaignPriceFen: 8550, regularPriceFen: 10000, variantLabelZh: "小" })]);
    expect(list.skus.map((k) => k.variantId).sort()).toEqual(s.variants.map((v) => v.id).sort());

    await s.me.campaign.seller.withdraw({ campaignId: c.id, variantId: small.id });
    expect(await db.campaignItem.count({ where: { campaignId: c.id } })).toBe(0);
  });

  it("a running campaign's price only goes down and its SKUs cannot be withdrawn", async () => {
    const op = await admin();
    const c = await op.campaign.admin.create(campaignInput());
    const s = await seller();
    const v = s.variants[1];
    await s.me.campaign.seller.enrol({ campaignId: c.id, variantId: v.id, price: "150" });
    const up = await failure(s.me.campaign.seller.enrol({ campaignId: c.id, variantId: v.id, price: "160" }));
    expect(up.code).toBe("CONFLICT");
    expect(up.message).toMatch(/only be lowered/);
    await s.me.campaign.seller.enrol({ campaignId: c.id, variantId: v.id, price: "140" });
    const w = await failure(s.me.campaign.seller.withdraw({ campaignId: c.id, variantId: v.id }));
    expect(w.code).toBe("CONFLICT");
    expect((await db.campaignItem.findFirstOrThrow({ where: { campaignId: c.id, variantId: v.id } })).campaignPriceFen).toBe(14000);
  });

  it("a seller can never enrol or withdraw another shop's SKU; inactive products and closed campaigns are refused", async () => {
    const op = await admin();
    const c = await op.campaign.admin.create(campaignInput({ startsAt: new Date(Date.now() + DAY), endsAt: new Date(Date.now() + 3 * DAY) }));
    const a = await seller();
    const b = await seller();
    const stolen = await failure(b.me.campaign.seller.enrol({ campaignId: c.id, variantId: a.variants[0].id, price: "50" }));
    expect(stolen.code).toBe("FORBIDDEN");
    expect(await db.campaignItem.count({ where: { campaignId: c.id } })).toBe(0);

    await a.me.campaign.seller.enrol({ campaignId: c.id, variantId: a.variants[0].id, price: "50" });
    const w = await failure(b.me.campaign.seller.withdraw({ campaignId: c.id, variantId: a.variants[0].id }));
    expect(w.code).toBe("FORBIDDEN");
    expect(await db.campaignItem.count({ where: { campaignId: c.id } })).toBe(1);
    expect(await op.campaign.admin.get({ id: c.id })).toMatchObject({ itemCount: 1, shopCount: 1 });
    // B's listing never shows A's items.
    expect((await b.me.campaign.seller.list()).campaigns.find((x) => x.id === c.id)?.enrolled).toEqual([]);
    // A shopper (not a seller) cannot call it at all.
    const shopper = await createUser(db);
    expect((await failure(as(shopper.id, ["SHOPPER"]).campaign.seller.enrol({ campaignId: c.id, variantId: a.variants[1].id, price: "50" }))).code).toBe("FORBIDDEN");

    const draft = await createSkus(db, { shopId: a.shop.id, status: "DRAFT" });
    const inactive = await failure(a.me.campaign.seller.enrol({ campaignId: c.id, variantId: draft.variants[0].id, price: "50" }));
    expect(inactive.code).toBe("BAD_REQUEST");
    expect(inactive.message).toMatch(/^variantId: /);

    await op.campaign.admin.update({ id: c.id, ...campaignInput({ slug: (await db.campaign.findUniqueOrThrow({ where: { id: c.id } })).slug, startsAt: new Date(Date.now() + DAY), endsAt: new Date(Date.now() + 3 * DAY) }), enrolOpen: false });
    const closed = await failure(a.me.campaign.seller.enrol({ campaignId: c.id, variantId: a.variants[1].id, price: "150" }));
    expect(closed.code).toBe("CONFLICT");
    expect(await db.campaignItem.count({ where: { campaignId: c.id } })).toBe(1);
  });
});

describe("origin campaigns", () => {
  it("take only goods from their region, and show the region's producers and story", async () => {
    const region = await db.region.create({
      data: { slug: `r-${uniqueSuffix()}`, nameZh: "测试产地", nameEn: "Test Region", provinceZh: "测试省", provinceEn: "Test", descriptionZh: "产地故事", descriptionEn: "Story" },
    });
    const op = await admin();
    const c = await op.campaign.admin.create(campaignInput({ kind: "ORIGIN", regionId: region.id }));
    const local = await seller();
    await db.shop.update({ where: { id: local.shop.id }, data: { regionId: region.id } });
    const outsider = await seller();
    const refused = await failure(outsider.me.campaign.seller.enrol({ campaignId: c.id, variantId: outsider.variants[0].id, price: "50" }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/^variantId: .*region/);
    await local.me.campaign.seller.enrol({ campaignId: c.id, variantId: local.variants[0].id, price: "50" });
    const mine = (await local.me.campaign.seller.list()).campaigns.find((x) => x.id === c.id)!;
    expect(mine.regionId).toBe(region.id);

    const page = await callerFor(db, {}).campaign.get({ slug: (await db.campaign.findUniqueOrThrow({ where: { id: c.id } })).slug });
    expect(page.kind).toBe("ORIGIN");
    expect(page.regionStory).toEqual({ descriptionZh: "产地故事", descriptionEn: "Story" });
    expect(page.producers.map((p) => p.id)).toEqual([local.shop.id]);
    expect(page.products.map((p) => p.productId)).toEqual([local.product.id]);
  });
});

describe("campaign prices in cart and checkout", () => {
  it("pays the campaign price while running, the regular price after the end; orders carry MARKETING / CAMPAIGN", async () => {
    const op = await admin();
    const c = await op.campaign.admin.create(campaignInput());
    const s = await seller();
    const v = s.variants[0];
    await s.me.campaign.seller.enrol({ campaignId: c.id, variantId: v.id, price: "79" });

    // loadSkus: campaign price now, regular price once it has ended.
    const now = (await loadSkus(db, [v.id])).get(v.id)!;
    expect(now).toMatchObject({ priceFen: 7900, regularPriceFen: 10000, priceKind: "CAMPAIGN", campaignId: c.id });
    const later = (await loadSkus(db, [v.id], null, new Date(Date.now() + 8 * DAY))).get(v.id)!;
    expect(later).toMatchObject({ priceFen: 10000, priceKind: "REGULAR", campaignId: null });

    // Public page and product band.
    const page = await callerFor(db, {}).campaign.get({ slug: (await db.campaign.findUniqueOrThrow({ where: { id: c.id } })).slug });
    expect(page.phase).toBe("RUNNING");
    expect(page.products).toEqual([expect.objectContaining({ productId: s.product.id, campaignPriceFen: 7900, regularPriceFen: 10000, discountPercent: 21 })]);
    const band = await callerFor(db, {}).campaign.productPrices({ productId: s.product.id });
    expect(band?.campaign.id).toBe(c.id);
    expect(band?.variants).toEqual(
      expect.arrayContaining([
        { variantId: v.id, priceFen: 7900, regularPriceFen: 10000, isCampaign: true },
        { variantId: s.variants[1].id, priceFen: 20000, regularPriceFen: 20000, isCampaign: false },
      ]),
    );

    // A shopper arrives from the campaign page link (?ch=campaign&src=<id>) and buys.
    const buyer = await createUser(db);
    const address = await createAddressFor(db, buyer.id);
    const me = callerFor(db, { userId: buyer.id });
    const cart = await me.cart.add({ variantId: v.id, quantity: 2, attribution: { field: "MARKETING", channel: "CAMPAIGN", sourceId: c.id } });
    expect(cart.shops.flatMap((g) => g.items).find((i) => i.variantId === v.id)?.unitPriceFen).toBe(7900);
    const placed = await me.checkout.place({ idempotencyKey: crypto.randomUUID(), addressId: address.id, source: { cart: true } });
    const item = await db.orderItem.findFirstOrThrow({ where: { order: { checkoutId: placed.checkoutId } } });
    expect(item).toMatchObject({ unitPriceFen: 7900, quantity: 2, lineTotalFen: 15800, attrField: "MARKETING", attrChannel: "CAMPAIGN", attrSourceId: c.id });

    // The campaign ends: the next checkout pays the regular price, the page shows it ended.
    await db.campaign.update({ where: { id: c.id }, data: { startsAt: new Date(Date.now() - 3 * DAY), endsAt: new Date(Date.now() - 1000) } });
    const preview = await me.checkout.preview({ source: { buyNow: { variantId: v.id, quantity: 1 } } });
    expect(preview.subtotalFen).toBe(10000);
    expect(await callerFor(db, {}).campaign.productPrices({ productId: s.product.id })).toBeNull();
    expect((await callerFor(db, {}).campaign.get({ slug: page.slug })).phase).toBe("ENDED");
  });

  it("unknown campaign slugs are NOT_FOUND; the public list groups by phase", async () => {
    expect((await failure(callerFor(db, {}).campaign.get({ slug: `missing-${uniqueSuffix()}` }))).code).toBe("NOT_FOUND");
    const op = await admin();
    const up = await op.campaign.admin.create(campaignInput({ startsAt: new Date(Date.now() + 2 * DAY), endsAt: new Date(Date.now() + 4 * DAY) }));
    const run = await op.campaign.admin.create(campaignInput());
    const lists = await callerFor(db, {}).campaign.list();
    expect(lists.upcoming.map((c) => c.id)).toContain(up.id);
    expect(lists.running.map((c) => c.id)).toContain(run.id);
    expect(lists.running.map((c) => c.id)).not.toContain(up.id);
  });
});
