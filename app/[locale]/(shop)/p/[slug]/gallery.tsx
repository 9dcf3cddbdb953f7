"use client";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";

export interface GalleryImage {
  id: string;
  url: string;
  alt: string;
  width: number;
  height: number;
}

/**
 * Main image with thumbnails. The main strip is a CSS scroll-snap carousel, so it swipes natively
 * on phones (and works without JavaScript); thumbnails and arrows scroll it on larger screens.
 */
export function Gallery({ images }: { images: GalleryImage[] }) {
  const t = useTranslations("product");
  const strip = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);

  if (images.length === 0) {
    return (
      <div className="grid aspect-square place-items-center rounded-2xl bg-white text-sm text-muted ring-1 ring-line">{t("noImage")}</div>
    );
  }

  function go(i: number) {
    const el = strip.current;
    if (!el) return;
    const next = (i + images.length) % images.length;
    el.scrollTo({ left: next * el.clientWidth, behavior: "smooth" });
    setIndex(next);
  }

  function onScroll() {
    const el = strip.current;
    if (!el || el.clientWidth === 0) return;
    const i = Math.round(el.scrollLeft / el.clientWidth);
    if (i !== index) setIndex(Math.max(0, Math.min(images.length - 1, i)));
  }

  const many = images.length > 1;
  return (
    <section aria-label={t("gallery")} aria-roledescription="carousel" className="flex flex-col gap-2.5">
      <div className="group relative -mx-3 overflow-hidden bg-white sm:mx-0 sm:rounded-2xl sm:ring-1 sm:ring-line">
        <div ref={strip} onScroll={onScroll} className="no-scrollbar flex aspect-square snap-x snap-mandatory overflow-x-auto overscroll-x-contain">
          {images.map((img, i) => (
            <div
              key={img.id}
              role="group"
              aria-roledescription="slide"
              aria-label={t("slideLabel", { index: i + 1, total: images.length })}
              className="h-full w-full shrink-0 snap-center snap-always"
            >
              <img
                src={img.url}
                alt={img.alt}
                width={img.width}
                height={img.height}
                loading={i === 0 ? "eager" : "lazy"}
                fetchPriority={i === 0 ? "high" : undefined}
                draggable={false}
                className="h-full w-full object-cover"
              />
            </div>
          ))}
        </div>
        {many && (
          <>
            <span className="pointer-events-none absolute bottom-3 right-3 rounded-full bg-ink/55 px-2.5 py-0.5 text-xs font-medium tabular-nums text-white">
              {index + 1}/{images.length}
            </span>
            <button
              type="button"
              onClick={() => go(index - 1)}
              aria-label={t("prevImage")}
              className="absolute left-3 top-1/2 hidden h-10 w-10 -translate-y-1/2 place-items-center rounded-full bg-white/90 text-ink opacity-0 shadow transition group-hover:opacity-100 focus-visible:opacity-100 sm:grid"
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4">
                <path d="M10 3.5 5.5 8l4.5 4.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
            </button>
            <button
              type="button"
              onClick={() => go(index + 1)}
              aria-label={t("nextImage")}
              className="absolute right-3 top-1/2 hidden h-10 w-10 -translate-y-1/2 place-items-center rounded-full bg-white/90 text-ink opacity-0 shadow transition group-hover:opacity-100 focus-visible:opacity-100 sm:grid"
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4">
                <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
            </button>
          </>
        )}
      </div>
      {many && (
        <ul className="no-scrollbar -m-1 flex gap-2 overflow-x-auto p-1">
          {images.map((img, i) => (
            <li key={img.id} className="shrink-0">
              <button
                type="button"
                onClick={() => go(i)}
                aria-label={t("showImage", { index: i + 1 })}
                aria-current={i === index ? "true" : undefined}
                className={`block h-14 w-14 overflow-hidden rounded-lg bg-white ring-2 transition sm:h-16 sm:w-16 ${
                  i === index ? "ring-brand" : "ring-transparent opacity-75 hover:opacity-100"
                }`}
              >
                <img src={img.url} alt="" width={64} height={64} loading="lazy" className="h-full w-full object-cover" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
