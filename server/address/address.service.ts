// The shopper's address book. Exactly one address is the default whenever there is any: the first
// one becomes it, setting another moves it, and deleting it promotes the newest remaining address.
// Every write for a user runs in a transaction that first locks that user's row, so two writes in
// parallel (two tabs) cannot leave two defaults or none.
import type { Db, DbClient } from "@/server/db/client";
import type { Prisma } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import { MAX_ADDRESSES, type AddressFields, type AddressOutput, type UpdateAddressInput } from "@/server/address/address.schema";

const SELECT = {
  id: true,
  recipient: true,
  phone: true,
  province: true,
  city: true,
  district: true,
  street: true,
  postalCode: true,
  isDefault: true,
  createdAt: true,
} satisfies Prisma.AddressSelect;

async function lockUser(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
}

function columns(input: AddressFields) {
  return {
    recipient: input.recipient,
    phone: input.phone,
    province: input.province,
    city: input.city,
    district: input.district,
    street: input.street,
    postalCode: input.postalCode ?? null,
  };
}

/** Default first, then newest first. */
export async function listAddresses(db: DbClient, userId: string): Promise<AddressOutput[]> {
  return db.address.findMany({ where: { userId }, select: SELECT, orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }, { id: "asc" }] });
}

/** One of the user's addresses, or null (someone else's id looks like a missing one). */
export async function findOwnAddress(db: DbClient, userId: string, id: string): Promise<AddressOutput | null> {
  return db.address.findFirst({ where: { id, userId }, select: SELECT });
}

export async function getDefaultAddress(db: DbClient, userId: string): Promise<AddressOutput | null> {
  return db.address.findFirst({ where: { userId }, select: SELECT, orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }] });
}

function notFound(): AppError {
  return new AppError("NOT_FOUND", "id does not refer to one of your addresses", { field: "id" });
}

export async function createAddress(db: Db, userId: string, input: AddressFields): Promise<AddressOutput> {
  return db.$transaction(async (tx) => {
    await lockUser(tx, userId);
    const count = await tx.address.count({ where: { userId } });
    if (count >= MAX_ADDRESSES) {
      throw new AppError("BAD_REQUEST", `You can keep at most ${MAX_ADDRESSES} addresses: delete one first`);
    }
    const isDefault = count === 0 || input.isDefault === true;
    if (isDefault) await tx.address.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } });
    return tx.address.create({ data: { userId, ...columns(input), isDefault }, select: SELECT });
  });
}

export async function updateAddress(db: Db, userId: string, input: UpdateAddressInput): Promise<AddressOutput> {
  return db.$transaction(async (tx) => {
    await lockUser(tx, userId);
    const current = await tx.address.findFirst({ where: { id: input.id, userId }, select: { id: true, isDefault: true } });
    if (!current) throw notFound();
    // Unticking "default" on the default address is ignored: there must always be one.
    if (input.isDefault && !current.isDefault) {
      await tx.address.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } });
    }
    return tx.address.update({
      where: { id: current.id },
      data: { ...columns(input), isDefault: current.isDefault || input.isDefault === true },
      select: SELECT,
    });
  });
}

export async function setDefaultAddress(db: Db, userId: string, id: string): Promise<AddressOutput> {
  return db.$transaction(async (tx) => {
    await lockUser(tx, userId);
    const current = await tx.address.findFirst({ where: { id, userId }, select: { id: true } });
    if (!current) throw notFound();
    await tx.address.updateMany({ where: { userId, isDefault: true, id: { not: id } }, data: { isDefault: false } });
    return tx.address.update({ where: { id }, data: { isDefault: true }, select: SELECT });
  });
}

/** Deletes one of the user's addresses; when it was the default, the newest remaining one takes over. */
export async function deleteAddress(db: Db, userId: string, id: string): Promise<{ id: string; newDefaultId: string | null }> {
  return db.$transaction(async (tx) => {
    await lockUser(tx, userId);
    const current = await tx.address.findFirst({ where: { id, userId }, select: { id: true, isDefault: true } });
    if (!current) throw notFound();
    await tx.address.delete({ where: { id } });
    let newDefaultId: string | null = null;
    if (current.isDefault) {
      const next = await tx.address.findFirst({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: { id: true } });
      if (next) {
        await tx.address.update({ where: { id: next.id }, data: { isDefault: true } });
        newDefaultId = next.id;
      }
    }
    return { id, newDefaultId };
  });
}
