// The production server: Next's request handler behind our own http server, so the client address that rate
// limits see is the socket's (a client cannot choose it by sending X-Forwarded-For) unless TRUST_PROXY says a
// reverse proxy in front sets it. The outbox worker starts in instrumentation.ts, in this same process.
import http from "node:http";
import next from "next";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";
const trustProxy = process.env.TRUST_PROXY === "true" || process.env.TRUST_PROXY === "1";

const app = next({ dev: false, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

// A proxy is believed only when the request really comes from one nearby (loopback or a private network): with
// TRUST_PROXY set, a client reaching the port directly must not choose its own address by sending the header.
const NEARBY = /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|::1$|::ffff:(127|10|192\.168)\.|f[cd][0-9a-f]{2}:)/i;

function clientAddress(req) {
  const peer = req.socket.remoteAddress ?? "";
  const forwarded = req.headers["x-forwarded-for"];
  if (trustProxy && forwarded && NEARBY.test(peer)) {
    const hops = String(forwarded).split(",").map((h) => h.trim()).filter(Boolean);
    return hops.at(-1) ?? peer;
  }
  return peer;
}

const server = http.createServer((req, res) => {
  // always overwritten, so only this server ever sets them (lib/security/client-address.ts reads them)
  req.headers["x-vigil-client"] = clientAddress(req);
  // whether anything between the client and us said it forwarded the request (Next adds X-Forwarded-For itself
  // later, so the app cannot tell on its own)
  req.headers["x-vigil-forwarded"] = req.headers["x-forwarded-for"] || req.headers["forwarded"] || req.headers["x-real-ip"] ? "1" : "0";
  handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  const url = (process.env.APP_URL || `http://localhost:${port}`).replace(/\/+$/, "");
  console.log(`Vigil is serving on ${url}`);
});

let closing = false;
async function shutdown(signal) {
  if (closing) return;
  closing = true;
  console.log(`${signal}: finishing the messages in flight, then stopping`);
  server.close();
  const worker = globalThis[Symbol.for("vigil.outbox.worker")];
  const timeout = new Promise((resolve) => setTimeout(resolve, 10_000));
  await Promise.race([worker ? worker.stop() : Promise.resolve(), timeout]);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
