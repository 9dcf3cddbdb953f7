import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import { createTestDb } from "@/tests/factories/db";
import { createUser } from "@/tests/factories/catalog";
import { callerFor, VALID_ADDRESS } from "@/tests/factories/shopping";

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

async function defaults(userId: string) {
  return db.address.findMany({ where: { userId, isDefault: true }, select: { id: true } });
}

describe("address book", () => {
  it("validates Chinese addresses and names the field at fault", async () => {
    const user = await createUser(db);
    const me = callerFor(db, { userId: user.id });
    const cases: Array<[Partial<Record<keyof typeof VALID_ADDRESS, string>>, RegExp]> = [
      [{ phone: "12345" }, /^phone/],
      [{ phone: "12800138000" }, /^phone/],
      [{ phone: "138001380001" }, /^phone/],
      [{ recipient: "" }, /^recipient/],
      [{ recipient: "名".repeat(21) }, /^recipient/],
      [{ province: "" }, /^province/],
      [{ city: "" }, /^city/],
      [{ district: "区".repeat(21) }, /^district/],
      [{ street: "1号" }, /^street/],
      [{ street: "路".repeat(121) }, /^street/],
      [{ postalCode: "31000" }, /^postalCode/],
    ];
    for (const [change, field] of cases) {
      const err = await failure(me.address.create({ ...VALID_ADDRESS, ...change }));
      expect(err.code, JSON.stringify(change)).toBe("BAD_REQUEST");
      expect(err.message, JSON.stringify(change)).toMatch(field);
    }
    expect(await db.address.count({ where: { userId: user.id } })).toBe(0);

    // Spaces and dashes in a phone number are fine; an empty postal code means none.
    const created = await me.address.create({ ...VALID_ADDRESS, phone: "138 0013-8000", postalCode: "" });
    expect(created).toMatchObject({ phone: "13800138000", postalCode: null, isDefault: true });
  });

  it("keeps exactly one default: the first address, a chosen one, the newest after deleting the default", async () => {
    const user = await createUser(db);
    const me = callerFor(db, { userId: user.id });
    const first = await me.address.create({ ...VALID_ADDRESS, recipient: "一号" });
    const second = await me.address.create({ ...VALID_ADDRESS, recipient: "二号" });
    const third = await me.address.create({ ...VALID_ADDRESS, recipient: "三号" });
    expect([first.isDefault, second.isDefault, third.isDefault]).toEqual([true, false, false]);

    await me.address.setDefault({ id: second.id });
    expect(await defaults(user.id)).toEqual([{ id: second.id }]);
    expect((await me.address.list())[0].id).toBe(second.id);

    // A new address can be made the default as it is created.
    const fourth = await me.address.create({ ...VALID_ADDRESS, recipient: "四号", isDefault: true });
    expect(await defaults(user.id)).toEqual([{ id: fourth.id }]);

    // Deleting the default promotes the newest remaining address.
    const removed = await me.address.delete({ id: fourth.id });
    expect(removed.newDefaultId).toBe(third.id);
    expect(await defaults(user.id)).toEqual([{ id: third.id }]);

    // Editing keeps the default; unticking it on the default is ignored.
    const edited = await me.address.update({ ...VALID_ADDRESS, id: third.id, recipient: "三号改", isDefault: false });
    expect(edited).toMatchObject({ recipient: "三号改", isDefault: true });
    await me.address.update({ ...VALID_ADDRESS, id: first.id, isDefault: true });
    expect(await defaults(user.id)).toEqual([{ id: first.id }]);

    // Deleting a non-default address leaves the default alone.
    expect((await me.address.delete({ id: second.id })).newDefaultId).toBeNull();
    expect(await defaults(user.id)).toEqual([{ id: first.id }]);
  });

  it("ends with one default when addresses are created in parallel", async () => {
    const user = await createUser(db);
    const me = callerFor(db, { userId: user.id });
    await Promise.all(Array.from({ length: 6 }, (_, i) => me.address.create({ ...VALID_ADDRESS, recipient: `并发${i}` })));
    expect(await db.address.count({ where: { userId: user.id } })).toBe(6);
    expect(await defaults(user.id)).toHaveLength(1);
  });

  it("stops at 20 addresses", async () => {
    const user = await createUser(db);
    await db.address.createMany({ data: Array.from({ length: 20 }, (_, i) => ({ userId: user.id, ...VALID_ADDRESS, isDefault: i === 0 })) });
    const err = await failure(callerFor(db, { userId: user.id }).address.create(VALID_ADDRESS));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toMatch(/at most 20/);
    expect(await db.address.count({ where: { userId: user.id } })).toBe(20);
  });

  it("treats someone else's address as not found and changes nothing", async () => {
    const owner = await createUser(db);
    const other = await createUser(db);
    const mine = await callerFor(db, { userId: owner.id }).address.create(VALID_ADDRESS);
    await callerFor(db, { userId: other.id }).address.create({ ...VALID_ADDRESS, recipient: "李四" });
    const intruder = callerFor(db, { userId: other.id });

    expect((await failure(intruder.address.update({ ...VALID_ADDRESS, id: mine.id, recipient: "坏人" }))).code).toBe("NOT_FOUND");
    expect((await failure(intruder.address.setDefault({ id: mine.id }))).code).toBe("NOT_FOUND");
    expect((await failure(intruder.address.delete({ id: mine.id }))).code).toBe("NOT_FOUND");
    expect((await intruder.address.list()).map((a) => a.recipient)).toEqual(["李四"]);
    expect(await db.address.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ recipient: "张三", isDefault: true, userId: owner.id });

    expect((await failure(callerFor(db, {}).address.list())).code).toBe("UNAUTHORIZED");
  });
});
