// The server of `npm start` (and, with --dev, of `npm run dev`: next dev with hot reload): Next's request handler
// behind our own http server, so the client address that rate limits see is the socket's (a client cannot choose
// it by sending X-Forwarded-For) unless TRUST_PROXY says a reverse proxy in front sets it. Migrations and the
// seed ran before, in scripts/prepare.ts; the outbox worker starts in instrumentation.ts, in a thread of this
// process (scripts/outbox-thread.mjs, decision 026), and is stopped from here on SIGTERM/SIGINT.
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import compression from "compression";
import next from "next";
import { require as tsxRequire } from "tsx/cjs/api";

const dev = process.argv.includes("--dev");

// The rules live in lib/ (one copy, unit-tested); tsx compiles these files and their imports only, so Next's own
// modules load as they would under `next start`. Through tsx's require, not its tsImport: tsImport registers ESM
// loader hooks, which stay for the life of the process, and Node then sends every later import() to the hooks'
// thread and waits for its answer, Next's import() of its cache handler on every request included (a CPU profile
// of the case page under load: about 8 % of the server's time in that round trip). tsx's require hooks only
// these calls and is gone after each.
const load = (file) => tsxRequire(file, import.meta.url);
const { EnvError, loadEnv } = load("../lib/env.ts");
const { stampClientHeaders } = load("../lib/security/forwarded-request.ts");
const { setTransportHeaders } = load("../lib/security/transport-security.ts");
const { stopOutboxWorker } = load("../lib/outbox/stop-worker.ts");
const { sendCompressedStatic } = load("../lib/http/static-assets.ts");
const { CompressedPageCache, compressCachedPages } = load("../lib/http/cached-page-compression.ts");
const { RecentPages, pageCacheGeneration } = load("../lib/http/recent-pages.ts");
const { WriteAdmission, isPublicWrite } = load("../lib/http/write-admission.ts");
// tsx turns source maps on for the files it compiles and leaves them on: Node would then read and keep in the heap
// the source map of every Next server chunk loaded from here on (tens of MB; decision 030). Production stack
// traces point into the built chunks, as under `next start`.
process.setSourceMapsEnabled(false);

let config;
try {
  config = loadEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// Compression here, not in Next (next.config.js sets compress: false): brotli where the browser takes it, which
// Next's own gzip does not offer. Pages at quality 5 (fast enough per request, a little smaller than gzip);
// built scripts and styles from the quality-11 copies made after the build; cached pages (an ETag: the same
// bytes) at quality 11, once per version of the page (lib/http/cached-page-compression.ts), up to 16 MB of them
// (a compressed page is 10–30 KB: about a thousand pages). A window of 256 KB, not brotli's 4 MB: a page is smaller,
// so the output is the same bytes, while 50 responses compressed at once peak at 67 MB, not 94, and leave 8 MB
// behind in malloc, not 60 (decision 030).
const compress = compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_LGWIN]: 18 } } });
const compressedPages = new CompressedPageCache(16 * 1024 * 1024);
// the last second's copy of each cached public page, answered before Next (lib/http/recent-pages.ts, decision 032)
const recentPages = new RecentPages(8 * 1024 * 1024);
// readers first: three public form POSTs inside Next at once, the rest wait their turn (decision 033: three kept
// signing at the rate of no limit at all, and let four times as many readers through a signing burst)
const writeAdmission = new WriteAdmission(3);
const staticDir = path.resolve(".next", "static");

const hostname = process.env.HOST || "0.0.0.0";
const server = http.createServer((req, res) => {
  stampClientHeaders({ request: req, trustedProxies: config.TRUST_PROXY });
  // HSTS when APP_URL is https: here, not in next.config.js, whose headers are fixed at build time
  setTransportHeaders({ response: res, appUrl: config.appUrl });
  if (!dev && sendCompressedStatic({ request: req, response: res, staticDir })) return;
  // a cached public page Next answered less than a second ago, unchanged since: the same bytes again
  if (!dev && recentPages.serve(req, res)) return;
  const generation = pageCacheGeneration();
  compress(req, res, () => {
    if (!dev) compressCachedPages(req, res, compressedPages, { pages: recentPages, generation });
    if (isPublicWrite(req)) writeAdmission.admit(res, () => handle(req, res));
    else handle(req, res);
  });
});
server.keepAliveTimeout = 65_000;

// httpServer: next dev serves hot reload over a WebSocket upgrade on this same server
const app = next({ dev, hostname: "localhost", port: config.PORT, httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();

server.listen(config.PORT, hostname, () => {
  console.log(`Vigil is serving on ${config.appUrl}${dev ? " (development: hot reload)" : ""}`);
});

let closing = false;
async function shutdown(signal) {
  if (closing) return;
  closing = true;
  console.log(`${signal}: finishing the messages in flight, then stopping`);
  server.close();
  const outcome = await stopOutboxWorker({ timeoutMs: 10_000 });
  if (outcome === "timed-out") console.warn("[outbox] still sending after 10 s: those rows are sent again when their lease runs out");
  // next dev holds file watchers and the bundler; production has nothing to release
  if (dev) await app.close().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
