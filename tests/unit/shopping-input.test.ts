import { describe, expect, it } from "vitest";
import { addressFields } from "@/server/address/address.schema";
import { attributionInput, CHANNEL_FIELD } from "@/server/cart/cart.schema";
import { placeInput } from "@/server/checkout/checkout.schema";
import { Gate } from "@/server/checkout/gate";
import { attributionFromQuery, attributionParams, FIELD_OF_CHANNEL, productHref } from "@/app/_lib/attribution";

const ADDRESS = { recipient: "张三", phone: "13800138000", province: "浙江省", city: "杭州市", district: "西湖区", street: "文三路 100 号" };

function firstIssuePath(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) {
  return result.success ? null : result.error!.issues[0].path.join(".");
}

describe("address fields", () => {
  it("accepts mainland mobile numbers only", () => {
    for (const phone of ["13800138000", "19912345678", "138 0013 8000", "138-0013-8000"]) {
      expect(addressFields.safeParse({ ...ADDRESS, phone }).success, phone).toBe(true);
    }
    for (const phone of ["12800138000", "1380013800", "138001380000", "+8613800138000", "abcdefghijk", ""]) {
      expect(firstIssuePath(addressFields.safeParse({ ...ADDRESS, phone })), phone).toBe("phone");
    }
  });
  it("needs every region part, a detailed street and at most a 6-digit postal code", () => {
    expect(firstIssuePath(addressFields.safeParse({ ...ADDRESS, city: "  " }))).toBe("city");
    expect(firstIssuePath(addressFields.safeParse({ ...ADDRESS, street: "1号" }))).toBe("street");
    expect(firstIssuePath(addressFields.safeParse({ ...ADDRESS, postalCode: "1234567" }))).toBe("postalCode");
    expect(addressFields.parse({ ...ADDRESS, postalCode: "" }).postalCode).toBeUndefined();
    expect(addressFields.parse({ ...ADDRESS, recipient: "  李四 " }).recipient).toBe("李四");
  });
});

describe("attribution", () => {
  it("checks the field against the channel on the server", () => {
    expect(attributionInput.safeParse({ field: "CONTENT", channel: "LIVE" }).success).toBe(true);
    expect(attributionInput.safeParse({ field: "MARKETING", channel: "CAMPAIGN", sourceId: "double-11" }).success).toBe(true);
    expect(firstIssuePath(attributionInput.safeParse({ field: "CONTENT", channel: "SEARCH" }))).toBe("field");
    expect(firstIssuePath(attributionInput.safeParse({ field: "CENTER", channel: "RADIO" }))).toBe("channel");
  });

  it("maps channels to fields the same way in links and on the server", () => {
    expect(FIELD_OF_CHANNEL).toEqual(CHANNEL_FIELD);
  });

  it("reads ch/src/cr from a product link and ignores junk", () => {
    expect(attributionFromQuery({ ch: "search", src: "耳机", cr: "ck123abc" })).toEqual({ field: "CENTER", channel: "SEARCH", sourceId: "耳机", creatorId: "ck123abc" });
    expect(attributionFromQuery({ ch: "LIVE" })).toEqual({ field: "CONTENT", channel: "LIVE" });
    expect(attributionFromQuery({ ch: ["campaign", "mall"], src: "double-11" })).toEqual({ field: "MARKETING", channel: "CAMPAIGN", sourceId: "double-11" });
    expect(attributionFromQuery({ ch: "tv" })).toBeNull();
    expect(attributionFromQuery({})).toBeNull();
    // Over-long sources and odd creator ids are dropped, the channel is kept.
    expect(attributionFromQuery({ ch: "mall", src: "x".repeat(201), cr: "<script>" })).toEqual({ field: "CENTER", channel: "MALL" });
    // Everything read back is valid for the server.
    const read = attributionFromQuery({ ch: "storefront", src: "showcase", cr: "creator_1" })!;
    expect(attributionInput.safeParse(read).success).toBe(true);
  });

  it("writes links and carries attribution on", () => {
    expect(productHref("tea-cup")).toBe("/p/tea-cup");
    expect(productHref("tea-cup", { ch: "search", src: "水杯 保温" })).toBe("/p/tea-cup?ch=search&src=%E6%B0%B4%E6%9D%AF+%E4%BF%9D%E6%B8%A9");
    expect(productHref("tea-cup", { ch: "shop", src: "  " })).toBe("/p/tea-cup?ch=shop");
    expect(attributionParams({ field: "CONTENT", channel: "VIDEO", sourceId: "v1", creatorId: "c1" })).toEqual({ ch: "video", src: "v1", cr: "c1" });
    expect(attributionParams(null)).toEqual({});
  });
});

describe("checkout input", () => {
  it("strips prices and totals sent by the client", () => {
    const parsed = placeInput.parse({
      idempotencyKey: "6f1c1d0e-8a41-4b55-9f0e-3c2b7f1d9a10",
      addressId: "a1",
      totalFen: 1,
      source: { buyNow: { variantId: "v1", quantity: 1, priceFen: 1 } },
    });
    expect(parsed).toEqual({ idempotencyKey: "6f1c1d0e-8a41-4b55-9f0e-3c2b7f1d9a10", addressId: "a1", couponIds: [], source: { buyNow: { variantId: "v1", quantity: 1 } } });
  });
  it("limits notes to 200 characters per shop", () => {
    const base = { idempotencyKey: "6f1c1d0e-8a41-4b55-9f0e-3c2b7f1d9a10", addressId: "a1", source: { cart: true } };
    expect(placeInput.safeParse({ ...base, notes: { s1: "轻拿轻放" } }).success).toBe(true);
    expect(firstIssuePath(placeInput.safeParse({ ...base, notes: { s1: "字".repeat(201) } }))).toBe("notes.s1");
  });
});

describe("Gate", () => {
  it("runs at most `limit` tasks at once, in arrival order", async () => {
    const gate = new Gate(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        gate.run(async () => {
          running++;
          peak = Math.max(peak, running);
          order.push(i);
          await new Promise((r) => setTimeout(r, 2));
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });
  it("frees the slot when a task fails", async () => {
    const gate = new Gate(1);
    await expect(gate.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(async () => 42)).toBe(42);
  });
});
