import { describe, expect, it } from "vitest";
import { fenToYuanInput, yuanToFen } from "@/app/[locale]/(account)/orders/[id]/after-sale/yuan";

describe("refund amount field", () => {
  it("turns yuan text into integer fen without floating point", () => {
    expect(yuanToFen("12")).toBe(1200);
    expect(yuanToFen("12.5")).toBe(1250);
    expect(yuanToFen("12.50")).toBe(1250);
    expect(yuanToFen("0.1")).toBe(10);
    expect(yuanToFen("0.29")).toBe(29); // 0.29 * 100 is 28.999… in floating point
    expect(yuanToFen(" ¥1,299.9 ")).toBe(129990);
    expect(yuanToFen("12.")).toBe(1200);
  });

  it("refuses anything else", () => {
    for (const bad of ["", "abc", "1.234", "-5", "1e3", "12.5.1", "0x10", "１２"]) expect(yuanToFen(bad), bad).toBeNull();
  });

  it("formats fen back with two decimals", () => {
    expect(fenToYuanInput(1250)).toBe("12.50");
    expect(fenToYuanInput(9)).toBe("0.09");
    expect(fenToYuanInput(9800)).toBe("98.00");
  });
});
