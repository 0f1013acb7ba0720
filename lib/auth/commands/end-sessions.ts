import "server-only";
import { eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { recordAudit } from "../../audit/record-audit";

/** Signs a user out everywhere: with database sessions, deleting the rows is enough, and takes effect on their
 * next request. Returns how many sessions ended; null when there is no such user. Callers check the actor. */
export function endSessionsForUser({ userId, actorId }: { userId: string; actorId: string | null }, now = new Date()): { ended: number } | null {
  return writeTransaction((tx) => {
    const user = tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
    if (!user) return null;
    const { changes } = tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    recordAudit(tx, { actorUserId: actorId, action: "sessions.end", subjectType: "user", subjectId: userId, details: { ended: changes } }, now);
    return { ended: changes };
  });
}
