// Background jobs of the web server process: each runs every `everyMs`, never overlapping itself,
// and a failure is logged and retried on the next tick. Jobs must be safe to run in several
// processes at once (they claim work with conditional updates or SKIP LOCKED), so scaling out the
// web tier needs nothing more.
import type { Db } from "@/server/db/client";

export interface Job {
  name: string;
  everyMs: number;
  /** Does one round of work and says how many things it handled (for the log). */
  run(db: Db, now: Date): Promise<number>;
}

export interface RunningJobs {
  stop(): Promise<void>;
}

export function startJobs(db: Db, jobs: readonly Job[]): RunningJobs {
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<unknown>>();
  for (const job of jobs) {
    let running = false;
    const tick = () => {
      if (running) return;
      running = true;
      const p = job
        .run(db, new Date())
        .then((n) => {
          if (n > 0) console.log(`[jobs] ${job.name}: ${n}`);
        })
        .catch((err: unknown) => console.error(`[jobs] ${job.name} failed; retrying next tick:`, err))
        .finally(() => {
          running = false;
          inFlight.delete(p);
        });
      inFlight.add(p);
    };
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    timers.push(timer);
  }
  return {
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...inFlight]);
    },
  };
}
