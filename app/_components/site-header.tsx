import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import { currentUser, signOut } from "@/server/auth";
import { trpc, getQueryClient } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";
import { LogoMark } from "@/app/_components/logo";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { SearchBox } from "@/app/_components/search-box";

export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const tc = await getTranslations({ locale, namespace: "common" });
  const [user, categories] = await Promise.all([
    currentUser(),
    getQueryClient().fetchQuery(trpc.catalog.categoryTree.queryOptions()),
  ]);
  const me = user ? await getQueryClient().fetchQuery(trpc.account.me.queryOptions()).catch(() => null) : null;
  // Also merges a guest cart into the account's right after sign-in (any cart call does).
  const cartCount = (await getQueryClient().fetchQuery(trpc.cart.count.queryOptions()).catch(() => null))?.count ?? 0;
  const tcart = await getTranslations({ locale, namespace: "cart" });

  async function doSignOut() {
    "use server";
    await signOut({ redirectTo: locale === "en" ? "/en" : "/" });
  }

  return (
    <header className="sticky top-0 z-30 border-b border-line bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-7xl items-center gap-3 px-3 py-2.5 sm:px-5">
        <Link href="/" className="flex shrink-0 items-center gap-2" aria-label={tc("siteName")}>
          <LogoMark />
          <span className="hidden text-lg font-bold tracking-tight sm:inline">{tc("siteName")}</span>
        </Link>
        <SearchBox placeholder={t("searchPlaceholder")} label={t("search")} />
        <nav aria-label={t("account")} className="flex shrink-0 items-center gap-1 text-sm">
          <Link
            href="/cart"
            aria-label={tcart("headerLabel", { count: cartCount })}
            data-testid="header-cart"
            className="relative grid h-9 w-9 place-items-center rounded-full text-ink hover:bg-canvas"
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-[22px] w-[22px]">
              <path d="M3 4h2.2l2.1 10.2a1.5 1.5 0 0 0 1.5 1.2h8.6a1.5 1.5 0 0 0 1.5-1.1L20.5 8H6.2" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
              <circle cx="9.5" cy="19.5" r="1.4" fill="currentColor" />
              <circle cx="17" cy="19.5" r="1.4" fill="currentColor" />
            </svg>
            {cartCount > 0 && (
              <span aria-hidden="true" className="absolute -right-0.5 -top-0.5 min-w-[18px] rounded-full bg-brand px-1 text-center text-[11px] font-bold leading-[18px] text-white">
                {cartCount > 99 ? "99+" : cartCount}
              </span>
            )}
          </Link>
          {me ? (
            <details className="relative" data-testid="account-menu">
              <summary aria-label={t("hello", { name: me.name })} className="flex cursor-pointer list-none items-center gap-1.5 rounded-full px-2 py-1.5 hover:bg-canvas">
                <span className="grid h-7 w-7 place-items-center rounded-full bg-brand text-xs font-bold text-white" aria-hidden="true">
                  {me.name.slice(0, 1).toUpperCase()}
                </span>
                <span className="hidden max-w-28 truncate md:inline">{t("hello", { name: me.name })}</span>
              </summary>
              <div className="absolute right-0 mt-1 w-48 rounded-xl border border-line bg-white p-1.5 shadow-lg">
                <p className="truncate px-3 py-1.5 text-xs text-muted">{me.email}</p>
                {me.shops.map((s) => (
                  <Link key={s.id} href={`/s/${s.slug}`} className="block truncate rounded-lg px-3 py-2 hover:bg-canvas">
                    {pick(locale, s.nameZh, s.nameEn)}
                  </Link>
                ))}
                <form action={doSignOut}>
                  <button type="submit" className="w-full rounded-lg px-3 py-2 text-left hover:bg-canvas">
                    {t("signOut")}
                  </button>
                </form>
              </div>
            </details>
          ) : (
            <>
              <Link href="/signin" className="rounded-full px-3 py-1.5 font-medium hover:bg-canvas">
                {t("signIn")}
              </Link>
              <Link href="/signup" className="hidden rounded-full bg-brand px-3 py-1.5 font-medium text-white hover:bg-brand-dark sm:inline-block">
                {t("signUp")}
              </Link>
            </>
          )}
          <LanguageSwitch label={tc("switchTo")} />
        </nav>
      </div>
      <nav aria-label={t("mainNav")} className="mx-auto max-w-7xl px-3 sm:px-5">
        <ul className="no-scrollbar flex gap-1 overflow-x-auto pb-2 text-sm">
          <li className="shrink-0">
            <Link href="/feed" data-testid="header-feed" className="block rounded-full bg-brand-soft px-3 py-1 font-medium text-brand hover:bg-brand hover:text-white">
              {t("feed")}
            </Link>
          </li>
          <li className="shrink-0">
            <Link href="/campaigns" className="block rounded-full px-3 py-1 font-semibold text-brand hover:bg-brand-soft">
              {(await getTranslations({ locale, namespace: "campaign" }))("nav")}
            </Link>
          </li>
          {categories.map((c) => (
            <li key={c.id} className="shrink-0">
              <Link href={`/category/${c.slug}`} className="block rounded-full px-3 py-1 text-ink/80 hover:bg-brand-soft hover:text-brand">
                {pick(locale, c.nameZh, c.nameEn)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
