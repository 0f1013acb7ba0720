// `npm start`: install what is missing, migrate, seed the demo cases, build if needed, then serve.
// `npm run dev` (--dev): the same, but no build: next dev serves the sources with hot reload.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuild, ensureDependencies, productionServer, root, runBin, serverConditions } from "./lib/tasks.mjs";

const dev = process.argv.includes("--dev");

try {
  ensureDependencies();
  // the one migration of a start: the server process does not migrate again
  runBin("tsx", [...serverConditions, "scripts/prepare.ts"]);
  if (!dev) ensureBuild();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const server = spawn(process.execPath, dev ? [path.join(root, "scripts", "serve.mjs"), "--dev"] : productionServer.args, {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, ...(dev ? {} : productionServer.env), NODE_ENV: dev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
