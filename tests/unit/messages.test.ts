import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.resolve("app/_i18n/messages");

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function load(locale: string) {
  return Object.fromEntries(
    fs.readdirSync(path.join(dir, locale)).map((f) => [f.replace(/\.json$/, ""), JSON.parse(fs.readFileSync(path.join(dir, locale, f), "utf8"))]),
  );
}

describe("UI translations", () => {
  const zh = load("zh");
  const en = load("en");

  it("has the same namespaces and keys in Chinese and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it("has no empty strings, and the request config loads every namespace", () => {
    for (const locale of [zh, en]) {
      for (const key of keys(locale)) {
        const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], locale);
        expect(typeof value === "string" && value.trim().length > 0, key).toBe(true);
      }
    }
    const request = fs.readFileSync(path.resolve("app/_i18n/request.ts"), "utf8");
    for (const ns of Object.keys(zh)) expect(request, `namespace ${ns} is loaded`).toContain(`"${ns}"`);
  });
});
