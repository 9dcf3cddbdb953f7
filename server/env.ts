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
