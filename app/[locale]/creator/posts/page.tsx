// Creator centre → My videos: the caller's posts with their counters, and the way to post a new one.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { requireUser } from "@/app/_lib/require-user";
import { compactCount } from "@/app/_lib/format";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "feed" });
  return { title: t("myVideos"), robots: { index: false, follow: false } };
}

export default async function MyPostsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser(locale, "CREATOR");
  const [posts, t] = await Promise.all([getQueryClient().fetchQuery(trpc.post.listMine.queryOptions()), getTranslations({ locale, namespace: "feed" })]);
  return (
    <div className="space-y-4 py-4">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-xl font-bold">{t("myVideos")}</h1>
        <Link href="/creator/posts/new" className="rounded-full bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-dark">
          {t("newVideo")}
        </Link>
      </div>
      {posts.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-muted">{t("myVideosEmpty")}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="my-posts">
          {posts.map((p) => (
            <li key={p.id} className="overflow-hidden rounded-xl bg-white shadow-sm">
              <Link href={`/v/${p.id}`} className="block">
                { }
                <img src={p.posterUrl} alt="" loading="lazy" className="aspect-[9/16] w-full bg-canvas object-cover" />
              </Link>
              <div className="space-y-1 p-2 text-xs">
                <p className="line-clamp-2 text-ink">{p.caption}</p>
                <p className="text-muted">
                  {t(`status${p.status}`)} · {t("productCount", { count: p.productCount })}
                </p>
                <p className="text-muted">
                  {t("views", { count: compactCount(p.viewCount, locale) })} · {t("likes", { count: compactCount(p.likeCount, locale) })}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
