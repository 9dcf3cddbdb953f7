"use client";
// A live countdown to a campaign's start or end. The server renders the value at request time; the
// browser then ticks every second (the first client render may differ by a second or two, hence
// suppressHydrationWarning on the changing text). When it reaches zero the page is refreshed, so the
// campaign switches to its next state (upcoming → running → ended) with the right prices.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { countdownClock, countdownParts } from "./countdown-format";

export function Countdown({
  target,
  mode,
  className = "",
  tone = "light",
}: {
  /** ISO time counted down to. */
  target: string;
  mode: "start" | "end";
  className?: string;
  tone?: "light" | "dark";
}) {
  const t = useTranslations("campaign");
  const router = useRouter();
  const targetMs = new Date(target).getTime();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);

  const parts = countdownParts(targetMs - now);
  useEffect(() => {
    if (parts.done) {
      const id = window.setTimeout(() => router.refresh(), 1500);
      return () => window.clearTimeout(id);
    }
  }, [parts.done, router]);

  const box = tone === "light" ? "bg-white/95 text-ink" : "bg-ink text-white";
  return (
    <span role="timer" data-testid="campaign-countdown" className={`inline-flex items-center gap-1.5 text-sm ${className}`}>
      <span>{mode === "start" ? t("startsIn") : t("endsIn")}</span>
      <span suppressHydrationWarning className="inline-flex items-center gap-1 font-semibold tabular-nums">
        {parts.days > 0 && <span className={`rounded px-1.5 py-0.5 ${box}`}>{t("days", { count: parts.days })}</span>}
        <span className={`rounded px-1.5 py-0.5 ${box}`}>{countdownClock(parts)}</span>
      </span>
    </span>
  );
}
