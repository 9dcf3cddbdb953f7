// The order state machine. Every status change goes through transitionOrder(): a conditional
// update (only from the allowed states), so two racing actors can never both move one order, and
// an OrderEvent row recording who did it and when, in the same transaction.
//
//   PENDING_PAYMENT ─pay─▶ PAID ─ship─▶ SHIPPED ─deliver─▶ DELIVERED ─confirm─▶ COMPLETED
//        │                  │              │                   │
//        └─cancel/timeout─▶ CANCELLED      └───── refund request ─▶ REFUNDING ─▶ REFUNDED
//                                          (PAID, SHIPPED, DELIVERED, COMPLETED within the window)
// REFUNDING returns to the state it came from when the request is rejected or withdrawn.
import type { DbClient } from "@/server/db/client";
import type { ActorType, OrderStatus, Prisma } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";

export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ["PAID", "CANCELLED"],
  PAID: ["SHIPPED", "REFUNDING", "REFUNDED"],
  SHIPPED: ["DELIVERED", "REFUNDING"],
  DELIVERED: ["COMPLETED", "REFUNDING"],
  COMPLETED: ["REFUNDING"],
  CANCELLED: [],
  REFUNDING: ["PAID", "SHIPPED", "DELIVERED", "COMPLETED", "REFUNDED"],
  REFUNDED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

export interface Actor {
  type: ActorType;
  id?: string | null;
}

export interface TransitionOptions {
  /** Only move the order when it is in one of these states (default: every state allowed to reach `to`). */
  from?: readonly OrderStatus[];
  note?: string;
  /** Other columns written with the status, e.g. { paidAt, paymentId }. */
  data?: Omit<Prisma.OrderUpdateManyMutationInput, "status">;
  /** When it happened, if not now (a carrier scan's time, a job's clock): the event's timestamp. */
  at?: Date;
}

/**
 * Moves one order to `to` if it is currently in an allowed state; returns the state it left, or
 * null when the order was not in an allowed state (someone else moved it first, or it never could).
 */
export async function tryTransitionOrder(
  tx: DbClient,
  orderId: string,
  to: OrderStatus,
  actor: Actor,
  options: TransitionOptions = {},
): Promise<OrderStatus | null> {
  const allowed = (options.from ?? (Object.keys(ORDER_TRANSITIONS) as OrderStatus[])).filter((s) => canTransition(s, to));
  const current = await tx.order.findUnique({ where: { id: orderId }, select: { status: true } });
  if (!current || !allowed.includes(current.status)) return null;
  const moved = await tx.order.updateMany({
    where: { id: orderId, status: current.status },
    data: { ...options.data, status: to },
  });
  if (moved.count === 0) return null;
  await tx.orderEvent.create({
    data: {
      orderId,
      fromStatus: current.status,
      toStatus: to,
      actorType: actor.type,
      actorId: actor.id ?? null,
      note: options.note ?? "",
      ...(options.at ? { createdAt: options.at } : {}),
    },
  });
  return current.status;
}

/** As tryTransitionOrder, but a refused move is a CONFLICT error naming the order's state. */
export async function transitionOrder(
  tx: DbClient,
  orderId: string,
  to: OrderStatus,
  actor: Actor,
  options: TransitionOptions = {},
): Promise<OrderStatus> {
  const from = await tryTransitionOrder(tx, orderId, to, actor, options);
  if (from === null) {
    const current = await tx.order.findUnique({ where: { id: orderId }, select: { status: true } });
    throw new AppError(
      "CONFLICT",
      current ? `This order is ${current.status.toLowerCase().replace(/_/g, " ")} and cannot become ${to.toLowerCase().replace(/_/g, " ")}` : "Order not found",
    );
  }
  return from;
}
