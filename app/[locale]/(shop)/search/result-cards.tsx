import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import { compactCount, pick, rating } from "@/app/_lib/format";
import { ShopKindBadge } from "@/app/_components/shop-kind-badge";
import type { SearchOutput } from "@/server/search/search.schema";

type ShopResult = SearchOutput["shops"][number];
type CreatorResult = SearchOutput["creators"][number];

export async function ShopResults({ shops, locale }: { shops: ShopResult[]; locale: string }) {
  const t = await getTranslations({ locale, namespace: "search" });
  return (
    <ul className="grid gap-2.5 md:grid-cols-2">
      {shops.map((s) => {
        const name = pick(locale, s.nameZh, s.nameEn);
        const tagline = pick(locale, s.taglineZh, s.taglineEn);
        return (
          <li key={s.id}>
            <Link
              href={`/s/${s.slug}`}
              className="group relative flex h-full items-center gap-3 overflow-hidden rounded-2xl bg-white p-3 ring-1 ring-line transition hover:shadow-md sm:p-4"
            >
              <span aria-hidden="true" className="absolute inset-y-0 left-0 w-1" style={{ backgroundColor: s.themeColor }} />
              <img src={s.logoUrl} alt="" width={56} height={56} loading="lazy" className="h-14 w-14 shrink-0 rounded-xl bg-canvas ring-1 ring-line" />
              <div className="min-w-0 flex-1">
                <div className="flex min-w-0 items-center gap-1.5">
                  <h3 className="truncate font-semibold group-hover:text-brand">{name}</h3>
                  <ShopKindBadge kind={s.kind} locale={locale} />
                </div>
                {tagline && <p className="mt-0.5 truncate text-xs text-ink/70">{tagline}</p>}
                <p className="mt-1 flex flex-wrap items-center gap-x-2 text-[11px] text-muted">
                  <span>
                    <span className="text-amber-500" aria-hidden="true">
                      ★{" "}
                    </span>
                    {t("shopScore", { score: rating(s.scoreX100) })}
                  </span>
                  <span>{t("followers", { count: compactCount(s.followerCount, locale) })}</span>
                  <span>{t("shopProducts", { count: s.productCount })}</span>
                </p>
              </div>
              <span aria-hidden="true" className="shrink-0 rounded-full bg-brand-soft px-3 py-1 text-xs font-semibold text-brand transition group-hover:bg-brand group-hover:text-white">
                {t("enterShop")}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** Creators have no page yet, so their cards are not links. */
export async function CreatorResults({ creators, locale }: { creators: CreatorResult[]; locale: string }) {
  const t = await getTranslations({ locale, namespace: "search" });
  return (
    <ul className="grid gap-2.5 md:grid-cols-2">
      {creators.map((c) => (
        <li key={c.id} className="flex gap-3 rounded-2xl bg-white p-3 ring-1 ring-line sm:p-4">
          <img src={c.avatarUrl} alt="" width={56} height={56} loading="lazy" className="h-14 w-14 shrink-0 rounded-full bg-canvas ring-2 ring-brand-soft" />
          <div className="min-w-0 flex-1">
            <h3 className="truncate font-semibold">{c.displayName}</h3>
            <p className="truncate text-xs text-muted">
              @{c.handle} · {t("followers", { count: compactCount(c.followerCount, locale) })}
            </p>
            <p className="mt-1 line-clamp-2 text-sm text-ink/75">{pick(locale, c.bioZh, c.bioEn)}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
