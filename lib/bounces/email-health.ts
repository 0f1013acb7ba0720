import "server-only";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals, digests, emailHealth, outbox, users } from "@/db/schema";
import { env } from "../env";
import { enqueueMessage } from "../outbox/enqueue-message";

// The health of officials' email addresses (decision 018): counted from bounces and complaints, and what turns an
// address "bouncing". Apart from record-bounce.ts so the outbox (synchronous 5xx) and routing can use it.

const normalise = (address: string) => address.trim().toLowerCase();

/** The health of an official's address; "ok" when nothing was ever reported. */
export function emailHealthOf(db: Db, address: string | null | undefined): typeof emailHealth.$inferSelect | null {
  if (!address) return null;
  return db.select().from(emailHealth).where(eq(emailHealth.address, normalise(address))).get() ?? null;
}

/** Letters to this address go another way: it has bounced hard BOUNCE_SWITCH_AFTER times in a row. */
export function isBouncing(db: Db, address: string | null | undefined): boolean {
  return emailHealthOf(db, address)?.status === "bouncing";
}

export function bump(tx: Db, address: string, set: Partial<typeof emailHealth.$inferInsert>, now: Date): typeof emailHealth.$inferSelect {
  const key = normalise(address);
  tx.insert(emailHealth).values({ address: key }).onConflictDoNothing().run();
  return tx.update(emailHealth).set({ ...set, lastAt: now }).where(eq(emailHealth.address, key)).returning().get()!;
}

/** A hard bounce from an official's address, reported asynchronously (a DSN) or at send time (a 5xx to RCPT or
 * DATA): counted, and at BOUNCE_SWITCH_AFTER in a row the address turns "bouncing": its waiting letters go by
 * post, staff get one alert. Runs in the caller's transaction. */
export function recordOfficialHardBounce(tx: Db, address: string, now: Date): { switched: boolean } {
  const health = bump(
    tx,
    address,
    { hardBounces: sql`${emailHealth.hardBounces} + 1`, hardInRow: sql`${emailHealth.hardInRow} + 1` } as never,
    now,
  );
  if (health.hardInRow < env().BOUNCE_SWITCH_AFTER || health.status === "bouncing") return { switched: false };
  tx.update(emailHealth).set({ status: "bouncing" }).where(eq(emailHealth.address, health.address)).run();
  rerouteWaiting(tx, health.address, now);
  if (!health.alertedAt) {
    tx.update(emailHealth).set({ alertedAt: now }).where(eq(emailHealth.address, health.address)).run();
    alertStaff(tx, health.address, health.hardInRow, now);
  }
  return { switched: true };
}

/** Letters still waiting in the outbox for this address go by post instead (the print run), as a failed fax
 * does: the outbox row ends "failed" with the reason and the appeal joins the next print run. */
function rerouteWaiting(tx: Db, address: string, now: Date): void {
  const waiting = tx
    .select({ outboxId: outbox.id })
    .from(appeals)
    .innerJoin(outbox, eq(outbox.id, appeals.outboxId))
    .where(and(eq(appeals.channel, "email"), eq(sql`lower(${appeals.deliveryAddress})`, address), eq(outbox.status, "queued")))
    .all()
    .map((r) => r.outboxId);
  // letters waiting for a digest (none yet, or one prepared and not yet queued) go by post too
  const forDigest = tx
    .select({ id: appeals.id })
    .from(appeals)
    .leftJoin(digests, eq(digests.id, appeals.digestId))
    .where(and(eq(appeals.channel, "email"), eq(sql`lower(${appeals.deliveryAddress})`, address), isNull(appeals.outboxId), or(isNull(appeals.digestId), eq(digests.status, "prepared"))))
    .all()
    .map((r) => r.id);
  if (forDigest.length > 0) tx.update(appeals).set({ channel: "post", printRunId: null, digestId: null }).where(inArray(appeals.id, forDigest)).run();
  if (waiting.length === 0) return;
  tx.update(outbox)
    .set({ status: "failed", lastError: "not emailed: the official's address bounced; sent by post instead", leaseOwner: null, leaseUntil: null })
    .where(and(inArray(outbox.id, waiting), eq(outbox.status, "queued")))
    .run();
  tx.update(appeals).set({ channel: "post", printRunId: null }).where(inArray(appeals.outboxId, waiting)).run();
  void now;
}

function alertStaff(tx: Db, address: string, inRow: number, now: Date): void {
  const admins = tx.select({ email: users.email }).from(users).where(and(eq(users.role, "admin"), isNull(users.disabledAt))).all().flatMap((u) => (u.email ? [u.email] : []));
  const to = [...new Set([...admins, ...env().ADMIN_EMAILS].map(normalise))];
  const subject = "An official's email address is bouncing: their letters now go by post";
  const text = `${address} has bounced ${inRow} letters in a row (BOUNCE_SWITCH_AFTER is ${env().BOUNCE_SWITCH_AFTER}).

Its waiting and future letters go by post, or by fax where the official has a fax number. Correct the address on the case's Targets page, then reset its status on the case page: ${env().appUrl}/admin

Vigil
`;
  for (const recipient of to) {
    enqueueMessage(tx, { kind: "staff_alert", to: recipient, subject, text, headers: { "Auto-Submitted": "auto-generated" } }, now);
  }
}

