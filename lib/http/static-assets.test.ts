import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressStatic } from "../../scripts/lib/compress-static.mjs";
import { preferredEncoding, sendCompressedStatic } from "./static-assets";

describe("choosing the encoding", () => {
  it("prefers brotli, honours q=0 and the wildcard, and takes a malformed header as no preference", () => {
    expect(preferredEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(preferredEncoding("gzip, deflate")).toBe("gzip");
    expect(preferredEncoding("br;q=0, gzip")).toBe("gzip");
    expect(preferredEncoding("gzip;q=0.5, br;q=0.2")).toBe("gzip");
    expect(preferredEncoding("*")).toBe("br");
    expect(preferredEncoding("identity")).toBeNull();
    expect(preferredEncoding(undefined)).toBeNull();
    expect(preferredEncoding(";;,,=q")).toBeNull();
  });
});

describe("sending the built copies", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-static-"));
  const staticDir = path.join(dir, "static");
  const script = `console.log(${JSON.stringify("Gao Zhisheng 高智晟 ".repeat(200))});`;
  let server: http.Server;
  let base = "";

  beforeAll(async () => {
    fs.mkdirSync(path.join(staticDir, "chunks"), { recursive: true });
    fs.writeFileSync(path.join(staticDir, "chunks", "app.js"), script);
    fs.writeFileSync(path.join(staticDir, "chunks", "plain.js"), script); // gets no copies: written after
    fs.writeFileSync(path.join(dir, "secret.js"), "outside the folder");
    fs.writeFileSync(path.join(dir, "secret.js.br"), "outside the folder");
    if (compressStatic(staticDir).files !== 2) throw new Error("compressStatic did not write both copies");
    fs.rmSync(path.join(staticDir, "chunks", "plain.js.br"));
    fs.rmSync(path.join(staticDir, "chunks", "plain.js.gz"));
    server = http.createServer((request, response) => {
      if (!sendCompressedStatic({ request, response, staticDir })) response.writeHead(418).end("left to Next");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (urlPath: string, acceptEncoding?: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(base + urlPath, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });

  it("sends the brotli copy, which decodes to the file, with a long cache", async () => {
    const res = await get("/_next/static/chunks/app.js", "gzip, br");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(script);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 10);
  });

  it("sends gzip to a client without brotli", async () => {
    const res = await get("/_next/static/chunks/app.js", "gzip");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(res.body).toString()).toBe(script);
  });

  it("leaves to Next what has no copy, what wants no encoding, and any path out of the folder", async () => {
    expect((await get("/_next/static/chunks/plain.js", "br")).status).toBe(418);
    expect((await get("/_next/static/chunks/app.js")).status).toBe(418);
    expect((await get("/_next/static/chunks/missing.js", "br")).status).toBe(418);
    expect((await get("/_next/static/..%2Fsecret.js", "br")).status).toBe(418);
    expect((await get("/_next/static/%E0%A4%A.js", "br")).status).toBe(418);
    expect((await get("/about", "br")).status).toBe(418);
  });
});
