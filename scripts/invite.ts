// `npm run invite -- someone@example.org --role campaigner`: lets an address sign in, from a shell. The same
// command as the People page's invite form, recorded in the audit log with no actor.
import { parseArgs } from "node:util";
import { migrateDatabase, databaseFile } from "../db/client";
import { USER_ROLES } from "../db/schema";
import { disableUser, DisableUserError } from "../lib/auth/commands/disable-user";
import { enableUser } from "../lib/auth/commands/enable-user";
import { InvalidInviteError, inviteUser } from "../lib/auth/commands/invite-user";
import { EnvError, loadEnv } from "../lib/env";

const USAGE = `Usage: npm run invite -- EMAIL [--role campaigner|admin]
       npm run invite -- --disable EMAIL   (ends their sessions and deletes their unused sign-in links)
       npm run invite -- --enable EMAIL    (lets a disabled account sign in again, with its role)

Lets EMAIL sign in to the campaign workspace (default role: campaigner). Inviting an existing
account changes its role; a disabled account must be enabled first (--enable).`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function main() {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: { role: { type: "string", short: "r" }, disable: { type: "boolean" }, enable: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return;
  }
  if (parsed.positionals.length !== 1) {
    fail(parsed.positionals.length === 0 ? "Give one email address." : "Give exactly one email address.");
  }
  if (parsed.values.disable && parsed.values.enable) fail("Give --disable or --enable, not both.");
  const email = parsed.positionals[0]!;
  const role = parsed.values.role ?? "campaigner";
  if (!(USER_ROLES as readonly string[]).includes(role)) fail(`--role must be one of: ${USER_ROLES.join(", ")} (got "${role}").`);

  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  migrateDatabase();
  if (parsed.values.disable) {
    let done;
    try {
      done = disableUser({ email, actorId: null });
    } catch (error) {
      if (error instanceof DisableUserError) fail(`Cannot disable "${email}": ${error.message}`);
      throw error;
    }
    if (!done) fail(`There is no account for "${email}".`);
    console.log(`Disabled ${email}: ${done.sessionsEnded} session(s) ended, ${done.linksDeleted} unused sign-in link(s) deleted.`);
    return;
  }
  if (parsed.values.enable) {
    const done = enableUser({ email, actorId: null });
    if (!done) fail(`There is no account for "${email}".`);
    console.log(done.outcome === "enabled" ? `Enabled ${email}: they can sign in again.` : `${email} was not disabled; nothing changed.`);
    return;
  }
  try {
    const result = inviteUser({ email, role });
    const what =
      result.outcome === "created"
        ? `Invited ${result.email} as ${result.role}.`
        : result.outcome === "updated"
          ? `Updated ${result.email}: now ${result.role}.`
          : `${result.email} was already invited as ${result.role}; nothing changed.`;
    console.log(what);
    console.log(`They sign in at ${env.appUrl}/admin/sign-in (database: ${databaseFile(env.DATABASE_URL)}).`);
  } catch (error) {
    if (error instanceof InvalidInviteError) fail(`Cannot invite "${email}": ${error.message}`);
    throw error;
  }
}

main();
