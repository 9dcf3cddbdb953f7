import { z } from "zod";

/** Mainland China mobile numbers: 11 digits, 1 then 3–9. */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/;
export const MAX_ADDRESSES = 20;

const region = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .trim()
    .min(1, { error: `${name} is required` })
    .max(20, { error: `${name} must be at most 20 characters` });

export const addressFields = z.object({
  recipient: z
    .string({ error: "recipient is required" })
    .trim()
    .min(1, { error: "recipient is required" })
    .max(20, { error: "recipient must be at most 20 characters" }),
  phone: z
    .string({ error: "phone is required" })
    // People type "138 0013 8000" or "138-0013-8000"; store the bare digits.
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(MOBILE_PHONE, { error: "phone must be an 11-digit mainland mobile number starting with 13–19" })),
  province: region("province"),
  city: region("city"),
  district: region("district"),
  street: z
    .string({ error: "street is required" })
    .trim()
    .min(4, { error: "street (detailed address) must be at least 4 characters" })
    .max(120, { error: "street (detailed address) must be at most 120 characters" }),
  postalCode: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.string().regex(/^\d{6}$/, { error: "postalCode must be 6 digits" }).optional())
    .optional()
    .nullable(),
  isDefault: z.boolean().optional(),
});
export type AddressFields = z.infer<typeof addressFields>;

const addressId = z.string().trim().min(1, { error: "id is required" }).max(64, { error: "id is not a valid id" });

export const createAddressInput = addressFields;
export const updateAddressInput = addressFields.extend({ id: addressId });
export type UpdateAddressInput = z.infer<typeof updateAddressInput>;
export const addressIdInput = z.object({ id: addressId });

export const addressOutput = z.object({
  id: z.string(),
  recipient: z.string(),
  phone: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  street: z.string(),
  postalCode: z.string().nullable(),
  isDefault: z.boolean(),
  createdAt: z.date(),
});
export type AddressOutput = z.infer<typeof addressOutput>;
