import type { Locale } from "@/app/_i18n/routing";

/** ¥129 or ¥129.90 from integer fen; never floating-point arithmetic on money. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString("en-US");
  const cents = abs % 100;
  return `${sign}¥${yuan}${cents ? `.${String(cents).padStart(2, "0")}` : ""}`;
}

/** "129.90" — the decimal string schema.org offers expect. */
export function fenToDecimal(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

/** Picks the text for the locale, falling back to the other language when one is empty. */
export function pick(locale: Locale | string, zh: string, en: string): string {
  return locale === "en" ? en || zh : zh || en;
}

/** 12.3万 / 12.3k style counts for sales and followers. */
export function compactCount(n: number, locale: Locale | string): string {
  return new Intl.NumberFormat(locale === "en" ? "en" : "zh-CN", { notation: "compact", maximumFractionDigits: 1 }).format(n);
}

export function rating(x100: number): string {
  return (x100 / 100).toFixed(1);
}
