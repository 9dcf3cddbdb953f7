// `prisma generate` needs no schema engine, but the CLI looks for one. Offline, point it at any
// existing file so it does not try to download one; with internet access the normal path works too.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const cached = fs.existsSync(path.resolve("node_modules/@prisma/engines")) &&
    fs.readdirSync(path.resolve("node_modules/@prisma/engines")).find((f) => f.startsWith("schema-engine"));
  env.PRISMA_SCHEMA_ENGINE_BINARY = cached ? path.resolve("node_modules/@prisma/engines", cached) : process.execPath;
}
execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "generate"], { stdio: "inherit", env });
