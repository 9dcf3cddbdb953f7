import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address" }));

export const signUpInput = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(8, { error: "Password must be at least 8 characters" })
    .max(128, { error: "Password must be at most 128 characters" }),
  name: z.string().trim().min(1, { error: "Name is required" }).max(40, { error: "Name must be at most 40 characters" }),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const roleSchema = z.enum(["SHOPPER", "SELLER", "CREATOR", "ADMIN"]);

export const userOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  shops: z.array(z.object({ id: z.string(), slug: z.string(), nameZh: z.string(), nameEn: z.string() })),
  creatorHandle: z.string().nullable(),
});
export type UserOutput = z.infer<typeof userOutput>;
