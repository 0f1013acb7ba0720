// One contender in a race between processes (see race.ts). better-sqlite3 is synchronous, so calls inside one
// process can never overlap: only separate processes with their own connections can race on the database.
// Loads everything, says "ready", waits for "go" on stdin, runs one command and prints its result as JSON.
import readline from "node:readline";

const [command, ...args] = process.argv.slice(2);

const { getDb } = await import("@/db/client");
const { confirmSignature } = await import("../signatures/confirm-signature");
const { claimDue } = await import("../outbox/deliver-outbox");
const { env } = await import("../env");
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
} else {
  throw new Error(`unknown command: ${command}`);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
