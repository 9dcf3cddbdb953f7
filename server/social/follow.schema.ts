import { z } from "zod";

const id = (field: string) => z.string().trim().min(1, { error: `${field} is required` }).max(64, { error: `${field} is too long` });

/** Exactly one of creatorId and shopId: whom to follow. */
export const followTarget = z.union([z.object({ creatorId: id("creatorId") }).strict(), z.object({ shopId: id("shopId") }).strict()], {
  error: "target: give exactly one of creatorId or shopId",
});
export type FollowTarget = z.infer<typeof followTarget>;

export const followState = z.object({ following: z.boolean(), followerCount: z.number().int().min(0) });
export type FollowState = z.infer<typeof followState>;
