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
    await expect(page.getByText("你好，测试买家")).toBeVisible();

    await page.getByText("你好，测试买家").click();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page.getByRole("link", { name: "登录" })).toBeVisible();

    await signIn(page, email, "a-strong-password");
    await page.waitForURL("/");
    await expect(page.getByText("你好，测试买家")).toBeVisible();
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
    await expect(page.getByRole("alert")).toHaveText("邮箱或密码不正确");
    await expect(page).toHaveURL(/\/signin/);
  });

  test.describe("signed in", () => {
    test.use({ storageState: SHOPPER_STATE });
    test("the stored session shows the shopper in the header", async ({ page }) => {
      await page.goto("/en");
      await expect(page.getByText("shopper@demo.mall", { exact: false })).toBeAttached();
    });
  });
});
