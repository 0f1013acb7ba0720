// One contender in a race between processes (see race.ts). better-sqlite3 is synchronous, so calls inside one
// process can never overlap: only separate processes with their own connections can race on the database.
// Loads everything, says "ready", waits for "go" on stdin, runs one command and prints its result as JSON.
import readline from "node:readline";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { closeTransport } from "@/lib/mail/transport";
import { runDigests } from "@/lib/digests/run-digests";
import { claimDue, deliverDue } from "@/lib/outbox/deliver-outbox";
import { recordSelfReport } from "@/lib/own-channels/record-self-report";
import { createPrintRun } from "@/lib/print-runs/create-print-run";
import { confirmSignature } from "@/lib/signatures/confirm-signature";

const [command, ...args] = process.argv.slice(2);

env();
getDb();

const lines = readline.createInterface({ input: process.stdin });
process.stdout.write("ready\n");
for await (const line of lines) {
  if (line.trim() === "go") break;
}
lines.close();

let result: unknown;
if (command === "confirm") {
  const { state, appealsQueued } = confirmSignature({ token: args[0] ?? "" });
  result = { state, appealsQueued: appealsQueued ?? 0 };
} else if (command === "claim") {
  result = claimDue({ owner: args[0] ?? "", limit: Number(args[1]), now: new Date(Number(args[2])) }).map((row) => row.id);
} else if (command === "self-report") {
  const [caseSlug = "", signatureId = "", token = "", targetId = "", channel = ""] = args;
  result = recordSelfReport({ caseSlug, signatureId, token, targetId, channel: channel === "post" ? "post" : "email" }).state;
} else if (command === "print-run") {
  const outcome = createPrintRun({ caseId: args[0] || undefined, userId: args[1] ?? "" });
  result = "run" in outcome ? { runId: outcome.run.id, letterCount: outcome.run.letterCount } : outcome;
} else if (command === "digests") {
  // the server timer's digest step, then one delivery pass, as a second server process would run them
  const ran = runDigests({ now: new Date(Number(args[0])) });
  const delivered = await deliverDue({ owner: `race-${process.pid}`, now: new Date(Number(args[0])) });
  // the pool keeps its connections open for the next message: let go of them, or this process never exits
  closeTransport();
  result = { ...ran, sent: delivered.sent };
} else {
  throw new Error(`unknown command: ${command}`);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
