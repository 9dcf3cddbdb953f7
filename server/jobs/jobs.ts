// The background jobs the web server runs (started by instrumentation.ts). Each domain owns its job
// functions; this list only says how often they run.
import type { Job } from "@/server/jobs/scheduler";
import { cancelExpiredOrders } from "@/server/order/cancel";

export const JOBS: Job[] = [
  // Unpaid orders past their deadline (15 minutes by default) are cancelled and their stock returns.
  { name: "cancel expired unpaid orders", everyMs: 10_000, run: (db, now) => cancelExpiredOrders(db, now) },
];
