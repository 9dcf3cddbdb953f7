// After-sales and reviews in a real browser, on the seeded demo data (prisma/seed/trade.ts):
// the shopper asks for a refund and withdraws it, writes a review with a photo; the seller and the
// platform see their queues; the product page lists reviews. The desktop and mobile projects run
// in parallel on one database, so each uses its own seeded order.
import { expect, test, type Page } from "@playwright/test";
import { SHOPPER_STATE, signIn } from "./helpers";

/** A 2×2 PNG: the upload endpoint re-encodes it, so any real image will do. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWM4YSN3wkaOAUIBACJuBInibiS6AAAAAElFTkSuQmCC",
  "base64",
);

const ITEMS = {
  chromium: { refund: ["ord_demo_paid_1", "ord_demo_paid_1_i1"], review: ["ord_demo_completed_3", "ord_demo_completed_3_i1"] },
  mobile: { refund: ["ord_demo_paid_2", "ord_demo_paid_2_i1"], review: ["ord_demo_delivered", "ord_demo_delivered_i1"] },
} as const;

function itemsFor(projectName: string) {
  return projectName === "mobile" ? ITEMS.mobile : ITEMS.chromium;
}

test.describe("shopper", () => {
  test.use({ storageState: SHOPPER_STATE });

  test("asks for a refund before shipping, sees the timeline, then withdraws", async ({ page }, testInfo) => {
    const [orderId, itemId] = itemsFor(testInfo.project.name).refund;
    await page.goto(`/orders/${orderId}/after-sale?item=${itemId}`);
    await expect(page.getByRole("heading", { level: 1, name: "申请售后" })).toBeVisible();
    // Before shipping only "refund only" is offered; the amount starts at the maximum.
    await expect(page.getByRole("radio", { name: /退货退款/ })).toHaveCount(0);
    const amount = page.getByLabel("退款金额（元）");
    await expect(amount).not.toHaveValue("");

    await page.getByRole("button", { name: "提交申请" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "请选择退款原因" })).toBeVisible();

    await amount.fill("999999");
    await page.getByLabel("退款原因").selectOption("no_longer_needed");
    await page.getByRole("button", { name: "提交申请" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "请填写 0.01 到" })).toBeVisible();

    await amount.fill("1");
    await page.getByLabel("补充说明（选填）").fill("<b>拍错了</b>");
    await page.getByRole("button", { name: "提交申请" }).click();
    await expect(page).toHaveURL(/\/after-sales\/[a-z0-9]+$/);
    await expect(page.getByRole("heading", { level: 1, name: "待商家处理" })).toBeVisible();
    await expect(page.getByText("买家提交了售后申请")).toBeVisible();
    await expect(page.getByText("<b>拍错了</b>").first()).toBeVisible();

    await page.getByRole("button", { name: "撤销申请" }).click();
    await page.getByRole("button", { name: "确认" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "已关闭" })).toBeVisible();
    await page.goto("/after-sales");
    await expect(page.getByRole("heading", { level: 1, name: "我的售后" })).toBeVisible();
  });

  test("reviews a delivered item with stars, text and a photo", async ({ page }, testInfo) => {
    const [orderId, itemId] = itemsFor(testInfo.project.name).review;
    await page.goto(`/orders/${orderId}/review?item=${itemId}`);
    await expect(page.getByRole("heading", { level: 1, name: "评价商品" })).toBeVisible();

    await page.getByRole("button", { name: "发布评价" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "请选择评分" })).toBeVisible();

    await page.locator('input[type="file"]').setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: PNG });
    await expect(page.getByRole("button", { name: "移除第 1 张图片" })).toBeVisible();
    await page.locator("label").filter({ hasText: "4 星" }).click();
    await page.getByLabel("分享使用感受").fill("<script>window.__xss = 1</script> 很好用");
    await page.getByRole("button", { name: "发布评价" }).click();
    await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));

    await page.goto(`/orders/${orderId}/review?item=${itemId}`);
    await expect(page.getByText("你已经评价过这件商品")).toBeVisible();
    await expect(page.getByText("<script>window.__xss = 1</script> 很好用")).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const photo = page.getByRole("img", { name: "评价图片 1" });
    await expect(photo).toBeVisible();
    const src = await photo.getAttribute("src");
    expect(src).toMatch(/^\/media\/uploads\/user_shopper\/[a-f0-9]{24}-2x2\.jpg$/);
    const res = await page.request.get(src!);
    expect(res.headers()["content-type"]).toBe("image/jpeg");
    expect(res.headers()["cache-control"]).toContain("immutable");
  });
});

async function signedIn(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL("/");
}

test("the seller sees the shopper's request waiting for a decision", async ({ page }) => {
  await signedIn(page, "seller@demo.mall");
  await page.goto("/seller/after-sales");
  await expect(page.getByRole("heading", { level: 1, name: "售后处理" })).toBeVisible();
  await page.locator('a[href$="/seller/after-sales/as_demo_requested"]').click();
  await expect(page.getByRole("heading", { level: 1, name: "待商家处理" })).toBeVisible();
  await expect(page.getByRole("button", { name: "同意退货" })).toBeVisible();
  await expect(page.getByRole("button", { name: "拒绝申请" })).toBeVisible();
  await expect(page.getByText("演**")).toBeVisible();
});

test("the platform sees the escalated case with both sides' notes", async ({ page }) => {
  await signedIn(page, "admin@demo.mall");
  await page.goto("/admin/arbitration");
  await page.locator('a[href$="/admin/arbitration/as_demo_escalated"]').click();
  await expect(page.getByRole("heading", { level: 1, name: "平台仲裁中" })).toBeVisible();
  await expect(page.getByText("不同批次容量标注方式不同，商品无质量问题。")).toBeVisible();
  await expect(page.getByText("商品页明确写着 1.7L，请平台核实。")).toBeVisible();
  await expect(page.getByRole("radio", { name: "支持买家：退款" })).toBeVisible();
});

test("a product page lists reviews with the rating distribution, photos first", async ({ page }) => {
  // p_000003 in the default seed: several written reviews, some with photos.
  await page.goto("/p/gannan-navel-oranges-family");
  const section = page.getByRole("region", { name: /商品评价/ });
  await expect(section).toBeVisible();
  await expect(section.getByRole("img", { name: /5 星：\d+ 条/ })).toBeVisible();
  await expect(section.locator("article").first()).toBeVisible();
  await expect(section.locator("article").first().getByRole("img", { name: /评价图片/ }).first()).toBeVisible();
  await section.getByRole("button", { name: /有图/ }).click();
  await expect(section.getByRole("button", { name: /有图/ })).toHaveAttribute("aria-pressed", "true");
  await expect(section.locator("article").first()).toBeVisible();
});
