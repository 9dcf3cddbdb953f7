import { createTRPCRouter, protectedProcedure, publicProcedure } from "@/server/api/trpc";
import * as account from "@/server/account/account.service";
import { signUpInput, userOutput } from "@/server/account/account.schema";

export const accountRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpInput).output(userOutput).mutation(({ ctx, input }) => account.signUp(ctx.db, input)),
  me: protectedProcedure.output(userOutput).query(({ ctx }) => account.getUser(ctx.db, ctx.user.id)),
});
