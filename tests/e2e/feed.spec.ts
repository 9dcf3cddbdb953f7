// The interest feed (issue #5): a new visitor opens /feed, the first video really plays, the next one
// comes with ArrowDown (desktop) or a swipe-sized scroll (phone), likes toggle the count, and buying
// from a video's product card carries channel=video and the post id into the order item.
import crypto from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { trpcQuery } from "./helpers";

async function expectPlaying(item: Locator) {
  const video = item.locator("video");
  await expect
    .poll(async () => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && !v.paused && v.currentTime > 0), { timeout: 20_000 })
    .toBe(true);
}

function activeItem(page: Page): Locator {
  return page.locator('[data-testid="feed-item"][data-active="true"]');
}

test("a new visitor's feed plays the first video, moves to the next, and likes toggle", async ({ page }, testInfo) => {
  await page.goto("/feed");

  // Server-rendered: the first item and its VideoObject are in the HTML.
  const ld = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(ld.some((s) => s.includes('"VideoObject"') && s.includes('"contentUrl"') && s.includes('"duration":"PT'))).toBe(true);
  expect(await (await page.request.get("/feed")).text()).toMatch(/<meta property="og:video" content="[^"]+\.(mp4|webm)"/);

  const first = page.getByTestId("feed-item").first();
  await expect(first).toHaveAttribute("data-post-id", /^.+$/);
  await expect(first).toHaveAttribute("data-active", "true");
  await expectPlaying(first);
  const firstId = await first.getAttribute("data-post-id");

  if (testInfo.project.name === "mobile") {
    await page.getByTestId("feed").evaluate((el) => el.scrollBy({ top: el.clientHeight }));
  } else {
    await page.keyboard.press("ArrowDown");
  }
  const second = activeItem(page);
  await expect(second).not.toHaveAttribute("data-post-id", firstId!);
  await expectPlaying(second);
  // The first one stops when it leaves the screen.
  await expect.poll(() => first.locator("video").evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);

  // Like, then unlike: the count moves by one each way and the server agrees.
  const postId = (await second.getAttribute("data-post-id"))!;
  const like = second.getByTestId("like-button");
  const count = second.getByTestId("like-count");
  const before = Number(await count.getAttribute("data-count"));
  await like.click();
  await expect(like).toHaveAttribute("aria-pressed", "true");
  await expect(count).toHaveAttribute("data-count", String(before + 1));
  await expect.poll(async () => (await trpcQuery<{ likeCount: number; isLiked: boolean }>(page.request, "post.get", { postId })).isLiked, { timeout: 20_000 }).toBe(true);
  await like.click();
  await expect(like).toHaveAttribute("aria-pressed", "false");
  await expect(count).toHaveAttribute("data-count", String(before));

  // Infinite loading: scrolling on brings more items than the first page held.
  const initial = await page.getByTestId("feed-item").count();
  for (let i = 0; i < initial; i++) {
    if (testInfo.project.name === "mobile") await page.getByTestId("feed").evaluate((el) => el.scrollBy({ top: el.clientHeight }));
    else await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(400);
  }
  await expect.poll(() => page.getByTestId("feed-item").count(), { timeout: 15_000 }).toBeGreaterThan(initial);
  const ids = await page.getByTestId("feed-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-post-id")));
  expect(new Set(ids).size).toBe(ids.length);
});

test("the /v/[id] page plays the post and links back into the feed", async ({ page }) => {
  await page.goto("/feed");
  const postId = (await page.getByTestId("feed-item").first().getAttribute("data-post-id"))!;
  await page.goto(`/v/${postId}`);
  await expect(page.getByTestId("post-video")).toBeVisible();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/v/${postId}$`));
  await page.getByTestId("watch-in-feed").click();
  await expect(page).toHaveURL(new RegExp(`/feed\\?start=${postId}`), { timeout: 30_000 });
  await expect(page.getByTestId("feed-item").first()).toHaveAttribute("data-post-id", postId);
  expect((await page.request.get("/v/post_does_not_exist")).status()).toBe(404);
});

interface Product {
  id: string;
  slug: string;
  variants: Array<{ id: string; stock: number; optionValueIds: string[] }>;
  options: Array<{ values: Array<{ id: string; valueZh: string }> }>;
}
interface OrderDetail {
  items: Array<{ productId: string; attribution: { field: string; channel: string; sourceId: string | null; creatorId: string | null } }>;
}

test("buying from a video's product card records channel=video and the post id on the order item", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name === "mobile", "one checkout is enough; the card is covered on both projects above");
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("昵称").fill("视频买家");
  await page.getByLabel("邮箱").fill(`feed-${Date.now()}-${crypto.randomInt(1e6)}@example.com`);
  await page.getByLabel("密码").fill("a-strong-password");
  await page.getByRole("button", { name: "注册并登录" }).click();
  await page.waitForURL("/", { waitUntil: "domcontentloaded" });

  await page.goto("/feed");
  const item = activeItem(page);
  await expect(item).toBeVisible();
  const postId = (await item.getAttribute("data-post-id"))!;
  const card = item.getByTestId("feed-product").first();
  await card.click();
  await expect(page).toHaveURL(new RegExp(`/p/[a-z0-9-]+\\?ch=video&src=${postId}`), { timeout: 30_000 });
  const slug = new URL(page.url()).pathname.split("/p/")[1];
  const product = await trpcQuery<Product>(page.request, "catalog.get", { slug });
  const variant = product.variants.find((v) => v.stock > 0)!;
  for (const option of product.options) {
    const value = option.values.find((v) => variant.optionValueIds.includes(v.id));
    if (value) await page.getByRole("radio", { name: value.valueZh, exact: true }).click();
  }
  await page.getByRole("button", { name: "加入购物车" }).click();
  await expect(page.getByText("已加入购物车")).toBeVisible({ timeout: 30_000 });

  await page.goto("/cart");
  await page.getByRole("link", { name: /去结算/ }).or(page.getByRole("button", { name: /去结算/ })).first().click();
  await page.waitForURL(/\/checkout/);
  await page.getByLabel("收货人").fill("赵视频");
  await page.getByLabel("手机号码").fill("13800138000");
  await page.getByLabel("省份").fill("浙江省");
  await page.getByLabel("城市").fill("杭州市");
  await page.getByLabel("区/县").fill("西湖区");
  await page.getByLabel("详细地址").fill("文三路 90 号 3 幢 201 室");
  await page.getByRole("button", { name: "保存地址" }).click();
  await expect(page.getByText("赵视频").first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "提交订单" }).click();
  await page.waitForURL(/\/pay\/[a-z0-9]+$/, { timeout: 60_000, waitUntil: "domcontentloaded" });

  const list = await trpcQuery<{ items: Array<{ id: string }> }>(page.request, "order.list", {});
  expect(list.items).toHaveLength(1);
  const order = await trpcQuery<OrderDetail>(page.request, "order.get", { id: list.items[0].id });
  expect(order.items[0]).toMatchObject({ productId: product.id, attribution: { field: "CONTENT", channel: "VIDEO", sourceId: postId } });
  await context.close();
});
