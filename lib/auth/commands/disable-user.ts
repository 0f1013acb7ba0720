import "server-only";
import { eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { sessions, users, verificationTokens } from "@/db/schema";
import { recordAudit } from "../../audit/record-audit";

/** Withdraws access: sets disabledAt, deletes every session and unused sign-in link, in one transaction. Only
 * enableUser lets them in again (inviting does not). Returns null when there is no such user. Callers check the
 * actor (null from the command line). */
export function disableUser({ email, actorId }: { email: string; actorId: string | null }, now = new Date()): { userId: string; sessionsEnded: number; linksDeleted: number } | null {
  const address = email.trim().normalize("NFKC").toLowerCase();
  return writeTransaction((tx) => {
    const user = tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.email, address)).get();
    if (!user) return null;
    if (user.disabledAt === null) tx.update(users).set({ disabledAt: now }).where(eq(users.id, user.id)).run();
    const sessionsEnded = tx.delete(sessions).where(eq(sessions.userId, user.id)).run().changes;
    const linksDeleted = tx.delete(verificationTokens).where(eq(verificationTokens.identifier, address)).run().changes;
    recordAudit(tx, { actorUserId: actorId, action: "user.disable", subjectType: "user", subjectId: user.id, details: { sessionsEnded, linksDeleted, via: actorId ? "web" : "cli" } }, now);
    return { userId: user.id, sessionsEnded, linksDeleted };
  });
}
