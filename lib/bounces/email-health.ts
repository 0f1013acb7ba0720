import "server-only";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { preparedFor, type Db } from "@/db/client";
import { appeals, cases, digests, emailHealth, missions, outbox, signatures, targets, users } from "@/db/schema";
import { isOpenForSignatures } from "../cases/queries";
import { countryName } from "../countries";
import { env } from "../env";
import { enqueueFaxLetter } from "../fax/enqueue-fax-letter";
import { signatureName } from "../letters/render";
import { enqueueMessage } from "../outbox/enqueue-message";
import { channelFor } from "../targets/channel";
import { getChannelConfig } from "../targets/channel-config";
import { envelopeLines } from "../targets/naming";

// The health of officials' email addresses (decision 018): counted from bounces and complaints, and what turns an
// address "bouncing". Apart from record-bounce.ts so the outbox (synchronous 5xx) and routing can use it.

const normalise = (address: string) => address.trim().toLowerCase();

// every sign POST asks this for each official it renders a letter to
const healthOf = preparedFor((db) => db.select().from(emailHealth).where(eq(emailHealth.address, sql.placeholder("address"))).prepare());

/** The health of an official's address; "ok" when nothing was ever reported. */
export function emailHealthOf(db: Db, address: string | null | undefined): typeof emailHealth.$inferSelect | null {
  if (!address) return null;
  return healthOf(db).get({ address: normalise(address) }) ?? null;
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
 * DATA): counted, and at BOUNCE_SWITCH_AFTER in a row the address turns "bouncing": its letters go by fax or
 * post (rerouteLetters), staff get one alert. Runs in the caller's transaction, after the caller has failed the
 * letter's row, so that letter is carried on too. */
export function recordOfficialHardBounce(tx: Db, address: string, now: Date): { switched: boolean } {
  const health = bump(
    tx,
    address,
    { hardBounces: sql`${emailHealth.hardBounces} + 1`, hardInRow: sql`${emailHealth.hardInRow} + 1` } as never,
    now,
  );
  // a letter that was already on its way when the address switched bounces later: it goes on by fax or post too
  if (health.status === "bouncing") {
    rerouteLetters(tx, health.address, now);
    return { switched: false };
  }
  if (health.hardInRow < env().BOUNCE_SWITCH_AFTER) return { switched: false };
  tx.update(emailHealth).set({ status: "bouncing" }).where(eq(emailHealth.address, health.address)).run();
  rerouteLetters(tx, health.address, now);
  if (!health.alertedAt) {
    tx.update(emailHealth).set({ alertedAt: now }).where(eq(emailHealth.address, health.address)).run();
    alertStaff(tx, health.address, health.hardInRow, now);
  }
  return { switched: true };
}

/**
 * The letters of a bouncing address go another way (decision 023): those still waiting in the outbox, and those
 * that bounced or failed to it (the bounces that caused the switch), so none is silently dropped. Each goes by
 * fax when a gateway is configured and the official has a number (channelFor with the email passed over), else
 * by post (the next print run); the old row keeps its status and reason (a waiting one ends "failed": "not
 * emailed"). Only letters of cases still taking action, and never a letter already emptied by retention or
 * erasure. A routed copy's mission has no fax on record: post, when the mission has an address.
 */
function rerouteLetters(tx: Db, address: string, now: Date): void {
  const letters = tx
    .select({
      appealId: appeals.id,
      outboxId: outbox.id,
      status: outbox.status,
      subject: appeals.subject,
      recipient: appeals.recipient,
      routing: targets.routing,
      fax: targets.fax,
      missionAddress: sql<string | null>`coalesce(${missions.address}, ${missions.city})`,
      fullName: signatures.fullName,
      initialsOnly: signatures.initialsOnly,
      country: signatures.country,
      caseState: cases.state,
      actBefore: cases.actBefore,
    })
    .from(appeals)
    .innerJoin(outbox, eq(outbox.id, appeals.outboxId))
    .innerJoin(targets, eq(targets.id, appeals.targetId))
    .innerJoin(signatures, eq(signatures.id, appeals.signatureId))
    .innerJoin(cases, eq(cases.id, appeals.caseId))
    .leftJoin(missions, eq(missions.id, appeals.missionId))
    .where(
      and(
        eq(appeals.channel, "email"),
        eq(sql`lower(${appeals.deliveryAddress})`, address),
        inArray(outbox.status, ["queued", "failed", "bounced"]),
        isNull(appeals.redactedAt),
      ),
    )
    .all()
    .filter((l) => isOpenForSignatures({ state: l.caseState, actBefore: l.actBefore }, now));
  const { faxGateway } = getChannelConfig();
  const { MAIL_FROM_NAME } = env();
  // a digest's letters share one outbox row: failing it once is enough for all of them
  const failedHere = new Set<string>();
  for (const letter of letters) {
    const fixed = letter.routing === "fixed";
    const channel = fixed ? channelFor({ email: null, fax: letter.fax }, { faxGateway }) : letter.missionAddress?.trim() ? "post" : null;
    // a mission with neither email nor address: nothing else carries it; it stays failed (a supporter's notice)
    if (!channel) continue;
    if (letter.status === "queued") {
      const changed = tx
        .update(outbox)
        .set({ status: "failed", lastError: `not emailed: the official's address bounced; sent by ${channel} instead`, leaseOwner: null, leaseUntil: null })
        .where(and(eq(outbox.id, letter.outboxId), eq(outbox.status, "queued")))
        .run();
      if (changed.changes === 0 && !failedHere.has(letter.outboxId)) continue;
      failedHere.add(letter.outboxId);
    }
    if (channel === "fax") {
      const name = signatureName(letter);
      const faxId = enqueueFaxLetter(
        tx,
        {
          number: letter.fax!,
          recipient: envelopeLines(letter.recipient)[0] ?? "",
          signedAs: `${name}, ${countryName(letter.country)}`,
          fromName: `${name} via ${MAIL_FROM_NAME}`,
          subject: letter.subject,
        },
        now,
      );
      tx.update(appeals).set({ channel: "fax", deliveryAddress: letter.fax, outboxId: faxId, printRunId: null }).where(eq(appeals.id, letter.appealId)).run();
    } else {
      tx.update(appeals).set({ channel: "post", printRunId: null }).where(eq(appeals.id, letter.appealId)).run();
    }
  }
  // letters waiting for a digest (none yet, or one prepared and not yet queued) go by post too
  const forDigest = tx
    .select({ id: appeals.id })
    .from(appeals)
    .leftJoin(digests, eq(digests.id, appeals.digestId))
    .where(and(eq(appeals.channel, "email"), eq(sql`lower(${appeals.deliveryAddress})`, address), isNull(appeals.outboxId), or(isNull(appeals.digestId), eq(digests.status, "prepared"))))
    .all()
    .map((r) => r.id);
  if (forDigest.length > 0) tx.update(appeals).set({ channel: "post", printRunId: null, digestId: null }).where(inArray(appeals.id, forDigest)).run();
}

function alertStaff(tx: Db, address: string, inRow: number, now: Date): void {
  const admins = tx.select({ email: users.email }).from(users).where(and(eq(users.role, "admin"), isNull(users.disabledAt))).all().flatMap((u) => (u.email ? [u.email] : []));
  const to = [...new Set([...admins, ...env().ADMIN_EMAILS].map(normalise))];
  const subject = "An official's email address is bouncing: their letters now go by post";
  const text = `${address} has bounced ${inRow} letters in a row (BOUNCE_SWITCH_AFTER is ${env().BOUNCE_SWITCH_AFTER}).

Its waiting and future letters, and those that bounced, go by fax where the official has a fax number and a fax gateway is set, else by post. Correct the address on the case's Targets page, then reset its status on the case page: ${env().appUrl}/admin

Vigil
`;
  for (const recipient of to) {
    enqueueMessage(tx, { kind: "staff_alert", to: recipient, subject, text, headers: { "Auto-Submitted": "auto-generated" } }, now);
  }
}

