// The merchant's sections of a shop page, in their order. Not async and no server-only imports, so
// the public page (server) and the decoration editor's live preview (client) render the same thing.
import { useTranslations } from "next-intl";
import { Link } from "@/app/_i18n/navigation";
import { pick } from "@/app/_lib/format";
import { ProductCard, ProductGrid } from "@/app/_components/product-card";
import { MemberPriceTag } from "@/app/_components/shop-sections/member-price";
import { RichTextSection } from "@/app/_components/shop-sections/rich-text";
import type { SectionView } from "@/server/shop/decoration.schema";
import type { ProductCard as ProductCardData } from "@/server/catalog/catalog.schema";

export interface MemberPricing {
  /** Lowest member price per product id (products without one are absent). */
  prices: Record<string, number>;
  isMember: boolean;
}

export function MemberAwareCard({ product, locale, pricing, priority }: { product: ProductCardData; locale: string; pricing: MemberPricing; priority?: boolean }) {
  const fen = pricing.prices[product.id];
  return (
    <ProductCard
      product={product}
      locale={locale}
      priority={priority}
      source={{ ch: "shop" }}
      extra={fen !== undefined && fen < product.minPriceFen ? <MemberPriceTag fen={fen} isMember={pricing.isMember} /> : null}
    />
  );
}

function SectionTitle({ children }: { children: React.ReactNode }) {
  return <h2 className="mb-3 text-base font-bold text-ink sm:text-lg">{children}</h2>;
}

function BannerSection({ section, name }: { section: Extract<SectionView, { kind: "BANNER" }>; name: string }) {
  const body = (
    <div className="relative overflow-hidden rounded-2xl bg-canvas ring-1 ring-line">
      <img src={section.imageUrl} alt={section.headline || name} width={1600} height={500} loading="lazy" className="aspect-[16/5] w-full object-cover" />
      {section.headline && (
        <>
          <div aria-hidden="true" className="absolute inset-0 bg-gradient-to-r from-black/55 via-black/20 to-transparent" />
          <p className="absolute inset-y-0 left-0 flex max-w-[75%] items-center px-4 text-lg font-bold leading-snug text-white drop-shadow sm:px-8 sm:text-3xl">
            {section.headline}
          </p>
        </>
      )}
    </div>
  );
  return (
    <section data-section="BANNER" aria-label={section.headline || name}>
      {section.href ? (
        <Link href={section.href} className="block transition hover:opacity-95">
          {body}
        </Link>
      ) : (
        body
      )}
    </section>
  );
}

export function ShopSections({
  sections,
  locale,
  shopName,
  pricing,
  couponSlot,
}: {
  sections: readonly SectionView[];
  locale: string;
  shopName: string;
  pricing: MemberPricing;
  /** The shop's coupon strip (a server component rendered by the page); null hides COUPON_STRIP sections. */
  couponSlot?: React.ReactNode;
}) {
  const t = useTranslations("decoration");
  if (sections.length === 0) return null;
  return (
    <div className="mt-5 flex flex-col gap-5" data-testid="shop-sections">
      {sections.map((s, i) => {
        switch (s.kind) {
          case "BANNER":
            return <BannerSection key={i} section={s} name={shopName} />;
          case "FEATURED_PRODUCTS":
            return (
              <section key={i} data-section="FEATURED_PRODUCTS">
                <SectionTitle>{s.title || t("featuredDefault")}</SectionTitle>
                <ProductGrid>
                  {s.products.map((p) => (
                    <MemberAwareCard key={p.id} product={p} locale={locale} pricing={pricing} />
                  ))}
                </ProductGrid>
              </section>
            );
          case "COUPON_STRIP":
            if (!couponSlot) return null;
            return (
              <section key={i} data-section="COUPON_STRIP">
                {s.title && <SectionTitle>{s.title}</SectionTitle>}
                {couponSlot}
              </section>
            );
          case "CATEGORY_BLOCK":
            return (
              <section key={i} data-section="CATEGORY_BLOCK">
                <div className="mb-3 flex items-baseline justify-between gap-3">
                  <h2 className="text-base font-bold text-ink sm:text-lg">{s.title || pick(locale, s.category.nameZh, s.category.nameEn)}</h2>
                  <Link href={`/category/${s.category.slug}`} className="shrink-0 text-sm text-brand hover:underline">
                    {t("moreInCategory", { name: pick(locale, s.category.nameZh, s.category.nameEn) })}
                  </Link>
                </div>
                <ProductGrid>
                  {s.products.map((p) => (
                    <MemberAwareCard key={p.id} product={p} locale={locale} pricing={pricing} />
                  ))}
                </ProductGrid>
              </section>
            );
          case "RICH_TEXT":
            return <RichTextSection key={i} html={s.html} />;
        }
      })}
    </div>
  );
}
