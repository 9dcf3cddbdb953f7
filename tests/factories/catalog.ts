// Factories for integration tests. Every slug, email and SKU carries a random suffix, so test files
// can run in parallel against one PostgreSQL database without colliding.
import crypto from "node:crypto";
import type { Db } from "@/server/db/client";
import { hashPassword } from "@/server/account/password";
import type { Prisma, ProductStatus, Role } from "@/server/generated/prisma/client";

export const TEST_PASSWORD = "correct-horse-battery";

export function uniqueSuffix(): string {
  return crypto.randomBytes(5).toString("hex");
}

// argon2 is slow on purpose; users sharing a password can share its hash.
const hashByPassword = new Map<string, Promise<string>>();

function passwordHashFor(password: string): Promise<string> {
  let passwordHash = hashByPassword.get(password);
  if (!passwordHash) {
    passwordHash = hashPassword(password);
    hashByPassword.set(password, passwordHash);
  }
  return passwordHash;
}

export async function createUser(db: Db, options: { roles?: Role[]; email?: string; password?: string; name?: string } = {}) {
  const suffix = uniqueSuffix();
  const password = options.password ?? TEST_PASSWORD;
  const user = await db.user.create({
    data: {
      email: options.email ?? `user-${suffix}@example.test`,
      name: options.name ?? `Test User ${suffix}`,
      passwordHash: await passwordHashFor(password),
      roles: options.roles ?? ["SHOPPER"],
    },
  });
  return { ...user, password };
}

type ShopOverrides = Partial<Omit<Prisma.ShopUncheckedCreateInput, "members" | "products">>;

/** A shop; with `ownerId`, that user becomes its OWNER member. */
export async function createShop(db: Db, options: { ownerId?: string } & ShopOverrides = {}) {
  const { ownerId, ...overrides } = options;
  const suffix = uniqueSuffix();
  return db.shop.create({
    data: {
      slug: `shop-${suffix}`,
      nameZh: `测试店铺 ${suffix}`,
      nameEn: `Test Shop ${suffix}`,
      kind: "INDEPENDENT",
      logoUrl: `/media/test/shop-${suffix}-logo.png`,
      bannerUrl: `/media/test/shop-${suffix}-banner.png`,
      ...overrides,
      members: ownerId ? { create: { userId: ownerId, role: "OWNER" } } : undefined,
    },
  });
}

export async function createCategory(db: Db, overrides: Partial<Prisma.CategoryUncheckedCreateInput> = {}) {
  const suffix = uniqueSuffix();
  return db.category.create({
    data: { slug: `category-${suffix}`, nameZh: `测试类目 ${suffix}`, nameEn: `Test Category ${suffix}`, ...overrides },
  });
}

export interface VariantInput {
  priceFen: number;
  stock: number;
  compareAtPriceFen?: number;
  purchaseLimit?: number;
  isActive?: boolean;
}

export interface OptionInput {
  nameZh: string;
  nameEn: string;
  values: Array<{ valueZh: string; valueEn: string }>;
}

type ProductOverrides = Partial<
  Omit<Prisma.ProductUncheckedCreateInput, "shopId" | "categoryId" | "options" | "variants" | "media" | "minPriceFen" | "maxPriceFen">
>;

export interface ProductInput extends ProductOverrides {
  shopId: string;
  categoryId: string;
  status?: ProductStatus;
  /** One per combination of option values, in order (first option varies slowest). */
  variants?: VariantInput[];
  /** Default: one option with a value per variant. */
  options?: OptionInput[];
}

const DEFAULT_VARIANT: VariantInput = { priceFen: 9900, stock: 100 };

/** Every combination of one value per option, first option varying slowest. */
function combinations(valueIdsByOption: string[][]): string[][] {
  return valueIdsByOption.reduce<string[][]>(
    (combos, valueIds) => combos.flatMap((combo) => valueIds.map((id) => [...combo, id])),
    [[]],
  );
}

function defaultOptions(variantCount: number): OptionInput[] {
  const values = Array.from({ length: variantCount }, (_, i) => ({ valueZh: `款式 ${i + 1}`, valueEn: `Style ${i + 1}` }));
  return [{ nameZh: "规格", nameEn: "Style", values }];
}

/**
 * A product with its options, option values and variants (each variant linked to its combination of
 * option values), and the listing price range set from the variants. Status defaults to ACTIVE.
 */
export async function createProduct(db: Db, input: ProductInput) {
  const { shopId, categoryId, status = "ACTIVE", variants: variantInputs, options: optionInputs, ...overrides } = input;
  const options = optionInputs ?? defaultOptions(variantInputs?.length ?? 1);
  const comboCount = options.reduce((count, option) => count * option.values.length, 1);
  const variants = variantInputs ?? Array.from({ length: comboCount }, () => DEFAULT_VARIANT);
  if (variants.length !== comboCount) {
    throw new Error(`createProduct: ${variants.length} variants for ${comboCount} option combinations`);
  }
  const prices = variants.map((v) => v.priceFen);
  const suffix = uniqueSuffix();
  const slug = overrides.slug ?? `product-${suffix}`;

  return db.$transaction(async (tx) => {
    const product = await tx.product.create({
      data: {
        slug,
        titleZh: `测试商品 ${suffix}`,
        titleEn: `Test Product ${suffix}`,
        publishedAt: status === "ACTIVE" ? new Date() : null,
        ...overrides,
        shopId,
        categoryId,
        status,
        minPriceFen: Math.min(...prices),
        maxPriceFen: Math.max(...prices),
        options: {
          create: options.map((option, position) => ({
            position,
            nameZh: option.nameZh,
            nameEn: option.nameEn,
            values: { create: option.values.map((value, valuePosition) => ({ position: valuePosition, ...value })) },
          })),
        },
      },
      include: { options: { orderBy: { position: "asc" }, include: { values: { orderBy: { position: "asc" } } } } },
    });
    const valueCombos = combinations(product.options.map((option) => option.values.map((value) => value.id)));
    for (const [position, variant] of variants.entries()) {
      await tx.productVariant.create({
        data: {
          productId: product.id,
          sku: `${slug}-${position + 1}`,
          position,
          ...variant,
          optionValues: { connect: valueCombos[position].map((id) => ({ id })) },
        },
      });
    }
    return tx.product.findUniqueOrThrow({
      where: { id: product.id },
      include: {
        options: { orderBy: { position: "asc" }, include: { values: { orderBy: { position: "asc" } } } },
        variants: { orderBy: { position: "asc" }, include: { optionValues: true } },
      },
    });
  });
}
