// Runs once when the server process starts: check configuration, start the outbox worker and scheduled
// publishing. A bad configuration stops the process with every bad variable named. The schema is already up to
// date: scripts/prepare.ts migrates before every start.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServerProcess } = await import("./lib/server-process");
  startServerProcess();
}
