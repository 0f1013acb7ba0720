import "server-only";
import { eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "../../audit/record-audit";
import { findUser, type UserRef } from "./disable-user";

/** Gives a disabled account its access back, with the role it had: the one way back in (inviting again refuses a
 * disabled address), so re-admitting someone is always a deliberate, audited act. Returns null when there is no
 * such user; "unchanged" (and no audit row) when the account was not disabled. Callers check the actor. */
export function enableUser({ actorId, ...ref }: UserRef & { actorId: string | null }, now = new Date()): { userId: string; email: string; outcome: "enabled" | "unchanged" } | null {
  return writeTransaction((tx) => {
    const user = findUser(tx, ref);
    if (!user) return null;
    const email = user.email ?? "";
    if (user.disabledAt === null) return { userId: user.id, email, outcome: "unchanged" as const };
    tx.update(users).set({ disabledAt: null }).where(eq(users.id, user.id)).run();
    recordAudit(tx, { actorUserId: actorId, action: "user.enable", subjectType: "user", subjectId: user.id, details: { role: user.role, disabledSince: user.disabledAt.toISOString(), via: actorId ? "web" : "cli" } }, now);
    return { userId: user.id, email, outcome: "enabled" as const };
  });
}
