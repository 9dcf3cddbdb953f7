"use client";
// Behaviour beacons: events are queued in memory and flushed to POST /api/events in batches —
// every 5 s, at 20 queued events, and when the page is hidden or unloaded (navigator.sendBeacon).
export type TrackKind = "IMPRESSION" | "VIEW" | "COMPLETE" | "SHARE" | "PRODUCT_CLICK";
export interface TrackEvent {
  kind: TrackKind;
  postId?: string;
  productId?: string;
  dwellMs?: number;
}

const ENDPOINT = "/api/events";
const FLUSH_EVERY_MS = 5000;
const FLUSH_AT = 20;
/** The server accepts at most 50 events per batch. */
const MAX_BATCH = 50;

const queue: (TrackEvent & { at: number })[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
let listening = false;

function send(batch: (TrackEvent & { at: number })[], unloading: boolean): void {
  const body = JSON.stringify({ events: batch });
  if (unloading && typeof navigator !== "undefined" && typeof navigator.sendBeacon === "function") {
    if (navigator.sendBeacon(ENDPOINT, new Blob([body], { type: "application/json" }))) return;
  }
  void fetch(ENDPOINT, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    keepalive: true,
    credentials: "same-origin",
  }).catch(() => {
    // Beacons are best effort: a lost batch only makes recommendations a little less fresh.
  });
}

export function flushTrackQueue(unloading = false): void {
  if (timer) {
    clearTimeout(timer);
    timer = null;
  }
  while (queue.length > 0) send(queue.splice(0, MAX_BATCH), unloading);
}

function listen(): void {
  if (listening || typeof window === "undefined") return;
  listening = true;
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flushTrackQueue(true);
  });
  window.addEventListener("pagehide", () => flushTrackQueue(true));
}

export function track(e: TrackEvent): void {
  if (typeof window === "undefined") return;
  listen();
  const dwellMs = e.dwellMs === undefined ? undefined : Math.max(0, Math.min(600_000, Math.round(e.dwellMs)));
  queue.push({ kind: e.kind, postId: e.postId, productId: e.productId, dwellMs, at: Date.now() });
  if (queue.length >= FLUSH_AT) flushTrackQueue();
  else timer ??= setTimeout(() => flushTrackQueue(), FLUSH_EVERY_MS);
}
