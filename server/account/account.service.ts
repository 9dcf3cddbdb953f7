import type { DbClient } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { hashPassword, verifyPassword } from "@/server/account/password";
import type { SignUpInput, UserOutput } from "@/server/account/account.schema";

/** A precomputed hash so unknown emails cost as much time as wrong passwords (no user enumeration by timing). */
let dummyHash: Promise<string> | undefined;

export async function signUp(db: DbClient, input: SignUpInput): Promise<UserOutput> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "An account with this email already exists", { field: "email" });
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name, passwordHash, roles: ["SHOPPER"] },
    });
    return { id: user.id, email: user.email, name: user.name, roles: user.roles, shops: [], creatorHandle: null };
  } catch (err) {
    // Two sign-ups racing for the same email: the unique index decides.
    if ((err as { code?: string }).code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists", { field: "email" });
    }
    throw err;
  }
}

/** Returns the user id for a correct email + password, otherwise null. */
export async function verifyCredentials(db: DbClient, email: string, password: string) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, roles: true, passwordHash: true },
  });
  if (!user) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, roles: user.roles };
}

export async function getUser(db: DbClient, userId: string): Promise<UserOutput> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: {
      shopMemberships: { include: { shop: { select: { id: true, slug: true, nameZh: true, nameEn: true } } } },
      creatorProfile: { select: { handle: true } },
    },
  });
  if (!user) throw new AppError("UNAUTHORIZED", "Your session refers to an account that no longer exists");
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    shops: user.shopMemberships.map((m) => m.shop),
    creatorHandle: user.creatorProfile?.handle ?? null,
  };
}
