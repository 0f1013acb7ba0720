import "server-only";
import { eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { sessions, users, verificationTokens } from "@/db/schema";
import { recordAudit } from "../../audit/record-audit";

/** Signs a user out everywhere: with database sessions, deleting the rows is enough, and takes effect on their
 * next request. Their unused sign-in links go too, or a link already mailed would sign them in again for 30
 * minutes. Returns how many sessions ended; null when there is no such user. Callers check the actor. */
export function endSessionsForUser({ userId, actorId }: { userId: string; actorId: string | null }, now = new Date()): { ended: number; linksDeleted: number } | null {
  return writeTransaction((tx) => {
    const user = tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId)).get();
    if (!user) return null;
    const { changes } = tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    const linksDeleted = user.email ? tx.delete(verificationTokens).where(eq(verificationTokens.identifier, user.email)).run().changes : 0;
    recordAudit(tx, { actorUserId: actorId, action: "sessions.end", subjectType: "user", subjectId: userId, details: { ended: changes, linksDeleted } }, now);
    return { ended: changes, linksDeleted };
  });
}
