import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startHttpServer } from "@/tests/support/http-server";
import { isPublicWrite, WriteAdmission } from "./write-admission";

// A server as scripts/serve.mjs wires it: public form POSTs through the admission, everything else straight on.
// The app holds each POST until the test lets it go, so what is inside at any moment can be seen.
const admission = new WriteAdmission(2);
const held: { url: string; release: () => void }[] = [];
let maxInside = 0;

function app(request: http.IncomingMessage, response: http.ServerResponse) {
  if (request.method !== "POST") {
    response.end("a page");
    return;
  }
  maxInside = Math.max(maxInside, admission.counts.inside);
  held.push({ url: request.url ?? "", release: () => response.end("done") });
}

let base = "";
let close: () => Promise<void>;
beforeAll(async () => {
  ({ base, close } = await startHttpServer((request, response) => {
    if (isPublicWrite(request)) admission.admit(response, () => app(request, response));
    else app(request, response);
  }));
});
afterAll(() => close());

const until = (condition: () => boolean) => vi.waitFor(() => expect(condition()).toBe(true), { interval: 5 });
const request = (method: string, url: string) => ({ method, url }) as http.IncomingMessage;
const post = (path: string, signal?: AbortSignal) => fetch(`${base}${path}`, { method: "POST", body: "fullName=x", signal });

describe("public form POSTs, a few at a time", () => {
  it("lets two in, keeps the others waiting in order, and lets the next in as each is answered; pages never wait", async () => {
    const answers = ["/en/cases/a", "/ar/cases/b", "/fr/cases/c", "/es/cases/d"].map((path) => post(path));
    await until(() => held.length === 2 && admission.counts.waiting === 2);
    // a reader is answered while the writes wait
    expect(await (await fetch(`${base}/en/cases/a`)).text()).toBe("a page");
    expect(held.map((h) => h.url)).toEqual(["/en/cases/a", "/ar/cases/b"]);

    held.shift()!.release();
    await until(() => held.length === 2);
    expect(held.map((h) => h.url)).toEqual(["/ar/cases/b", "/fr/cases/c"]);
    while (held.length > 0 || admission.counts.waiting > 0) {
      await until(() => held.length > 0);
      held.shift()!.release();
    }
    expect(await Promise.all(answers.map(async (a) => (await a).text()))).toEqual(["done", "done", "done", "done"]);
    expect(maxInside).toBe(2);
    expect(admission.counts).toEqual({ inside: 0, waiting: 0 });
  });

  it("forgets a client that went away while waiting, and one that went away inside", async () => {
    const first = post("/en/cases/a");
    const gone = new AbortController();
    const leaving = post("/en/cases/b", gone.signal).catch(() => "aborted");
    await until(() => held.length === 2);
    const waitingThenGone = new AbortController();
    const abandoned = post("/en/cases/c", waitingThenGone.signal).catch(() => "aborted");
    const last = post("/en/cases/d");
    await until(() => admission.counts.waiting === 2);

    waitingThenGone.abort();
    expect(await abandoned).toBe("aborted");
    await until(() => admission.counts.waiting === 1); // the server saw it go
    gone.abort(); // inside: its place frees when its response closes
    expect(await leaving).toBe("aborted");
    // the abandoned one never reaches the app; the last one does
    await until(() => held.some((h) => h.url === "/en/cases/d"));
    expect(held.map((h) => h.url)).not.toContain("/en/cases/c");
    for (const h of held.splice(0)) h.release();
    expect(await (await first).text()).toBe("done");
    expect(await (await last).text()).toBe("done");
    await until(() => admission.counts.inside === 0 && admission.counts.waiting === 0);
  });

  it("limits only public form POSTs, under a language", () => {
    expect(isPublicWrite(request("POST", "/en/cases/li-qiaochu"))).toBe(true);
    expect(isPublicWrite(request("POST", "/zh-Hans/confirm/abc"))).toBe(true);
    expect(isPublicWrite(request("GET", "/en/cases/li-qiaochu"))).toBe(false);
    expect(isPublicWrite(request("POST", "/admin/cases/1"))).toBe(false);
    expect(isPublicWrite(request("POST", "/api/bench/empty"))).toBe(false);
    expect(isPublicWrite(request("POST", "/english"))).toBe(false);
  });
});
