// Payment providers' server-to-server notifications. The raw body is read as text and handed over
// untouched: the signature covers the exact bytes the provider sent.
import { getDb } from "@/server/db";
import { handlePaymentCallback } from "@/server/payment/payment.service";

export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ provider: string }> }): Promise<Response> {
  const { provider } = await ctx.params;
  const rawBody = await req.text();
  const result = await handlePaymentCallback(getDb(), provider, rawBody, req.headers);
  return Response.json(result.body, { status: result.status });
}
