/**
 * A progress bar on stderr for long commands (seed, reindex): `seed [#####.....] 52% 52000/100000 (3.1s)`,
 * redrawn in place on a terminal, one line per 10 % otherwise (CI logs). Call `update` with done/total;
 * the line ends by itself when done reaches total.
 */
export function progressBar(label: string, width = 30) {
  let lastDecile = -1;
  let finished = false;
  const startedAt = Date.now();
  return (done: number, total: number) => {
    if (finished) return;
    const ratio = total > 0 ? Math.min(done / total, 1) : 1;
    const percent = Math.floor(ratio * 100);
    const filled = Math.round(ratio * width);
    const elapsed = ((Date.now() - startedAt) / 1000).toFixed(1);
    const line = `  ${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(percent).padStart(3)}% ${done}/${total} (${elapsed}s)`;
    finished = done >= total;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}${finished ? "\n" : ""}`);
    } else if (Math.floor(percent / 10) > lastDecile || finished) {
      lastDecile = Math.floor(percent / 10);
      process.stderr.write(`${line}\n`);
    }
  };
}
