// Bulk import of products (docs/bulk-import.md): one row per SKU, rows grouped into products by
// product_key. Every row is validated (row number + column + problem); a product with any bad row is
// not imported at all; the valid products are written in batches, one transaction per batch (a
// batch that fails on commit is retried product by product, so a product is never half-written).
import type { Db, DbClient } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { assertShopMember } from "@/server/shop/shop.service";
import { parseUploadUrl } from "@/server/media/uploads";
import { ART_BASE_PATH } from "@/server/media/art";
import { insertProduct } from "@/server/catalog/product-editor.service";
import { createProductInput, type CreateProductData } from "@/server/catalog/product-editor.schema";
import {
  IMPORT_BATCH_SIZE,
  IMPORT_COLUMNS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  importInput,
  type ImportColumn,
  type ImportInput,
  type ImportResult,
  type ImportRowError,
} from "@/server/catalog/bulk-import.schema";

// ───────────────────────────── CSV (RFC 4180) ─────────────────────────────

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "CsvError";
  }
}

/**
 * Records of a CSV text: comma-separated fields, optionally in double quotes; inside quotes a
 * doubled quote is a quote and commas and line breaks are data. Accepts CRLF, LF or CR line ends
 * and a UTF-8 byte-order mark. Throws CsvError (with the line) on an unterminated quoted field or
 * a quote in the middle of an unquoted one.
 */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let line = 1;
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const n = text.length;
  const endField = () => {
    record.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
          throw new CsvError(`line ${line}: unexpected character after a closing quote`, line);
        }
        continue;
      }
      if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (fieldStarted || field.length > 0) throw new CsvError(`line ${line}: a quote inside an unquoted field (quote the whole field and double the quote)`, line);
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (c === ",") {
      endField();
      i++;
      continue;
    }
    if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      continue;
    }
    field += c;
    fieldStarted = true;
    i++;
  }
  if (quoted) throw new CsvError(`line ${line}: a quoted field is not closed`, line);
  // The last record, unless the text ended with a line break.
  if (field.length > 0 || fieldStarted || record.length > 0) endRecord();
  return records;
}

/** The CSV value of a field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// ───────────────────────────── rows → products ─────────────────────────────

export type ImportRow = Partial<Record<ImportColumn, string>> & { __row: number };

export interface ParsedFile {
  rows: ImportRow[];
  /** Problems found while reading rows (their products are not imported). */
  errors: ImportRowError[];
}

const KNOWN = new Set<string>(IMPORT_COLUMNS);

/** Rows of a CSV text; blank lines are skipped (but counted in row numbers). */
export function rowsFromCsv(content: string): ParsedFile {
  let records: string[][];
  try {
    records = parseCsv(content);
  } catch (err) {
    if (err instanceof CsvError) throw new AppError("BAD_REQUEST", `content: ${err.message}`, { field: "content" });
    throw err;
  }
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  if (header.length === 0 || header.every((h) => h === "")) throw new AppError("BAD_REQUEST", "content: the file is empty (a header row is required)", { field: "content" });
  const errors: ImportRowError[] = [];
  header.forEach((h, i) => {
    if (!KNOWN.has(h)) throw new AppError("BAD_REQUEST", `content: unknown column “${h || `column ${i + 1}`}” in the header (see docs/bulk-import.md)`, { field: "content" });
  });
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup) throw new AppError("BAD_REQUEST", `content: the column “${dup}” appears twice in the header`, { field: "content" });
  for (const required of ["product_key", "title_zh", "category", "price", "stock"] as const) {
    if (!header.includes(required)) throw new AppError("BAD_REQUEST", `content: the header has no “${required}” column`, { field: "content" });
  }
  const rows: ImportRow[] = [];
  records.slice(1).forEach((rec, index) => {
    if (rec.every((f) => f.trim() === "")) return;
    const row: ImportRow = { __row: index + 2 };
    header.forEach((h, i) => {
      row[h as ImportColumn] = rec[i] ?? "";
    });
    if (rec.length > header.length && rec.slice(header.length).some((f) => f.trim() !== "")) {
      errors.push({ row: index + 2, field: `column ${header.length + 1}`, message: `more fields than the header has (${rec.length} > ${header.length})`, productKey: row.product_key ?? "" });
    }
    rows.push(row);
  });
  return { rows, errors };
}

/** Rows of a JSON text: an array of objects keyed by the column names (values text or numbers). */
export function rowsFromJson(content: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
  } catch (err) {
    throw new AppError("BAD_REQUEST", `content: not valid JSON (${err instanceof Error ? err.message : "parse error"})`, { field: "content" });
  }
  const list = Array.isArray(data) ? data : data && typeof data === "object" && Array.isArray((data as { rows?: unknown }).rows) ? (data as { rows: unknown[] }).rows : null;
  if (!list) throw new AppError("BAD_REQUEST", "content: expected a JSON array of row objects (or {\"rows\": [...]})", { field: "content" });
  const errors: ImportRowError[] = [];
  const rows: ImportRow[] = [];
  list.forEach((item, index) => {
    const rowNo = index + 1;
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      errors.push({ row: rowNo, field: "", message: "must be an object", productKey: "" });
      return;
    }
    const row: ImportRow = { __row: rowNo };
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (!KNOWN.has(key)) {
        errors.push({ row: rowNo, field: key, message: "unknown column", productKey: "" });
        continue;
      }
      if (value === null || value === undefined) continue;
      if (Array.isArray(value) && (key === "tags" || key === "images")) row[key as ImportColumn] = value.map(String).join("|");
      else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") row[key as ImportColumn] = String(value);
      else errors.push({ row: rowNo, field: key, message: "must be text or a number", productKey: "" });
    }
    rows.push(row);
  });
  for (const e of errors) e.productKey = rows.find((r) => r.__row === e.row)?.product_key ?? "";
  return { rows, errors };
}

export interface ImportContext {
  userId: string;
  /** Category slug or id → id, for leaf categories; non-leaf ones map to null. */
  categories: Map<string, string | null>;
  regions: Map<string, string>;
  /** SKU codes (upper-case) already used in the database. */
  takenSkus: Set<string>;
}

export interface ProductGroup {
  key: string;
  rows: ImportRow[];
}

/** Rows grouped by product_key, in order of first appearance (a row without a key is its own group). */
export function groupRows(rows: readonly ImportRow[]): ProductGroup[] {
  const groups = new Map<string, ProductGroup>();
  for (const row of rows) {
    const key = (row.product_key ?? "").trim() || `#row-${row.__row}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, rows: [] }));
    g.rows.push(row);
  }
  return [...groups.values()];
}

const v = (row: ImportRow, col: ImportColumn) => (row[col] ?? "").trim();
const list = (s: string) => s.split("|").map((x) => x.trim()).filter(Boolean);

/** zod path of the product editor → the CSV column it came from. */
function columnOf(path: readonly PropertyKey[]): string {
  const [head, i, sub, j, leaf] = path.map(String);
  const simple: Record<string, string> = {
    titleZh: "title_zh",
    titleEn: "title_en",
    subtitleZh: "subtitle_zh",
    subtitleEn: "subtitle_en",
    descriptionZh: "description_zh",
    descriptionEn: "description_en",
    categoryId: "category",
    regionId: "region",
    tags: "tags",
    images: "images",
  };
  if (head && simple[head]) return simple[head];
  // Matrix problems (missing or extra combinations) are about the option values.
  if ((head === "variants" || head === "options") && i === undefined) return "option1_value_zh";
  if (head === "options") {
    const n = Number(i) + 1;
    if (sub === "nameZh") return `option${n}_name_zh`;
    if (sub === "nameEn") return `option${n}_name_en`;
    if (sub === "values") return leaf === "valueEn" ? `option${n}_value_en` : `option${n}_value_zh`;
    void j;
    return `option${n}_name_zh`;
  }
  if (head === "variants" && sub) {
    const cols: Record<string, string> = {
      price: "price",
      compareAtPrice: "compare_at_price",
      memberPrice: "member_price",
      stock: "stock",
      purchaseLimit: "purchase_limit",
      sku: "sku",
      isActive: "active",
      values: "option1_value_zh",
    };
    return cols[sub] ?? sub;
  }
  return head ?? "";
}

function intOrNull(s: string): number | null | "bad" {
  if (s === "") return null;
  return /^\d{1,9}$/.test(s) ? Number(s) : "bad";
}

/**
 * One product's rows → the editor's create input, or the problems (row + column + message).
 * Product-level columns are read from the group's first row.
 */
export function buildProduct(group: ProductGroup, ctx: ImportContext): { data: Omit<CreateProductData, "shopId"> } | { errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const first = group.rows[0]!;
  const err = (row: ImportRow, field: string, message: string) => errors.push({ row: row.__row, field, message, productKey: v(first, "product_key") });

  const categoryRef = v(first, "category");
  let categoryId = "";
  if (!categoryRef) err(first, "category", "is required");
  else if (!ctx.categories.has(categoryRef)) err(first, "category", `no category “${categoryRef}”`);
  else if (ctx.categories.get(categoryRef) === null) err(first, "category", `“${categoryRef}” has sub-categories; use a leaf category`);
  else categoryId = ctx.categories.get(categoryRef)!;

  const regionRef = v(first, "region");
  let regionId: string | null = null;
  if (regionRef) {
    regionId = ctx.regions.get(regionRef) ?? null;
    if (!regionId) err(first, "region", `no region “${regionRef}”`);
  }

  const images = list(v(first, "images"));
  images.forEach((url) => {
    const upload = parseUploadUrl(url);
    const ok = url.startsWith(`${ART_BASE_PATH}/`) || (upload !== null && upload.ownerId === ctx.userId);
    if (!ok) err(first, "images", `“${url.slice(0, 80)}” is not an image you uploaded (upload it first and use its /media/uploads/… URL)`);
  });

  // Options: names from the first row; the values of each axis in order of appearance.
  const options: Array<{ nameZh: string; nameEn: string; values: Array<{ valueZh: string; valueEn: string }> }> = [];
  for (const n of [1, 2, 3] as const) {
    const nameZh = v(first, `option${n}_name_zh`);
    const anyValue = group.rows.some((r) => v(r, `option${n}_value_zh`) !== "");
    if (!nameZh && !anyValue) continue;
    if (!nameZh) {
      err(first, `option${n}_name_zh`, "is required when option values are given");
      continue;
    }
    if (options.length !== n - 1) {
      err(first, `option${n}_name_zh`, `option ${n} is given but option ${n - 1} is not`);
      continue;
    }
    options.push({ nameZh, nameEn: v(first, `option${n}_name_en`), values: [] });
  }

  const variants = group.rows.map((row) => {
    const values = options.map((o, oi) => {
      const col = `option${oi + 1}_value_zh` as ImportColumn;
      const valueZh = v(row, col);
      if (!valueZh) {
        err(row, col, "is required (this product has the option)");
        return 0;
      }
      let idx = o.values.findIndex((x) => x.valueZh === valueZh);
      if (idx < 0) {
        o.values.push({ valueZh, valueEn: v(row, `option${oi + 1}_value_en` as ImportColumn) });
        idx = o.values.length - 1;
      }
      return idx;
    });
    const stock = intOrNull(v(row, "stock"));
    if (stock === null || stock === "bad") err(row, "stock", "must be a whole number ≥ 0");
    const limit = intOrNull(v(row, "purchase_limit"));
    if (limit === "bad") err(row, "purchase_limit", "must be a whole number ≥ 1");
    const active = v(row, "active").toLowerCase();
    if (active && !["true", "false", "1", "0", "yes", "no"].includes(active)) err(row, "active", "must be true or false");
    const sku = v(row, "sku");
    if (sku && ctx.takenSkus.has(sku.toUpperCase())) err(row, "sku", `“${sku}” is already used by another product`);
    return {
      values,
      price: v(row, "price"),
      compareAtPrice: v(row, "compare_at_price"),
      memberPrice: v(row, "member_price"),
      stock: typeof stock === "number" ? stock : 0,
      purchaseLimit: typeof limit === "number" ? limit : null,
      sku,
      isActive: !["false", "0", "no"].includes(active),
    };
  });

  const candidate = {
    shopId: "-",
    titleZh: v(first, "title_zh"),
    titleEn: v(first, "title_en"),
    subtitleZh: v(first, "subtitle_zh"),
    subtitleEn: v(first, "subtitle_en"),
    descriptionZh: v(first, "description_zh"),
    descriptionEn: v(first, "description_en"),
    categoryId: categoryId || "-",
    regionId,
    tags: list(v(first, "tags")),
    images: images.map((url) => ({ url, altZh: "", altEn: "" })),
    options,
    variants,
  };
  const parsed = createProductInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, index] = issue.path;
      const row = head === "variants" && typeof index === "number" ? (group.rows[index] ?? first) : first;
      err(row, columnOf(issue.path), issue.message);
    }
  }
  // One problem per row and column is enough (the first found is the most specific).
  const unique = errors.filter((e, i) => errors.findIndex((o) => o.row === e.row && o.field === e.field) === i);
  if (unique.length > 0 || !parsed.success) return { errors: unique };
  const { shopId: _ignored, ...data } = parsed.data;
  void _ignored;
  return { data };
}

async function loadContext(db: DbClient, userId: string, rows: readonly ImportRow[]): Promise<ImportContext> {
  const codes = [...new Set(rows.map((r) => v(r, "sku")).filter(Boolean))];
  const [categories, regions, taken] = await Promise.all([
    db.category.findMany({ select: { id: true, slug: true, _count: { select: { children: true } } } }),
    db.region.findMany({ select: { id: true, slug: true } }),
    codes.length > 0 ? db.productVariant.findMany({ where: { sku: { in: codes, mode: "insensitive" } }, select: { sku: true } }) : Promise.resolve([]),
  ]);
  const categoryMap = new Map<string, string | null>();
  for (const c of categories) {
    const value = c._count.children > 0 ? null : c.id;
    categoryMap.set(c.slug, value);
    categoryMap.set(c.id, value);
  }
  return {
    userId,
    categories: categoryMap,
    regions: new Map(regions.flatMap((r) => [[r.slug, r.id] as const, [r.id, r.id] as const])),
    takenSkus: new Set(taken.map((t) => t.sku.toUpperCase())),
  };
}

/** SKU codes repeated across products of the same file: every product using one after the first fails. */
function duplicateSkuErrors(groups: readonly ProductGroup[]): Map<string, ImportRowError[]> {
  const firstKey = new Map<string, string>();
  const out = new Map<string, ImportRowError[]>();
  for (const g of groups) {
    for (const row of g.rows) {
      const sku = v(row, "sku").toUpperCase();
      if (!sku) continue;
      const owner = firstKey.get(sku);
      if (owner === undefined) firstKey.set(sku, g.key);
      else if (owner !== g.key) {
        const list = out.get(g.key) ?? [];
        list.push({ row: row.__row, field: "sku", message: `“${v(row, "sku")}” is also used by product “${owner}” in this file`, productKey: v(row, "product_key") });
        out.set(g.key, list);
      }
    }
  }
  return out;
}

/**
 * Validates every row and imports the valid products into the shop (drafts, or through the
 * automatic check with `submit`). Products are written IMPORT_BATCH_SIZE per transaction.
 */
export async function importProducts(db: Db, userId: string, raw: ImportInput, onProgress?: (done: number, total: number) => void): Promise<ImportResult> {
  const input = importInput.parse(raw);
  await assertShopMember(db, userId, input.shopId);
  if (Buffer.byteLength(input.content, "utf8") > MAX_IMPORT_BYTES) throw new AppError("BAD_REQUEST", "content: the file is larger than 5 MB", { field: "content" });
  const parsed = input.format === "csv" ? rowsFromCsv(input.content) : rowsFromJson(input.content);
  if (parsed.rows.length === 0) throw new AppError("BAD_REQUEST", "content: the file has no data rows", { field: "content" });
  if (parsed.rows.length > MAX_IMPORT_ROWS) throw new AppError("BAD_REQUEST", `content: ${parsed.rows.length} rows; at most ${MAX_IMPORT_ROWS} per file`, { field: "content" });

  const ctx = await loadContext(db, userId, parsed.rows);
  const groups = groupRows(parsed.rows);
  const dupes = duplicateSkuErrors(groups);
  // Row problems found while reading (JSON rows that are not objects, unknown keys, extra fields).
  const readErrors = new Map<number, ImportRowError[]>();
  for (const e of parsed.errors) readErrors.set(e.row, [...(readErrors.get(e.row) ?? []), e]);
  const groupedRows = new Set(parsed.rows.map((r) => r.__row));
  const errors: ImportRowError[] = parsed.errors.filter((e) => !groupedRows.has(e.row));

  const valid: Array<{ group: ProductGroup; data: Omit<CreateProductData, "shopId"> }> = [];
  let failedProducts = 0;
  for (const group of groups) {
    const built = buildProduct(group, ctx);
    const extra = [...(dupes.get(group.key) ?? []), ...group.rows.flatMap((r) => readErrors.get(r.__row) ?? [])];
    if ("errors" in built || extra.length > 0) {
      failedProducts++;
      errors.push(...("errors" in built ? built.errors : []), ...extra);
      continue;
    }
    valid.push({ group, data: built.data });
  }

  let importedProducts = 0;
  let importedRows = 0;
  let activeProducts = 0;
  let rejectedProducts = 0;
  let batches = 0;
  const record = (group: ProductGroup, status: string) => {
    importedProducts++;
    importedRows += group.rows.length;
    if (status === "ACTIVE") activeProducts++;
    if (status === "REJECTED") rejectedProducts++;
  };
  for (let start = 0; start < valid.length; start += IMPORT_BATCH_SIZE) {
    const batch = valid.slice(start, start + IMPORT_BATCH_SIZE);
    batches++;
    try {
      const statuses = await db.$transaction(
        async (tx) => {
          const out: string[] = [];
          for (const item of batch) out.push((await insertProduct(tx, userId, input.shopId, item.data, { submit: input.submit, referencesChecked: true })).status);
          return out;
        },
        { timeout: 120_000, maxWait: 30_000 },
      );
      batch.forEach((item, i) => record(item.group, statuses[i]!));
    } catch {
      // Something changed under us (e.g. a SKU code taken meanwhile): one transaction per product,
      // so only the products that really fail are left out.
      for (const item of batch) {
        try {
          const saved = await db.$transaction((tx) => insertProduct(tx, userId, input.shopId, item.data, { submit: input.submit }));
          record(item.group, saved.status);
        } catch (err) {
          failedProducts++;
          const field = err instanceof AppError && err.field ? columnOf(err.field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p))) : "";
          const message = err instanceof AppError ? err.message : "could not be saved";
          errors.push({ row: item.group.rows[0]!.__row, field, message, productKey: item.group.key });
        }
      }
    }
    onProgress?.(Math.min(start + IMPORT_BATCH_SIZE, valid.length), valid.length);
  }

  errors.sort((a, b) => a.row - b.row);
  return {
    rowCount: parsed.rows.length,
    productCount: groups.length,
    importedProducts,
    importedRows,
    activeProducts,
    rejectedProducts,
    failedProducts,
    batches,
    errors: errors.slice(0, 5_000),
  };
}
