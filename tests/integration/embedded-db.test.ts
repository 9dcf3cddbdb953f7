// The embedded database keeps its data across restarts, and a second process reuses the first
// one's server instead of opening the PGlite directory twice.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPgDb } from "@/server/db/client";
import { findRunningEmbeddedDatabase, startEmbeddedDatabase } from "@/server/db/embedded";
import { migrateUrl } from "@/server/db/migrate";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mall-embedded-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("embedded PGlite database", () => {
  it("keeps what was written after the server stops and starts again", async () => {
    const first = await startEmbeddedDatabase(dataDir);
    expect(first.isOwner).toBe(true);
    expect(findRunningEmbeddedDatabase(dataDir)).toBeNull(); // our own lock does not count as "another process"
    await migrateUrl(first.url);
    const db1 = createPgDb(first.url, { poolMax: 2 });
    await db1.region.create({ data: { slug: "persisted-region", nameZh: "测试产地", nameEn: "Test origin", provinceZh: "江西", provinceEn: "Jiangxi" } });
    await db1.$disconnect();
    await first.stop();
    expect(fs.existsSync(path.join(dataDir, "pglite.lock.json"))).toBe(false);

    const second = await startEmbeddedDatabase(dataDir);
    const db2 = createPgDb(second.url, { poolMax: 2 });
    try {
      expect(await migrateUrl(second.url)).toEqual([]);
      const region = await db2.region.findUnique({ where: { slug: "persisted-region" } });
      expect(region?.nameZh).toBe("测试产地");
    } finally {
      await db2.$disconnect();
      await second.stop();
    }
  });

  it("points other processes at the running server through the lock file", async () => {
    const lock = path.join(dataDir, "pglite.lock.json");
    fs.writeFileSync(lock, JSON.stringify({ pid: process.ppid, port: 54321 }));
    expect(findRunningEmbeddedDatabase(dataDir)).toContain("127.0.0.1:54321");
    fs.writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, port: 54321 })); // no such process
    expect(findRunningEmbeddedDatabase(dataDir)).toBeNull();
    fs.rmSync(lock);
  });
});
