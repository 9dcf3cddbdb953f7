import { z } from "zod";
import { createTRPCRouter, creatorProcedure, publicProcedure, sellerProcedure, protectedProcedure, type Context } from "@/server/api/trpc";
import { uploadStorage } from "@/server/media/uploads";
import * as posts from "@/server/content/post.service";
import {
  authorPostsInput,
  createPostInput,
  createShopPostInput,
  feedPost,
  likeState,
  myPostRow,
  postIdInput,
  postThumb,
  productPostsInput,
  shareState,
} from "@/server/content/post.schema";

const actor = (ctx: Context) => ({ userId: ctx.user?.id ?? null, visitorId: ctx.visitorId ?? null });

export const postRouter = createTRPCRouter({
  /** Creators: publish as their own creator profile. */
  create: creatorProcedure
    .input(createPostInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => posts.createPost(ctx.db, ctx.user.id, { kind: "creator" }, input, uploadStorage())),
  /** Sellers: publish as a shop they are a member of (another shop: FORBIDDEN). */
  createForShop: sellerProcedure
    .input(createShopPostInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => {
      const { shopId, ...rest } = input;
      return posts.createPost(ctx.db, ctx.user.id, { kind: "shop", shopId }, rest, uploadStorage());
    }),
  /** The caller's own posts. */
  listMine: protectedProcedure.output(z.array(myPostRow)).query(({ ctx }) => posts.listMyPosts(ctx.db, ctx.user.id)),

  /** Public: one published post (hidden or unknown: NOT_FOUND). */
  get: publicProcedure
    .input(postIdInput)
    .output(feedPost)
    .query(({ ctx, input }) => posts.getPost(ctx.db, actor(ctx), input.postId)),
  /** Anyone, signed in or not (anonymous likes are keyed by the visitor cookie). */
  like: publicProcedure
    .input(postIdInput)
    .output(likeState)
    .mutation(({ ctx, input }) => posts.likePost(ctx.db, actor(ctx), input.postId)),
  unlike: publicProcedure
    .input(postIdInput)
    .output(likeState)
    .mutation(({ ctx, input }) => posts.unlikePost(ctx.db, actor(ctx), input.postId)),
  share: publicProcedure
    .input(postIdInput)
    .output(shareState)
    .mutation(({ ctx, input }) => posts.sharePost(ctx.db, actor(ctx), ctx.ip, input.postId)),
  byAuthor: publicProcedure
    .input(authorPostsInput)
    .output(z.array(postThumb))
    .query(({ ctx, input }) => posts.listAuthorPosts(ctx.db, input)),
  forProduct: publicProcedure
    .input(productPostsInput)
    .output(z.array(postThumb))
    .query(({ ctx, input }) => posts.listProductPosts(ctx.db, input.productId, input.limit)),
});
