// Runs once when the server process starts: check configuration, bring the schema up to date, start the
// outbox worker. A bad configuration stops the process with every bad variable named.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServerProcess } = await import("./lib/server-process");
  startServerProcess();
}
