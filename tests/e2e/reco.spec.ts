import { expect, request as requestFactory, test, type APIRequestContext, type Page } from "@playwright/test";
import { trpcQuery } from "./helpers";

// A new visitor's feed and home "for you" grid shift toward a category after the visitor likes and
// dwells on videos of it (seed: prisma/seed/content.ts, 100+ posts across many categories).
test.use({ storageState: { cookies: [], origins: [] } });

const items = (page: Page) => page.getByTestId("feed-item");

async function feedItems(page: Page): Promise<{ id: string; cat: string }[]> {
  return items(page).evaluateAll((els) => els.map((el) => ({ id: el.getAttribute("data-post-id") ?? "", cat: el.getAttribute("data-category-id") ?? "" })));
}

/** Category ids of a page of the home page's "for you" grid (reco.forYou, what the grid renders). */
async function forYouCategories(request: APIRequestContext): Promise<string[]> {
  const page = await trpcQuery<{ items: { categoryId: string }[] }>(request, "reco.forYou", { pageSize: 24 });
  return page.items.map((i) => i.categoryId);
}

test("the feed and the for-you grid shift toward a category the visitor likes", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/feed");
  await expect(items(page).first()).toBeVisible({ timeout: 60_000 });
  // Hydrated (the like button works) once the page's scripts and first requests have settled.
  await page.waitForLoadState("networkidle");
  const firstPage = await feedItems(page);
  const target = firstPage[0].cat;
  expect(target).not.toBe("");
  const share = (list: { cat: string }[]) => list.filter((i) => i.cat === target).length / Math.max(1, list.length);
  const beforeShare = share(firstPage.slice(1));
  // What a visitor without any history gets (a separate visitor: asking with this visitor's cookie
  // would mark those products as shown, and "never repeat what was just seen" would hide them later).
  const fresh = await requestFactory.newContext({ baseURL: new URL(page.url()).origin });
  await fresh.get("/");
  const homeBefore = await forYouCategories(fresh);
  await fresh.dispose();

  // Watch the feed: like and dwell on every video of the target category, skip the others quickly.
  const liked = new Set<string>();
  let afterFirstLike = -1;
  for (let i = 0; i < 24; i++) {
    // The next page loads when the visitor nears the end: give it time to arrive.
    const more = await expect
      .poll(async () => items(page).count(), { timeout: 20_000 })
      .toBeGreaterThan(i)
      .then(() => true, () => false);
    if (!more) break;
    const all = await feedItems(page);
    const item = items(page).nth(i);
    await item.scrollIntoViewIfNeeded();
    await expect(item).toBeInViewport({ ratio: 0.6 });
    if (all[i].cat === target && !liked.has(all[i].id)) {
      const like = item.getByTestId("like-button");
      // Retried until hydrated: a click before hydration does nothing (clicked only while not pressed).
      await expect(async () => {
        if ((await like.getAttribute("aria-pressed")) !== "true") await like.click();
        await expect(like).toHaveAttribute("aria-pressed", "true", { timeout: 5_000 });
      }).toPass({ timeout: 60_000 });
      liked.add(all[i].id);
      if (afterFirstLike < 0) afterFirstLike = all.length;
      await page.waitForTimeout(2500);
    }
    // On to the next video (a quick skip unless it was liked above).
    await page.waitForTimeout(300);
    if (liked.size >= 3 && (await feedItems(page)).length - afterFirstLike >= 8) break;
  }
  expect(liked.size).toBeGreaterThanOrEqual(2);
  // Pages loaded after the first like.
  const later = (await feedItems(page)).slice(afterFirstLike);
  expect(later.length).toBeGreaterThanOrEqual(5);
  const afterShare = share(later);
  expect(afterShare, `target share before ${beforeShare}, after ${afterShare}`).toBeGreaterThanOrEqual(beforeShare + 0.2);

  // The home page's "for you" grid moved too.
  const homeAfter = await forYouCategories(page.request);
  const count = (cats: string[]) => cats.filter((c) => c === target).length;
  expect(count(homeAfter), `for-you items of the category: before ${count(homeBefore)}, after ${count(homeAfter)}`).toBeGreaterThanOrEqual(count(homeBefore) + 2);
});
