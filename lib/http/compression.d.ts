// The compression package ships no types; scripts/serve.mjs and the test of the cached-page cache use it as
// Express-style middleware on a plain http server.
declare module "compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
  export default function compression(options?: Record<string, unknown>): Middleware;
}
