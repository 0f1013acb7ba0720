import "server-only";
import { eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { users, type UserRole } from "@/db/schema";
import { recordAudit } from "../../audit/record-audit";
import { InviteUserSchema } from "../schemas";

export type InviteUserResult = {
  userId: string;
  email: string;
  role: UserRole;
  /** created: a new account; updated: the role changed */
  outcome: "created" | "updated" | "unchanged";
};

export class InvalidInviteError extends Error {
  constructor(readonly fieldErrors: Partial<Record<"email" | "role", string[]>>) {
    super(Object.values(fieldErrors).flat().join(" "));
    this.name = "InvalidInviteError";
  }
}

/** The words for inviting an address whose access was withdrawn: enabling is its own, audited act (enableUser). */
export const DISABLED_INVITE_MESSAGE = "This account is disabled; enable it first.";

/** Lets an address sign in with a role. Inviting an existing account sets its role; a disabled account is refused
 * (InvalidInviteError), never enabled again by an invitation, which would undo a Disable without anyone deciding
 * to. actorId is the admin who did it (null from the command line). Callers check that the actor is an admin. */
export function inviteUser(
  { email, role, actorId = null }: { email: string; role: string; actorId?: string | null },
  now = new Date(),
): InviteUserResult {
  const parsed = InviteUserSchema.safeParse({ email, role });
  if (!parsed.success) {
    const errors: Partial<Record<"email" | "role", string[]>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] === "role" ? "role" : "email";
      (errors[key] ??= []).push(issue.message);
    }
    throw new InvalidInviteError(errors);
  }
  const input = parsed.data;
  return writeTransaction((tx) => {
    const existing = tx
      .select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.email, input.email))
      .get();
    if (existing?.disabledAt) throw new InvalidInviteError({ email: [DISABLED_INVITE_MESSAGE] });
    if (existing && existing.role === input.role) {
      return { userId: existing.id, email: input.email, role: input.role, outcome: "unchanged" as const };
    }
    if (existing) {
      tx.update(users).set({ role: input.role }).where(eq(users.id, existing.id)).run();
      recordAudit(tx, {
        actorUserId: actorId,
        action: "user.invite",
        subjectType: "user",
        subjectId: existing.id,
        details: { role: input.role, previousRole: existing.role, via: actorId ? "web" : "cli" },
      }, now);
      return { userId: existing.id, email: input.email, role: input.role, outcome: "updated" as const };
    }
    const id = crypto.randomUUID();
    tx.insert(users).values({ id, email: input.email, role: input.role, invitedAt: now }).run();
    recordAudit(tx, { actorUserId: actorId, action: "user.invite", subjectType: "user", subjectId: id, details: { role: input.role, via: actorId ? "web" : "cli" } }, now);
    return { userId: id, email: input.email, role: input.role, outcome: "created" as const };
  });
}
