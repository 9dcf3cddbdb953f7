// Configuration for the standard Prisma CLI (used on machines with internet access).
// Offline, `npm run db:migrate` / `npm run db:migration:new` do the same through the wasm schema engine.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/interest_mall" },
});
