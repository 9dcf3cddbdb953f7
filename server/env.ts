// The one place that reads process.env. Everything else imports `env` from here.
import { z } from "zod";

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.string().url().optional())
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** PostgreSQL connection string. Unset: the embedded PGlite database under DATA_DIR is used. */
  DATABASE_URL: optionalUrl,
  /** Set by the launcher when it serves the embedded PGlite database over the Postgres protocol. */
  EMBEDDED_DATABASE_URL: optionalUrl,
  /** Where embedded data lives: PGlite files, media, generated art cache. */
  DATA_DIR: z.string().default(".data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public origin used in canonical URLs, Open Graph and the sitemap. */
  SITE_URL: optionalUrl,
  AUTH_SECRET: z.string().min(16).optional(),
  /** Meilisearch (search issue); unset: in-process engine. */
  MEILI_HOST: optionalUrl,
  MEILI_API_KEY: z.string().optional(),
  /** Redis for cache, rate limits and pub/sub; unset: in-process. */
  REDIS_URL: optionalUrl,
  /** Maximum sign-in attempts per email+IP within the window. */
  SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).default(5),
  SIGNIN_RATE_WINDOW_S: z.coerce.number().int().min(1).default(60),
  /** Minutes a shopper has to pay a placed order before it is cancelled and its stock returns. */
  MALL_PAYMENT_TIMEOUT_MIN: z.coerce.number().min(1).default(15),
  /** HMAC key of the sandbox payment provider's callbacks. Unset: derived from AUTH_SECRET (or a dev constant). */
  PAYMENT_SANDBOX_SECRET: z.string().min(16).optional(),
  /** Days after shipping when receipt is confirmed automatically. */
  MALL_AUTO_CONFIRM_DAYS: z.coerce.number().min(0).default(10),
  /** Seconds between simulated carrier scans of a shipped parcel. */
  MALL_LOGISTICS_STEP_S: z.coerce.number().min(1).default(30),
  /** Days after completion during which the shopper may still ask for after-sales. */
  MALL_AFTER_SALES_DAYS: z.coerce.number().min(0).default(15),
  /** Where uploaded files (review photos) are stored on local disk. Unset: `<DATA_DIR>/uploads`. */
  UPLOADS_DIR: z.string().trim().min(1).optional(),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
}

export const env = parsed.data;

export function siteUrl(): string {
  return (env.SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
