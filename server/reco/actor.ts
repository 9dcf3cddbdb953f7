// Who is looking: a signed-in user, an anonymous visitor (mall_vid cookie), or both at the moment of
// sign-in. Events, likes and profiles are keyed by actorKey: "u:<userId>" once known, else "v:<visitorId>".
export interface Actor {
  userId: string | null;
  visitorId: string | null;
}

/** "u:<userId>" | "v:<visitorId>" | null when the actor is nobody (no session, no cookie). */
export function actorKey(actor: Actor): string | null {
  if (actor.userId) return `u:${actor.userId}`;
  if (actor.visitorId) return `v:${actor.visitorId}`;
  return null;
}
