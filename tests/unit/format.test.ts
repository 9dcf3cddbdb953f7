import { describe, expect, it } from "vitest";
import { compactCount, fenToDecimal, formatFen, pick } from "@/app/_lib/format";

describe("money formatting from integer fen", () => {
  it("shows yuan with cents only when there are cents", () => {
    expect(formatFen(12900)).toBe("¥129");
    expect(formatFen(12990)).toBe("¥129.90");
    expect(formatFen(5)).toBe("¥0.05");
    expect(formatFen(123456789)).toBe("¥1,234,567.89");
    expect(formatFen(-150)).toBe("-¥1.50");
  });
  it("gives schema.org a two-decimal string", () => {
    expect(fenToDecimal(12900)).toBe("129.00");
    expect(fenToDecimal(7)).toBe("0.07");
  });
  it("picks the locale's text and falls back to the other language", () => {
    expect(pick("en", "水壶", "Kettle")).toBe("Kettle");
    expect(pick("zh", "水壶", "Kettle")).toBe("水壶");
    expect(pick("en", "水壶", "")).toBe("水壶");
  });
  it("compacts large counts per locale", () => {
    expect(compactCount(123456, "zh")).toBe("12.3万");
    expect(compactCount(123456, "en")).toBe("123.5K");
  });
});
