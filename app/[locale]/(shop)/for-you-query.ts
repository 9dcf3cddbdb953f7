// Shared by the server prefetch and the client grid (a plain module: values exported from a
// "use client" file would reach Server Components only as client references).
/** Input and paging of the home page's "for you" list (reco.forYou); both sides must build the same query key. */
export const FOR_YOU_INPUT = { pageSize: 24 } as const;

export const FOR_YOU_PAGING = {
  initialCursor: 1,
  getNextPageParam: (last: { nextCursor: number | null }) => last.nextCursor ?? undefined,
  // Each page is a fresh recommendation (the server remembers what it showed): never refetch a
  // page behind the visitor's back, or the grid would reshuffle while they look at it.
  staleTime: Infinity,
  refetchOnWindowFocus: false,
};
