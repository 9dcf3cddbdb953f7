import { expect, test as setup } from "@playwright/test";
import { SHOPPER_STATE, signIn } from "./helpers";

setup("sign in as the demo shopper once", async ({ page }) => {
  await signIn(page, "shopper@demo.mall");
  await page.waitForURL("/");
  await expect(page.getByTestId("account-menu")).toContainText("shopper@demo.mall");
  await page.context().storageState({ path: SHOPPER_STATE });
});
