import http from "node:http";
import type { AddressInfo } from "node:net";

/** An http server for a test's handler on a free port of 127.0.0.1: its base URL, and a close that also ends the
 * connections still open (a response a test left unanswered must not hold the run). */
export async function startHttpServer(handler: http.RequestListener): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
