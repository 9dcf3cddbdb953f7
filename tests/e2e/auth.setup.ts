import { expect, test as setup } from "@playwright/test";
import { SHOPPER_STATE, signIn } from "./helpers";

setup("sign in as the demo shopper once", async ({ page }) => {
  await signIn(page, "shopper@demo.mall");
  await expect(page.getByText("shopper@demo.mall", { exact: false }).or(page.getByRole("group"))).toBeAttached();
  await page.waitForURL("/");
  await page.context().storageState({ path: SHOPPER_STATE });
});
