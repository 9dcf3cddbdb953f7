"use client";
import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type ClickInput = inferRouterInputs<AppRouter>["search"]["click"];

/**
 * Records which result a shopper opened (search → recommendation feedback) without holding up the
 * navigation: a `keepalive` POST survives the page changing, and failures are ignored. Result cards
 * inside carry `data-product-id` and `data-position`.
 */
export function ClickTracker({ eventId, children }: { eventId: string | null; children: React.ReactNode }) {
  function record(e: React.MouseEvent<HTMLDivElement>) {
    if (!eventId || (e.type === "auxclick" && e.button !== 1)) return;
    const card = (e.target as Element).closest<HTMLElement>("[data-product-id]");
    const productId = card?.dataset.productId;
    const position = Number(card?.dataset.position);
    if (!productId || !Number.isInteger(position)) return;
    const input: ClickInput = { eventId, productId, position };
    void fetch("/api/trpc/search.click", {
      method: "POST",
      keepalive: true,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    }).catch(() => undefined);
  }
  return (
    <div onClick={record} onAuxClick={record}>
      {children}
    </div>
  );
}
