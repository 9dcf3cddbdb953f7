// Shared by the server prefetch and the client grid (a plain module: values exported from a
// "use client" file would reach Server Components only as client references).
/** Input and paging of the home page's "for you" list; both sides must build the same query key. */
export const FOR_YOU_INPUT = { sort: "popular", pageSize: 24 } as const;

export const FOR_YOU_PAGING = {
  initialCursor: 1,
  getNextPageParam: (last: { page: number; pageCount: number }) => (last.page < last.pageCount ? last.page + 1 : undefined),
};
