// Pure rules for posts.

/** The most frequent category among the attached products (ties: the one attached first); null for none. */
export function dominantCategory(categoryIds: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const c of categoryIds) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const c of categoryIds) {
    const n = counts.get(c)!;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}
