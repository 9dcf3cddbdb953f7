// The background jobs the web server runs (started by instrumentation.ts). Each domain owns its job
// functions; this list only says how often they run.
import type { Job } from "@/server/jobs/scheduler";

export const JOBS: Job[] = [];
