// Runs commands of race-child.ts in separate Node processes, each with its own SQLite connection, and releases
// them at the same instant once all have loaded, so they really contend for the database.
import { spawn } from "node:child_process";
import path from "node:path";

const CHILD = path.resolve(import.meta.dirname, "race-child.ts");

/** Loading is bounded apart from the race: six tsx processes starting on a busy 2-core machine took up to 16 s
 * here, which must not eat into the time the race itself is given. */
export async function raceInProcesses(commands: string[][], timeoutMs = 20_000, loadTimeoutMs = 60_000): Promise<unknown[]> {
  const children = commands.map((args) =>
    spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", CHILD, ...args], {
      cwd: process.cwd(),
      env: process.env,
      stdio: ["pipe", "pipe", "pipe"],
    }),
  );
  const outputs = children.map((child) => {
    let stdout = "";
    let stderr = "";
    let onReady!: () => void;
    const ready = new Promise<void>((resolve) => {
      onReady = resolve;
    });
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (stdout.startsWith("ready\n")) onReady();
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const done = new Promise<unknown>((resolve, reject) =>
      child.once("exit", (code) => {
        if (code !== 0) return reject(new Error(`race child ${child.pid} exited with ${code}: ${stderr}`));
        resolve(JSON.parse(stdout.slice("ready\n".length)) as unknown);
      }),
    );
    return { ready, done };
  });
  const killAll = () => children.forEach((child) => child.kill("SIGKILL"));
  let timer = setTimeout(killAll, loadTimeoutMs);
  try {
    // a child that dies while loading rejects `done`: don't wait for its `ready` forever
    await Promise.race([Promise.all(outputs.map((o) => o.ready)), Promise.all(outputs.map((o) => o.done))]);
    clearTimeout(timer);
    timer = setTimeout(killAll, timeoutMs);
    for (const child of children) child.stdin.write("go\n");
    return await Promise.all(outputs.map((o) => o.done));
  } finally {
    clearTimeout(timer);
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  }
}
