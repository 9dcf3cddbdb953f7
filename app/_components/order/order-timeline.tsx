import { useTranslations } from "next-intl";
import { pick } from "@/app/_lib/format";
import { formatDateTime } from "@/app/_components/order/format-time";

interface EventView {
  id: string;
  toStatus: string;
  actorType: string;
  createdAt: Date;
}

interface ScanView {
  id: string;
  code: string;
  descriptionZh: string;
  descriptionEn: string;
  occurredAt: Date;
}

/** Every status change of the order, oldest first, with who made it. */
export function OrderTimeline({ events, locale }: { events: EventView[]; locale: string }) {
  const t = useTranslations("orders");
  return (
    <ol className="relative ml-1.5 border-l border-line">
      {events.map((e, i) => (
        <li key={e.id} className="relative pb-4 pl-5 last:pb-0">
          <span
            aria-hidden="true"
            className={`absolute -left-[5px] top-1.5 h-2.5 w-2.5 rounded-full ${i === events.length - 1 ? "bg-brand" : "bg-line"}`}
          />
          <p className="text-sm font-medium">{t(`event.${e.toStatus}` as "event.PAID")}</p>
          <p className="text-xs text-muted">
            <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt, locale)}</time>
            {" · "}
            {t(`actor.${e.actorType}` as "actor.SYSTEM")}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** Carrier scans, newest first. */
export function TrackingList({ scans, locale }: { scans: ScanView[]; locale: string }) {
  return (
    <ol className="relative ml-1.5 border-l border-line">
      {scans.map((s, i) => (
        <li key={s.id} className="relative pb-4 pl-5 last:pb-0">
          <span aria-hidden="true" className={`absolute -left-[5px] top-1.5 h-2.5 w-2.5 rounded-full ${i === 0 ? "bg-emerald-500" : "bg-line"}`} />
          <p className={`text-sm ${i === 0 ? "font-medium text-ink" : "text-muted"}`}>{pick(locale, s.descriptionZh, s.descriptionEn)}</p>
          <p className="text-xs text-muted">
            <time dateTime={s.occurredAt.toISOString()}>{formatDateTime(s.occurredAt, locale)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
