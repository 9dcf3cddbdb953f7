// Home page strip: the running campaigns and the next upcoming one, linking to /campaigns.
import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { CampaignCard } from "./campaign-card";

export async function CampaignStrip({ locale }: { locale: string }) {
  const [lists, t] = await Promise.all([
    getQueryClient().fetchQuery(trpc.campaign.list.queryOptions()),
    getTranslations({ locale, namespace: "campaign" }),
  ]);
  const shown = [...lists.running, ...lists.upcoming.slice(0, 1)].slice(0, 4);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="home-campaigns" className="mt-6">
      <div className="mb-3 flex items-center justify-between">
        <h2 id="home-campaigns" className="text-lg font-bold">
          {t("homeTitle")}
        </h2>
        <Link href="/campaigns" className="text-sm text-muted hover:text-brand">
          {t("viewAll")} ›
        </Link>
      </div>
      <ul className="no-scrollbar -mx-3 flex snap-x gap-3 overflow-x-auto px-3 sm:mx-0 sm:grid sm:grid-cols-2 sm:px-0 lg:grid-cols-4">
        {shown.map((c, i) => (
          <li key={c.id} className="w-72 shrink-0 snap-start sm:w-auto">
            <CampaignCard campaign={c} locale={locale} priority={i < 2} />
          </li>
        ))}
      </ul>
    </section>
  );
}
