// Campaign dates as people read them, in the mall's time zone (China Standard Time) so server and
// browser print the same text.
export function formatCampaignTime(locale: string, d: Date): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone: "Asia/Shanghai",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(d);
}
