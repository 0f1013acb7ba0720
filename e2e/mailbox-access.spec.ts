// The built-in mailbox behind a proxy on the same host that adds no forwarding header (a minimal nginx
// proxy_pass, stunnel, an SSH tunnel): every visitor looks like 127.0.0.1, so only the start-up code opens it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { productionServer } from "../scripts/lib/tasks.mjs";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

test("the mailbox through a header-less local proxy answers 404 without the code and opens with it", async () => {
  test.setTimeout(90_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-mailbox-"));
  const port = await freePort();
  const serverEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: `file:${path.join(dir, "vigil.db")}`, PORT: String(port), APP_URL: `http://localhost:${port}`, HOST: "127.0.0.1" };
  delete serverEnv.SMTP_URL;
  const prepared = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/prepare.ts", "--no-seed"], { env: serverEnv, encoding: "utf8" });
  expect(prepared.status, prepared.stderr).toBe(0);

  let output = "";
  const server: ChildProcess = spawn(process.execPath, productionServer.args, { env: { ...serverEnv, ...productionServer.env }, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  // forwards method, path and headers as they came: no X-Forwarded-For, Forwarded or X-Real-IP
  const proxy = http.createServer((req, res) => {
    const upstream = http.request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  try {
    await expect.poll(() => /mailbox\/open\?code=([\w-]+)/.exec(output)?.[1] ?? null, { timeout: 60_000 }).not.toBeNull();
    expect(output).toContain("NO MAIL LEAVES THIS SERVER");
    const code = /mailbox\/open\?code=([\w-]+)/.exec(output)![1]!;

    for (const p of ["/mailbox", "/mailbox/00000000-0000-0000-0000-000000000000", "/mailbox/open?code=wrong"]) {
      expect((await fetch(`${proxyUrl}${p}`, { redirect: "manual" })).status, p).toBe(404);
    }
    // a client forging the internal headers gains nothing either
    expect((await fetch(`${proxyUrl}/mailbox`, { headers: { "x-vigil-client": "127.0.0.1", "x-vigil-forwarded": "0", "x-vigil-stamp": "guess" } })).status).toBe(404);

    const opened = await fetch(`${proxyUrl}/mailbox/open?code=${code}`, { redirect: "manual" });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe("/mailbox");
    const cookie = opened.headers.get("set-cookie")!.split(";")[0]!;
    expect(cookie).toBe(`vigil-mailbox=${code}`);
    const page = await fetch(`${proxyUrl}/mailbox`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Built-in mailbox");
  } finally {
    proxy.close();
    server.kill("SIGTERM");
  }
});
