import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { verifyCredentials } from "@/server/account/account.service";
import type { Db } from "@/server/db/client";
import { createTestDb } from "@/tests/factories/db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
});
afterAll(async () => {
  await close();
});

const unique = () => `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}@test.mall`;

describe("sign-up and credentials", () => {
  it("creates a shopper whose password is stored only as an argon2id hash and verifies", async () => {
    const email = unique();
    const user = await createCaller({ db, user: null }).account.signUp({ email: email.toUpperCase(), password: "correct horse", name: "小明" });
    expect(user.email).toBe(email);
    expect(user.roles).toEqual(["SHOPPER"]);
    const row = await db.user.findUniqueOrThrow({ where: { email } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("correct horse");
    expect(await verifyCredentials(db, email, "correct horse")).toMatchObject({ id: user.id });
    expect(await verifyCredentials(db, email, "wrong password")).toBeNull();
    expect(await verifyCredentials(db, unique(), "correct horse")).toBeNull();
  });

  it("refuses a second account for the same email with CONFLICT on the email field", async () => {
    const email = unique();
    const caller = createCaller({ db, user: null });
    await caller.account.signUp({ email, password: "password-1", name: "A" });
    await expect(caller.account.signUp({ email, password: "password-2", name: "B" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses a short password and names the field", async () => {
    await expect(createCaller({ db, user: null }).account.signUp({ email: unique(), password: "short", name: "A" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^password: /),
    });
  });
});
