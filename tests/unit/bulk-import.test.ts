import { describe, expect, it } from "vitest";
import { buildProduct, csvField, CsvError, groupRows, parseCsv, rowsFromCsv, rowsFromJson, type ImportContext } from "@/server/catalog/bulk-import";
import { AppError } from "@/server/errors";

describe("parseCsv (RFC 4180)", () => {
  it("splits records and fields", () => {
    expect(parseCsv("a,b,c\n1,2,3\n")).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
    expect(parseCsv("a,b\r\n1,2")).toEqual([["a", "b"], ["1", "2"]]);
    expect(parseCsv("a,b\r1,2\r")).toEqual([["a", "b"], ["1", "2"]]);
    expect(parseCsv("a,,\n")).toEqual([["a", "", ""]]);
  });

  it("handles quoted fields with commas, doubled quotes and line breaks", () => {
    expect(parseCsv('t,d\n"Tea, green","He said ""hi""\nnext line"\n')).toEqual([
      ["t", "d"],
      ["Tea, green", 'He said "hi"\nnext line'],
    ]);
    expect(parseCsv('""\n')).toEqual([[""]]);
    expect(parseCsv('a,"b\r\nc"')).toEqual([["a", "b\r\nc"]]);
  });

  it("strips a UTF-8 byte-order mark and keeps Chinese text", () => {
    expect(parseCsv("\uFEFFtitle_zh\n高山绿茶")).toEqual([["title_zh"], ["高山绿茶"]]);
  });

  it("reports unterminated quotes and stray quotes with the line", () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvError);
    expect(() => parseCsv('a\n"open')).toThrow(/line 2/);
    expect(() => parseCsv('a\nab"c')).toThrow(/unquoted field/);
    expect(() => parseCsv('a\n"x"y')).toThrow(/after a closing quote/);
  });

  it("round-trips fields written with csvField", () => {
    const values = ["plain", "a,b", 'say "x"', "two\nlines", "价格 ¥12"];
    expect(parseCsv(values.map(csvField).join(","))).toEqual([values]);
  });
});

const ctx: ImportContext = {
  userId: "user_1",
  categories: new Map<string, string | null>([
    ["tea", "cat_tea"],
    ["drinks", null],
  ]),
  regions: new Map([["yunnan", "reg_yn"]]),
  takenSkus: new Set(["TAKEN-1"]),
};

const header = "product_key,title_zh,category,images,option1_name_zh,option1_value_zh,option2_name_zh,option2_value_zh,price,stock,sku";

function build(csv: string) {
  const { rows } = rowsFromCsv(csv);
  return groupRows(rows).map((g) => buildProduct(g, ctx));
}

describe("row validation", () => {
  it("groups rows into a product with its SKU matrix", () => {
    const csv = [
      header,
      "t1,绿茶,tea,/media/art/x.svg,规格,50克,包装,袋装,19.9,5,",
      "t1,,,,,50克,,罐装,29.9,5,",
      "t1,,,,,100克,,袋装,35,0,",
      "t1,,,,,100克,,罐装,45.5,2,T1-D",
    ].join("\n");
    const [result] = build(csv);
    expect(result && "data" in result).toBe(true);
    if (!result || !("data" in result)) return;
    expect(result.data.options.map((o) => o.values.map((v) => v.valueZh))).toEqual([["50克", "100克"], ["袋装", "罐装"]]);
    expect(result.data.variants.map((v) => [v.values, v.price, v.stock, v.sku])).toEqual([
      [[0, 0], 1990, 5, ""],
      [[0, 1], 2990, 5, ""],
      [[1, 0], 3500, 0, ""],
      [[1, 1], 4550, 2, "T1-D"],
    ]);
    expect(result.data.categoryId).toBe("cat_tea");
  });

  it("names the row and column of each problem", () => {
    const csv = [
      header,
      "a,,tea,,,,,,10,1,", // row 2: title missing
      "b,茶,drinks,,,,,,10,1,", // row 3: not a leaf category
      "c,茶,nope,,,,,,10,1,", // row 4: unknown category
      "d,茶,tea,,,,,,0,1,", // row 5: price 0
      "e,茶,tea,,,,,,abc,1,", // row 6: bad price
      "f,茶,tea,,,,,,10,-1,", // row 7: bad stock
      "g,茶,tea,,,,,,10,1,taken-1", // row 8: SKU taken
      "h,茶,tea,https://evil.example/x.png,,,,,10,1,", // row 9: foreign image
    ].join("\n");
    const errors = build(csv).flatMap((r) => ("errors" in r ? r.errors : []));
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, "title_zh"],
      [3, "category"],
      [4, "category"],
      [5, "price"],
      [6, "price"],
      [7, "stock"],
      [8, "sku"],
      [9, "images"],
    ]);
    expect(errors.find((e) => e.row === 5)?.message).toBe("must be at least ¥0.01");
  });

  it("rejects an incomplete matrix on the product, and a bad row fails the whole product", () => {
    const csv = [header, "m,茶,tea,,规格,大,包装,袋,10,1,", "m,,,,,大,,罐,10,1,", "m,,,,,小,,袋,10,1,"].join("\n");
    const [r] = build(csv);
    expect(r && "errors" in r && r.errors.map((e) => e.field)).toEqual(["option1_value_zh"]);
    expect(r && "errors" in r && r.errors[0]?.message).toMatch(/expected 4 SKUs/);
  });

  it("refuses unknown columns and missing required ones", () => {
    expect(() => rowsFromCsv("product_key,title_zh,category,price,stock,colour\n")).toThrow(AppError);
    expect(() => rowsFromCsv("product_key,title_zh,category,price\n")).toThrow(/stock/);
  });

  it("reads JSON rows with numbers and arrays, numbering rows from 1", () => {
    const { rows, errors } = rowsFromJson(JSON.stringify([{ product_key: "j", title_zh: "茶", category: "tea", price: 12.5, stock: 3, tags: ["a", "b"] }, 42]));
    expect(rows[0]).toMatchObject({ __row: 1, price: "12.5", stock: "3", tags: "a|b" });
    expect(errors).toEqual([{ row: 2, field: "", message: "must be an object", productKey: "" }]);
    expect(() => rowsFromJson("{nope")).toThrow(/not valid JSON/);
  });
});

describe("the documented samples", () => {
  const sampleCtx: ImportContext = { ...ctx, categories: new Map([["bags", "cat_bags"], ["books", "cat_books"]]), regions: new Map([["anxi", "reg_anxi"]]) };
  it("products-sample.csv and .json are valid", async () => {
    const fs = await import("node:fs/promises");
    const csv = rowsFromCsv(await fs.readFile("docs/samples/products-sample.csv", "utf8"));
    const json = rowsFromJson(await fs.readFile("docs/samples/products-sample.json", "utf8"));
    for (const file of [csv, json]) {
      expect(file.errors).toEqual([]);
      const built = groupRows(file.rows).map((g) => buildProduct(g, sampleCtx));
      expect(built.map((b) => ("errors" in b ? b.errors : []))).toEqual([[], []]);
    }
    const tote = buildProduct(groupRows(csv.rows)[0]!, sampleCtx);
    expect("data" in tote && tote.data.variants.map((v) => [v.values, v.price, v.isActive])).toEqual([
      [[0, 0], 8900, true],
      [[0, 1], 9900, true],
      [[1, 0], 8900, true],
      [[1, 1], 9900, false],
    ]);
    expect("data" in tote && tote.data.descriptionEn).toBe('12 oz canvas, fits a 14" laptop.\nZipped inner pocket.');
  });
});
