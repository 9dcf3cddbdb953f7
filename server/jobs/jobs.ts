// The background jobs the web server runs (started by instrumentation.ts). Each domain owns its job
// functions; this list only says how often they run.
import type { Job } from "@/server/jobs/scheduler";
import { cancelExpiredOrders } from "@/server/order/cancel";
import { advanceShipments, autoConfirmOrders } from "@/server/order/logistics";
import { settleCommissions } from "@/server/affiliate/commission.service";

export const JOBS: Job[] = [
  // Unpaid orders past their deadline (15 minutes by default) are cancelled and their stock returns.
  { name: "cancel expired unpaid orders", everyMs: 10_000, run: (db, now) => cancelExpiredOrders(db, now) },
  // Simulated carrier scans of shipped parcels (one every MALL_LOGISTICS_STEP_S); the last delivers.
  { name: "advance shipments", everyMs: 5_000, run: (db, now) => advanceShipments(db, now) },
  // Shipped/delivered orders past autoConfirmAt (shippedAt + MALL_AUTO_CONFIRM_DAYS) are completed.
  { name: "auto-confirm receipt", everyMs: 60_000, run: (db, now) => autoConfirmOrders(db, now) },
  // Pending creator commissions settle once the order's after-sales window (MALL_AFTER_SALES_DAYS) closed.
  { name: "settle commissions", everyMs: 15_000, run: (db, now) => settleCommissions(db, now) },
];
