// The production server every benchmark drives: `scripts/serve.mjs` on a fresh seeded database in a temporary
// directory, built-in mailbox (the outbox worker delivers during the run, as in production), started and stopped
// by the benchmark that imports this. One way to start it, so every figure is taken against the same server.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild, ensureDependencies, productionServer, root } from "../scripts/lib/tasks.mjs";

export { root };

/** Builds when needed, prepares a fresh database and starts the server on `port`; resolves once it answers. */
export async function startBenchServer({ port, env: extra = {} }) {
  ensureDependencies();
  ensureBuild();
  const base = `http://localhost:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-"));
  const dbFile = path.join(dir, "vigil.db");
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `file:${dbFile}`,
    PORT: String(port),
    APP_URL: base,
    BENCH_ROUTES: "true",
    RATE_LIMIT_PER_CLIENT: "100000000",
    ...productionServer.env,
  };
  delete env.SMTP_URL; // the built-in mailbox unless the benchmark passes its own SMTP server
  Object.assign(env, extra);
  const prepared = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/prepare.ts"], { cwd: root, env, stdio: "inherit" });
  if (prepared.status !== 0) throw new Error("preparing the benchmark database failed");
  const server = spawn(process.execPath, productionServer.args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise((resolve) => server.once("exit", resolve));
  // resolves once the server has finished the messages in flight and exited (it waits at most 10 s for them)
  const stop = () => {
    server.kill("SIGTERM");
    return exited;
  };
  process.on("exit", () => server.kill("SIGTERM"));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/about`)).ok) break;
    } catch {}
    if (i > 150) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, dbFile, pid: server.pid, stop };
}
