// "会员价 ¥x" under a product's price for the shop's members; a teaser ("join to get ¥x") for everyone else.
import { useTranslations } from "next-intl";
import { formatFen } from "@/app/_lib/format";

export function MemberPriceTag({ fen, isMember }: { fen: number | undefined; isMember: boolean }) {
  const t = useTranslations("decoration");
  if (fen === undefined) return null;
  return isMember ? (
    <span className="inline-flex w-fit items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold text-amber-900" data-member-price>
      {t("memberPrice", { price: formatFen(fen) })}
    </span>
  ) : (
    <span className="inline-flex w-fit items-center gap-1 rounded bg-amber-50 px-1.5 py-0.5 text-[11px] text-amber-800 ring-1 ring-amber-200" data-member-teaser>
      {t("memberTeaser", { price: formatFen(fen) })}
    </span>
  );
}
