// The first page of a product's reviews, shared by the server render, the JSON-LD and the client
// list (a plain module: values exported from a "use client" file reach the server only as references).
export const REVIEW_PAGE_SIZE = 10;

export function reviewPageInput(productId: string) {
  return { productId, filter: "all" as const, limit: REVIEW_PAGE_SIZE };
}
