// A creator's earnings: totals by status, by product and by channel, and their commissions with the
// order number masked. Only ever the signed-in creator's own rows.
import type { DbClient } from "@/server/db/client";
import type { CommissionStatus } from "@/server/generated/prisma/client";
import { maskOrderNo } from "@/server/affiliate/commission.rules";
import { ownCreator } from "@/server/affiliate/showcase.service";
import { EARNINGS_PAGE_SIZE, type EarningsOutput } from "@/server/affiliate/affiliate.schema";

interface Totals {
  pendingFen: number;
  settledFen: number;
  reversedFen: number;
  count: number;
}

const zero = (): Totals => ({ pendingFen: 0, settledFen: 0, reversedFen: 0, count: 0 });

/** Pending and settled count what is still owed (amount − reversed); reversed counts what was taken back. */
function add(t: Totals, c: { status: CommissionStatus; amountFen: number; reversedFen: number }) {
  const net = c.amountFen - c.reversedFen;
  if (c.status === "PENDING") t.pendingFen += net;
  if (c.status === "SETTLED") t.settledFen += net;
  t.reversedFen += c.reversedFen;
  t.count += 1;
}

export async function getEarnings(db: DbClient, userId: string, input: { status?: CommissionStatus; page: number }): Promise<EarningsOutput> {
  const creator = await ownCreator(db, userId);
  const all = await db.commission.findMany({
    where: { creatorId: creator.id },
    select: { productId: true, channel: true, status: true, amountFen: true, reversedFen: true, orderItem: { select: { titleZh: true, titleEn: true } } },
  });
  const totals = zero();
  const byProduct = new Map<string, Totals & { productId: string; titleZh: string; titleEn: string }>();
  const byChannel = new Map<string, Totals & { channel: (typeof all)[number]["channel"] }>();
  for (const c of all) {
    add(totals, c);
    let p = byProduct.get(c.productId);
    if (!p) byProduct.set(c.productId, (p = { ...zero(), productId: c.productId, titleZh: c.orderItem.titleZh, titleEn: c.orderItem.titleEn }));
    add(p, c);
    let ch = byChannel.get(c.channel);
    if (!ch) byChannel.set(c.channel, (ch = { ...zero(), channel: c.channel }));
    add(ch, c);
  }
  const where = { creatorId: creator.id, ...(input.status ? { status: input.status } : {}) };
  const [rows, total] = await Promise.all([
    db.commission.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * EARNINGS_PAGE_SIZE,
      take: EARNINGS_PAGE_SIZE,
      select: {
        id: true,
        channel: true,
        rateBp: true,
        baseFen: true,
        amountFen: true,
        reversedFen: true,
        status: true,
        createdAt: true,
        settledAt: true,
        orderItem: { select: { titleZh: true, titleEn: true, order: { select: { orderNo: true } } } },
      },
    }),
    db.commission.count({ where }),
  ]);
  const rank = (t: Totals) => t.pendingFen + t.settledFen;
  return {
    totals,
    byProduct: [...byProduct.values()].sort((a, b) => rank(b) - rank(a)).slice(0, 20),
    byChannel: [...byChannel.values()].sort((a, b) => rank(b) - rank(a)),
    items: rows.map(({ orderItem, ...r }) => ({ ...r, titleZh: orderItem.titleZh, titleEn: orderItem.titleEn, orderNoMasked: maskOrderNo(orderItem.order.orderNo) })),
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / EARNINGS_PAGE_SIZE)),
  };
}
