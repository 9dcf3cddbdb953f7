// `npm test`: typecheck, unit, integration, then end-to-end (whose web server builds the app through
// the launcher). Stops at the first failing stage and ends with one line: `N passed, N failed`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

interface Counts {
  passed: number;
  failed: number;
}

interface Stage {
  name: string;
  args: string[];
  env?: Record<string, string>;
  /** Reads the stage's test counts from its JSON report; stages without tests have none. */
  readCounts?: () => Counts;
}

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "mall-test-"));

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

function vitestStage(project: "unit" | "integration"): Stage {
  const report = path.join(reportDir, `${project}.json`);
  return {
    name: `vitest ${project}`,
    args: ["node_modules/vitest/vitest.mjs", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    readCounts: () => {
      const { numPassedTests, numFailedTests } = readJson<{ numPassedTests: number; numFailedTests: number }>(report);
      return { passed: numPassedTests, failed: numFailedTests };
    },
  };
}

function playwrightStage(): Stage {
  const report = path.join(reportDir, "e2e.json");
  return {
    name: "playwright e2e",
    args: ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    readCounts: () => {
      const { stats } = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(report);
      return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
    },
  };
}

const allStages: Record<string, Stage> = {
  typecheck: { name: "typecheck (tsc --noEmit)", args: ["node_modules/typescript/bin/tsc", "--noEmit"] },
  unit: vitestStage("unit"),
  integration: vitestStage("integration"),
  e2e: playwrightStage(),
};

/** `npm test -- --only integration,unit` runs just those stages (CI reruns integration on PostgreSQL). */
function selectStages(): Stage[] {
  const i = process.argv.indexOf("--only");
  if (i === -1) return Object.values(allStages);
  const names = (process.argv[i + 1] ?? "").split(",").filter(Boolean);
  const unknown = names.filter((n) => !(n in allStages));
  if (!names.length || unknown.length) {
    console.error(`--only takes a comma-separated list of: ${Object.keys(allStages).join(", ")}`);
    process.exit(2);
  }
  return names.map((n) => allStages[n]);
}

const stages = selectStages();

function runStage(stage: Stage, index: number): { ok: boolean; counts: Counts } {
  console.log(`\n━━━ [${index + 1}/${stages.length}] ${stage.name} ━━━\n`);
  const startedAt = Date.now();
  const result = spawnSync(process.execPath, stage.args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...stage.env },
  });
  const ok = result.status === 0;
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`\n━━━ ${stage.name}: ${ok ? "passed" : "FAILED"} in ${seconds}s ━━━`);

  let counts: Counts = { passed: 0, failed: 0 };
  if (stage.readCounts) {
    try {
      counts = stage.readCounts();
    } catch {
      console.error(`(no test report from ${stage.name})`);
    }
  }
  // A stage that fails without reporting a failed test (type errors, a crash) still counts as one failure.
  if (!ok && counts.failed === 0) counts.failed = 1;
  return { ok, counts };
}

function main(): number {
  const total: Counts = { passed: 0, failed: 0 };
  let ok = true;
  for (const [index, stage] of stages.entries()) {
    const result = runStage(stage, index);
    total.passed += result.counts.passed;
    total.failed += result.counts.failed;
    if (!result.ok) {
      ok = false;
      break;
    }
  }
  fs.rmSync(reportDir, { recursive: true, force: true });
  console.log(`\n${total.passed} passed, ${total.failed} failed`);
  return ok ? 0 : 1;
}

process.exitCode = main();
