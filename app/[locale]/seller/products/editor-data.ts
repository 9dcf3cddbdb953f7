// What the new and edit pages give the editor: the seller's shops and the pickers' choices, by locale.
import "server-only";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";

export async function loadEditorData(locale: string) {
  const qc = getQueryClient();
  const [home, choices] = await Promise.all([qc.fetchQuery(trpc.merchant.home.queryOptions()), qc.fetchQuery(trpc.merchant.choices.queryOptions())]);
  return {
    shops: home.shops.map((s) => ({ id: s.id, name: pick(locale, s.nameZh, s.nameEn) })),
    choices: {
      categories: choices.categories.map((c) => ({ id: c.id, name: pick(locale, c.nameZh, c.nameEn), parent: c.parentZh === null ? null : pick(locale, c.parentZh, c.parentEn ?? "") })),
      regions: choices.regions.map((r) => ({ id: r.id, name: pick(locale, r.nameZh, r.nameEn) })),
    },
  };
}
