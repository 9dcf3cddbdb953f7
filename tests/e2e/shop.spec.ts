// Shop pages that sell (issue #6): the merchant's sections render on the shop page; a seller's rich
// text with script / onerror / javascript: payloads published through the decoration editor renders
// inert on the public page and in the editor preview (no dialog ever opens); joining the shop's
// membership shows member prices.
import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, trpcQuery } from "./helpers";

const SEEDED_SHOP = "gannan-orchard";

/** Waits until React has hydrated the page's form (a cold dev server can take a while). */
async function formHydrated(page: Page) {
  await page.waitForFunction(() => {
    const form = document.querySelector("main form");
    return !!form && Object.keys(form).some((k) => k.startsWith("__reactProps"));
  }, undefined, { timeout: 60_000 });
}

/** Like helpers.signIn, but waits for the form to hydrate first. */
async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await formHydrated(page);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Fails the test if any alert/confirm/prompt opens on this page. */
function forbidDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on("dialog", (d) => {
    opened.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return opened;
}

test.describe("shop page", () => {
  test.setTimeout(120_000);

  test("renders the merchant's seeded sections between the header and all products", async ({ page }) => {
    const dialogs = forbidDialogs(page);
    await page.goto(`/s/${SEEDED_SHOP}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const sections = page.getByTestId("shop-sections");
    await expect(sections.locator('[data-section="BANNER"]')).toBeVisible();
    await expect(sections.locator('[data-section="BANNER"]')).toContainText("赣南脐橙");
    await expect(sections.locator('[data-section="FEATURED_PRODUCTS"]').getByRole("link").first()).toBeVisible();
    await expect(sections.locator('[data-section="CATEGORY_BLOCK"]').getByRole("link").first()).toBeVisible();
    await expect(sections.getByRole("heading", { name: "我们的果园故事" })).toBeVisible();
    // The coupon strip shows the shop's claimable coupons.
    await expect(sections.locator('[data-section="COUPON_STRIP"]').getByRole("button", { name: /领取|再领一张|已领取/ }).first()).toBeVisible();
    // Score parts with their figures, follow and membership in the header.
    await expect(page.getByTestId("shop-score")).toContainText("商品体验");
    await expect(page.getByTestId("shop-score")).toContainText("退款率");
    await expect(page.getByRole("button", { name: "关注" })).toBeVisible();
    await expect(page.getByRole("button", { name: "登录入会" })).toBeVisible();
    // The sections come before "all products".
    const sectionsBox = await sections.boundingBox();
    const allBox = await page.getByRole("heading", { name: /全部商品/ }).boundingBox();
    expect(sectionsBox && allBox && sectionsBox.y < allBox.y).toBe(true);
    // No horizontal overflow on phones.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(dialogs).toEqual([]);
  });

  test("joining the membership shows member prices", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/signup");
    await formHydrated(page);
    await page.getByLabel("昵称").fill("会员测试");
    await page.getByLabel("邮箱").fill(`member-${Date.now()}-${crypto.randomInt(1e6)}@example.com`);
    await page.getByLabel("密码").fill("a-strong-password");
    await page.getByRole("button", { name: "注册并登录" }).click();
    await page.waitForURL("/");

    await page.goto(`/s/${SEEDED_SHOP}`);
    await expect(page.locator("[data-member-teaser]").first()).toBeVisible();
    await expect(page.locator("[data-member-price]")).toHaveCount(0);
    await page.getByRole("button", { name: "加入会员" }).click();
    await expect(page.getByTestId("member-badge")).toBeVisible();
    await expect(page.locator("[data-member-price]").first()).toBeVisible();
    await expect(page.locator("[data-member-price]").first()).toContainText("会员价 ¥");
    await expect(page.locator("[data-member-teaser]")).toHaveCount(0);

    // The product page's purchase panel shows the member price too.
    const href = await page.locator("[data-member-price]").first().locator("xpath=ancestor::a[1]").getAttribute("href");
    expect(href).toBeTruthy();
    await page.goto(href!);
    await expect(page.getByTestId("member-price-band").first()).toContainText("会员价");
    await context.close();
  });
});

test.describe("shop decoration editor", () => {
  test.setTimeout(180_000);

  test("rich text with XSS payloads publishes inert: no dialog on the shop page or in the preview", async ({ page }, testInfo) => {
    // One browser project only: both would replace the same demo shop's sections at the same time.
    test.skip(testInfo.project.name !== "chromium", "mutates seller@demo.mall's shop decoration");
    const dialogs = forbidDialogs(page);
    await signIn(page, "seller@demo.mall");
    await page.waitForURL((url) => !url.pathname.includes("signin"));

    await page.goto("/seller/shop");
    await expect(page.getByRole("heading", { name: "店铺装修", level: 1 })).toBeVisible();
    const marker = `安全测试 ${crypto.randomInt(1e9)}`;
    const before = await page.getByTestId("section-editor").count();

    await page.getByLabel("添加模块").selectOption("RICH_TEXT");
    await page.getByRole("button", { name: "添加", exact: true }).click();
    await expect(page.getByTestId("section-editor")).toHaveCount(before + 1);
    const html = `<p>${marker}</p><script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">点我</a><p>结尾文字</p>`;
    await page.getByTestId("section-editor").last().getByRole("textbox").fill(html);

    // The live preview renders the sanitised text, and nothing executes.
    const preview = page.getByTestId("decoration-preview");
    await expect(preview.getByText(marker)).toBeVisible();
    await expect(preview.getByText("结尾文字")).toBeVisible();
    await expect(preview.locator("script")).toHaveCount(0);
    await expect(preview.locator("img[onerror]")).toHaveCount(0);
    await expect(preview.locator('a[href^="javascript"]')).toHaveCount(0);

    await page.getByRole("button", { name: "发布装修" }).click();
    await expect(page.getByRole("status")).toContainText("已发布");

    // The public page.
    const [shop] = await trpcQuery<Array<{ slug: string }>>(page.request, "shop.decoration.myShops", undefined);
    await page.goto(`/s/${shop!.slug}`);
    const text = page.locator('[data-section="RICH_TEXT"]').filter({ hasText: marker });
    await expect(text).toBeVisible();
    await expect(text.getByText("结尾文字")).toBeVisible();
    await expect(text.getByText("点我")).toBeVisible();
    await expect(text.locator("script, img, [onerror]")).toHaveCount(0);
    expect(await text.getByText("点我").getAttribute("href")).toBeNull();

    // Back in the editor, the saved section previews inert too; then it is removed again.
    await page.goto("/seller/shop");
    await expect(preview.getByText(marker)).toBeVisible();
    const mine = page.getByTestId("section-editor").filter({ has: page.locator("textarea") }).last();
    await mine.getByRole("button", { name: /删除第 \d+ 个模块/ }).click();
    await page.getByRole("button", { name: "发布装修" }).click();
    await expect(page.getByRole("status")).toContainText("已发布");
    await expect(preview.getByText(marker)).toHaveCount(0);

    expect(dialogs).toEqual([]);
  });
});
