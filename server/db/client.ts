// Prisma client over a driver adapter. The app always talks the Postgres wire protocol:
// to PostgreSQL when DATABASE_URL is set, otherwise to the embedded PGlite server the launcher runs.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient, Prisma } from "@/server/generated/prisma/client";

export type Db = PrismaClient;
/** A client or an open transaction: what read/write services accept. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

export function createDb(adapter: SqlDriverAdapterFactory): PrismaClient {
  return new PrismaClient({ adapter });
}

export function createPgDb(url: string, options: { poolMax?: number } = {}): PrismaClient {
  return createDb(new PrismaPg({ connectionString: url, max: options.poolMax ?? 10 }));
}
