import { expect, test } from "@playwright/test";
import { SHOPPER_STATE, signIn } from "./helpers";

test.describe("accounts in the browser", () => {
  test("a visitor signs up, is signed in, signs out and signs back in", async ({ page }) => {
    const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
    await page.goto("/signup");
    await page.getByLabel("昵称").fill("测试买家");
    await page.getByLabel("邮箱").fill(email);
    await page.getByLabel("密码").fill("a-strong-password");
    await page.getByRole("button", { name: "注册并登录" }).click();
    await page.waitForURL("/");
    const menu = page.getByTestId("account-menu");
    await expect(menu).toContainText(email);
    await expect(menu.locator("summary")).toHaveAccessibleName("你好，测试买家");

    await menu.locator("summary").click();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page.getByRole("link", { name: "登录" })).toBeVisible();

    await signIn(page, email, "a-strong-password");
    await page.waitForURL("/");
    await expect(page.getByTestId("account-menu")).toContainText(email);
  });

  test("sign-up names the field that is wrong", async ({ page }) => {
    await page.goto("/en/signup");
    await page.getByLabel("Name").fill("Bad Input");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account and sign in" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByText("Password must be at least 8 characters")).toBeVisible();
  });

  test("a wrong password is refused with a message, and the visitor stays signed out", async ({ page }) => {
    await signIn(page, "shopper@demo.mall", "not-the-password");
    await expect(page.locator("form").getByRole("alert")).toHaveText("邮箱或密码不正确");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("repeated wrong passwords for one email are rate limited", async ({ page }) => {
    const email = `nobody-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
    const messages: string[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      await signIn(page, email, `wrong-${attempt}`);
      const alert = page.locator("form").getByRole("alert");
      await expect(alert).toBeVisible();
      messages.push((await alert.textContent()) ?? "");
    }
    expect(messages.slice(0, 5)).toEqual(Array(5).fill("邮箱或密码不正确"));
    expect(messages[5]).toBe("尝试次数过多，请稍后再试");
  });

  test.describe("signed in", () => {
    test.use({ storageState: SHOPPER_STATE });
    test("the stored session shows the shopper in the header", async ({ page }) => {
      await page.goto("/en");
      await expect(page.getByTestId("account-menu")).toContainText("shopper@demo.mall");
    });
  });
});
