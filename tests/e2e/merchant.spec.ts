// Merchant centre (issue #6 acceptance): a merchant creates a product with 2 options × 3 values in
// the editor, uploads an image, sets prices and stock, submits; it passes the automatic check and
// the site search finds it. Another one with a forbidden word is rejected with the reason shown.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";

// A 16×16 PNG: enough for the upload pipeline (sniffed, decoded and re-encoded by the server).
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGM4YRNAEmIY1TCqYfhqAAA5l1QQO0NBsAAAAABJRU5ErkJggg==", "base64");

const suffix = () => Math.random().toString(36).slice(2, 8);

async function startProduct(page: Page, title: string) {
  await page.goto("/seller/products/new");
  await expect(page.getByRole("heading", { name: "发布商品" })).toBeVisible();
  await page.getByRole("textbox", { name: /^标题（中文）/ }).fill(title);
  await page.getByLabel("类目").selectOption({ index: 1 });
  await page.getByTestId("image-input").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByText("上传中…")).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole("img", { name: "图片 1" })).toBeVisible();
}

async function addOption(page: Page, n: number, name: string, values: string[]) {
  await page.getByRole("button", { name: "添加规格", exact: true }).click();
  await page.getByLabel(`规格名（中文） ${n}`).fill(name);
  for (const [i, value] of values.entries()) {
    if (i > 0) await page.getByRole("group", { name: `规格 ${n}` }).getByRole("button", { name: "添加规格值" }).click();
    await page.getByLabel(`规格 ${n} 的值 ${i + 1}`, { exact: true }).fill(value);
  }
}

async function fillAll(page: Page, price: string, stock: string) {
  await page.getByLabel("统一价格（元）").fill(price);
  await page.getByLabel("统一库存").fill(stock);
  await page.getByRole("button", { name: "应用到全部 SKU" }).click();
}

test.describe("merchant centre", () => {
  test.setTimeout(120_000);

  test.beforeEach(async ({ page }) => {
    await page.goto("/signin");
    // The form posts through the client once hydrated (a dev server may still be compiling it).
    await page.waitForLoadState("networkidle");
    await page.getByLabel("邮箱").fill("seller@demo.mall");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((url) => !url.pathname.includes("signin"));
  });

  test("creates a product with 2 options × 3 values, submits it, and search finds it", async ({ page }) => {
    const title = `手工棉麻围巾 ${suffix()}`;
    await startProduct(page, title);
    await addOption(page, 1, "颜色", ["米白", "烟灰", "藏青"]);
    await addOption(page, 2, "尺寸", ["小", "中", "大"]);
    await expect(page.getByRole("heading", { name: "SKU（9）" })).toBeVisible();
    await fillAll(page, "89.90", "20");
    await page.getByLabel("价格（元） 藏青 / 大").fill("99");

    await page.getByRole("button", { name: "保存并提交审核" }).click();
    await page.waitForURL(/\/seller\/products\/[^/]+\/edit$/);
    await expect(page.getByText("在售", { exact: true }).first()).toBeVisible();
    await expect(page.getByTestId("status-reasons")).toHaveCount(0);

    // The list shows it on sale with its price range and total stock.
    await page.goto(`/seller/products?q=${encodeURIComponent(title)}`);
    const row = page.getByTestId("product-row").filter({ hasText: title });
    await expect(row).toContainText("¥89.90–¥99");
    await expect(row).toContainText("库存 180");

    // The in-process search worker drains the outbox every second.
    await expect(async () => {
      await page.goto(`/search?q=${encodeURIComponent(title)}`);
      await expect(page.getByRole("link", { name: title }).first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000, intervals: [1_000] });
  });

  test("a product with a forbidden word is rejected with the reason shown", async ({ page }) => {
    const title = `高仿名牌包 ${suffix()}`;
    await startProduct(page, title);
    await fillAll(page, "199", "5");
    await page.getByRole("button", { name: "保存并提交审核" }).click();
    await page.waitForURL(/\/seller\/products\/[^/]+\/edit$/);
    await expect(page.getByRole("heading", { name: "未通过原因" })).toBeVisible();
    await expect(page.getByTestId("status-reasons")).toContainText("titleZh: contains the forbidden word “高仿”");

    await page.goto(`/seller/products?status=REJECTED&q=${encodeURIComponent(title)}`);
    await expect(page.getByTestId("product-row").filter({ hasText: title })).toContainText("高仿");
  });

  test("shows field errors next to the field", async ({ page }) => {
    await page.goto("/seller/products/new");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "titleZh" })).toContainText("titleZh: is required");
  });
});
