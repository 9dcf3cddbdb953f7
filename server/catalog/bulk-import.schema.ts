// Bulk import of products from CSV or JSON (format: docs/bulk-import.md).
import { z } from "zod";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5_000;
/** Products written per transaction. */
export const IMPORT_BATCH_SIZE = 50;

/** The columns, in the documented order (CSV header names; JSON object keys). */
export const IMPORT_COLUMNS = [
  "product_key",
  "title_zh",
  "title_en",
  "subtitle_zh",
  "subtitle_en",
  "description_zh",
  "description_en",
  "category",
  "region",
  "tags",
  "images",
  "option1_name_zh",
  "option1_name_en",
  "option1_value_zh",
  "option1_value_en",
  "option2_name_zh",
  "option2_name_en",
  "option2_value_zh",
  "option2_value_en",
  "option3_name_zh",
  "option3_name_en",
  "option3_value_zh",
  "option3_value_en",
  "price",
  "compare_at_price",
  "member_price",
  "stock",
  "purchase_limit",
  "sku",
  "active",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const importInput = z.object({
  shopId: z.string().trim().min(1, { error: "is required" }).max(64),
  format: z.enum(["csv", "json"], { error: "must be csv or json" }),
  /** The file's text (UTF-8). */
  content: z.string().max(MAX_IMPORT_BYTES, { error: "the file is larger than 5 MB" }),
  /** Run the automatic first check on each imported product (else they stay drafts). */
  submit: z.boolean().default(false),
});
export type ImportInput = z.input<typeof importInput>;

export const importRowError = z.object({
  /** CSV: the record number counting the header as row 1; JSON: the 1-based index in the array. */
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
  productKey: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importResult = z.object({
  rowCount: z.number().int(),
  productCount: z.number().int(),
  importedProducts: z.number().int(),
  importedRows: z.number().int(),
  /** Of the imported products, when `submit`: how many passed the automatic check. */
  activeProducts: z.number().int(),
  rejectedProducts: z.number().int(),
  failedProducts: z.number().int(),
  batches: z.number().int(),
  errors: z.array(importRowError),
});
export type ImportResult = z.infer<typeof importResult>;
