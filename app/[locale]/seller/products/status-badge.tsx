import { getTranslations } from "next-intl/server";

const TONES: Record<string, string> = {
  DRAFT: "bg-gray-100 text-gray-700",
  IN_REVIEW: "bg-amber-50 text-amber-800",
  ACTIVE: "bg-green-50 text-green-800",
  REJECTED: "bg-brand-soft text-brand-dark",
  DELISTED: "bg-gray-100 text-gray-500",
};

export async function ProductStatusBadge({ status, locale }: { status: string; locale: string }) {
  const t = await getTranslations({ locale, namespace: "merchant.status" });
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${TONES[status] ?? TONES.DRAFT}`}>{t(status as "DRAFT")}</span>;
}
