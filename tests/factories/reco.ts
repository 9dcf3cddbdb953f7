// Posts and products for recommender tests: one shop per category, posts carrying the category.
import type { Db } from "@/server/db/client";
import { createCategory, createProduct, createShop, createUser, uniqueSuffix } from "@/tests/factories/catalog";

/** `perCategory` posts (each with one product) in each of `categories` fresh categories. */
export async function createPostCatalog(db: Db, categories: number, perCategory: number) {
  const author = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
  const cats = [];
  const posts: { id: string; categoryId: string; productId: string; shopId: string }[] = [];
  for (let c = 0; c < categories; c++) {
    const cat = await createCategory(db);
    cats.push(cat);
    // Two shops per category, so the diversity rule (≤ 2 of a shop in a row) can be met.
    const shops = [await createShop(db, { ownerId: author.id }), await createShop(db, { ownerId: author.id })];
    for (let i = 0; i < perCategory; i++) {
      const shop = shops[i % 2];
      const product = await createProduct(db, { shopId: shop.id, categoryId: cat.id, tags: [`tag-${cat.id}`] });
      const post = await db.post.create({
        data: {
          authorUserId: author.id,
          shopId: shop.id,
          caption: `post ${uniqueSuffix()}`,
          hashtags: [`tag-${cat.id}`],
          posterUrl: "/icon.svg",
          videoUrl: "/media/test/v.mp4",
          durationMs: 10_000,
          categoryId: cat.id,
          products: { create: { productId: product.id, position: 0 } },
        },
      });
      posts.push({ id: post.id, categoryId: cat.id, productId: product.id, shopId: shop.id });
    }
  }
  return { author, categories: cats, posts };
}
