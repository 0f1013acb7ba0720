// Run by bench/deliverability.mjs, never by hand: writes the raw RFC 822 text of one confirmation email, one
// appeal, one update notice and two digests (letters in full, one PDF) into the folder given as argv[2], each
// made by the app's own path (sign, confirm, post an update, prepare and send a digest; the outbox worker's
// message builder; nodemailer) through the built-in mailbox, which keeps exactly what an SMTP server would have
// received. DATABASE_URL must point at a prepared (migrated, seeded) file.
import fs from "node:fs";
import path from "node:path";
import { asc, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cases, mailboxMessages, outbox, targets } from "@/db/schema";
import { inviteUser } from "@/lib/auth/commands/invite-user";
import { prepareCaseDigestsNow } from "@/lib/digests/prepare-digests";
import { sendDigestNow } from "@/lib/digests/send-digests";
import { deliverDue } from "@/lib/outbox/deliver-outbox";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { parseSignForm } from "@/lib/signatures/schemas";
import { submitSignature } from "@/lib/signatures/submit-signature";
import { postUpdate } from "@/lib/updates/post-update";

const out = process.argv[2];
if (!out) throw new Error("usage: deliverability-messages.ts <folder>");

async function drain() {
  for (let pass = 0; pass < 20; pass++) {
    const tally = await deliverDue();
    if (tally.sent + tally.retry + tally.failed + tally["lost-lease"] === 0) return;
  }
}

const db = getDb();
// a demo case with an official reached by email (the seed gives demo officials example.org addresses)
const withEmail = db
  .select({ caseId: cases.id, slug: cases.slug })
  .from(targets)
  .innerJoin(cases, eq(cases.id, targets.caseId))
  .where(eq(cases.state, "published"))
  .all()
  .find((row) => db.select().from(targets).where(eq(targets.caseId, row.caseId)).all().some((t) => t.email));
if (!withEmail) throw new Error("no published demo case has an official with an email address");
const official = db.select().from(targets).where(eq(targets.caseId, withEmail.caseId)).orderBy(asc(targets.position)).all().find((t) => t.email)!;

const email = "amira.haddad@supporters.example.net";
const parsed = parseSignForm([
  ["fullName", "Amira Haddad"],
  ["email", email],
  ["country", "LB"],
  ["message", "I am writing from Beirut, where many of us are following this case closely and hoping for good news."],
  ["followUpdates", "on"],
]);
if (!parsed.ok) throw new Error("the sample supporter was refused");
const submitted = submitSignature({ slug: withEmail.slug, input: parsed.data, clientAddress: "192.0.2.10" });
if (!submitted.ok) throw new Error(`signing was refused: ${submitted.code}`);
const confirmation = db.select().from(outbox).where(eq(outbox.toAddress, email)).get()!;
const token = /\/confirm\/([A-Za-z0-9_-]+)/.exec(confirmation.textBody)?.[1];
if (!token) throw new Error("no confirmation link");
await drain(); // the confirmation, as sent (its link is emptied from the row once sent)
if (confirmSignature({ token }).state !== "confirmed") throw new Error("confirming failed");

const admin = inviteUser({ email: "bench-admin@staff.example.org", role: "admin" }).userId;
const update = postUpdate({
  caseId: withEmail.caseId,
  actorId: admin,
  input: {
    kind: "further_information",
    title: "Her trial has been postponed",
    body: "The court postponed the hearing to next month. Letters from around the world are reaching the officials: thank you.",
    happenedOn: new Date().toISOString().slice(0, 10),
    riskStatus: null,
  },
});
if (!update || update.notified !== 1) throw new Error("the update notified nobody");
await drain();

// the same official in digest mode: a day of letters from several supporters, in the body, then as one PDF
const supporters: [string, string, string][] = [
  ["Ingrid Solberg", "NO", "I have followed her case since the first arrest and will keep writing."],
  ["Liu Wei", "CA", ""],
  ["Samuel Okafor", "NG", "Please let her family visit her."],
  ["Marie Dubois", "FR", ""],
  ["Ana Pereira", "BR", "Respect her right to a fair trial."],
];
const digestOf = async (format: "inline" | "pdf", people: typeof supporters) => {
  db.update(targets).set({ deliveryMode: "digest", digestFormat: format }).where(eq(targets.id, official.id)).run();
  for (const [i, [fullName, country, message]] of people.entries()) {
    const address = `${fullName.toLowerCase().replace(/\W+/g, ".")}.${format}@supporters.example.net`;
    const form = parseSignForm([["fullName", fullName], ["email", address], ["country", country], ["message", message]]);
    if (!form.ok) throw new Error("a digest supporter was refused");
    const signed = submitSignature({ slug: withEmail.slug, input: form.data, clientAddress: `192.0.2.${20 + i}` });
    if (!signed.ok) throw new Error(`signing was refused: ${signed.code}`);
    const link = db.select().from(outbox).where(eq(outbox.toAddress, address)).get()!;
    const found = /\/confirm\/([A-Za-z0-9_-]+)/.exec(link.textBody)?.[1];
    if (!found || confirmSignature({ token: found }).state !== "confirmed") throw new Error("confirming a digest supporter failed");
  }
  const [digestId] = prepareCaseDigestsNow({ caseId: withEmail.caseId, actorId: admin });
  if (!digestId || sendDigestNow({ caseId: withEmail.caseId, digestId }) !== "queued") throw new Error("no digest was queued");
  await drain();
};
await digestOf("inline", supporters);
await digestOf("pdf", supporters.slice(0, 3));

const kept = db.select({ outboxId: mailboxMessages.outboxId, raw: mailboxMessages.raw }).from(mailboxMessages).where(isNotNull(mailboxMessages.outboxId)).all();
const kindOf = (id: string | null) => (id ? db.select({ kind: outbox.kind, to: outbox.toAddress }).from(outbox).where(eq(outbox.id, id)).get() : undefined);
const wanted: Record<string, (m: { kind: string; to: string }) => boolean> = {
  confirmation: (m) => m.kind === "confirmation",
  appeal: (m) => m.kind === "appeal" && m.to === official.email,
  update: (m) => m.kind === "update_notice",
};
// the digests: the first (letters in full) and the second (one PDF)
const digestRows = db.select({ id: outbox.id }).from(outbox).where(eq(outbox.kind, "digest")).orderBy(asc(outbox.createdAt)).all();
const rawOf = (id: string | undefined) => kept.find((k) => k.outboxId === id)?.raw;
for (const [name, test] of Object.entries(wanted)) {
  const message = kept.find((k) => {
    const row = kindOf(k.outboxId);
    return row ? test(row) : false;
  });
  if (!message) throw new Error(`no ${name} was delivered`);
  fs.writeFileSync(path.join(out, `${name}.eml`), message.raw);
}
for (const [name, row] of [["digest", digestRows[0]], ["digest-pdf", digestRows[1]]] as const) {
  const raw = rawOf(row?.id);
  if (!raw) throw new Error(`no ${name} was delivered`);
  fs.writeFileSync(path.join(out, `${name}.eml`), raw);
}
console.log(`wrote confirmation.eml, appeal.eml, update.eml, digest.eml and digest-pdf.eml to ${out}`);
