// HSTS as scripts/serve.mjs sends it: through setTransportHeaders on a real http server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { setTransportHeaders, strictTransportSecurity } from "./transport-security";

describe("Strict-Transport-Security", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function headerFor(appUrl: string): Promise<string | null> {
    server = http.createServer((req, res) => {
      setTransportHeaders({ response: res, appUrl });
      // the app's own headers come after, as Next's do, and must not drop it
      res.setHeader("content-type", "text/plain");
      res.end("ok");
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return (await fetch(`http://127.0.0.1:${port}/`)).headers.get("strict-transport-security");
  }

  it("is sent for an https APP_URL: a year, subdomains included", async () => {
    expect(await headerFor("https://appeals.example.org")).toBe("max-age=31536000; includeSubDomains");
  });

  it("is not sent for an http APP_URL (a laptop, the tests)", async () => {
    expect(await headerFor("http://localhost:3000")).toBeNull();
    expect(strictTransportSecurity({ appUrl: "http://appeals.example.org" })).toBeNull();
  });
});
