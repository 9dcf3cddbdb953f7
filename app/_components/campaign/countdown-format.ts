// Countdown arithmetic, pure (unit-tested): milliseconds left → days and a zero-padded HH:MM:SS clock.

export interface CountdownParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** The target has been reached (everything is 0). */
  done: boolean;
}

export function countdownParts(msLeft: number): CountdownParts {
  const total = Math.max(0, Math.floor(msLeft / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3_600),
    minutes: Math.floor((total % 3_600) / 60),
    seconds: total % 60,
    done: total === 0,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "03:04:05" — the clock part (days are shown separately, e.g. "6天 03:04:05"). */
export function countdownClock(p: CountdownParts): string {
  return `${pad(p.hours)}:${pad(p.minutes)}:${pad(p.seconds)}`;
}
