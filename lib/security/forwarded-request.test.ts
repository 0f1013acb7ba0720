import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  CLIENT_HEADER,
  FORWARDED_HEADER,
  STAMP_HEADER,
  clientAddressFor,
  hasForwardingHeaders,
  isStamped,
  parseTrustedProxies,
  readClientHeaders,
  stampClientHeaders,
} from "./forwarded-request";

const NONE: string[] = [];
const LOOPBACK = parseTrustedProxies("true");

describe("clientAddressFor", () => {
  const spoofed = { "x-forwarded-for": "198.51.100.9, 203.0.113.7" };

  it("is the socket's peer without TRUST_PROXY, whatever the client writes in X-Forwarded-For", () => {
    expect(clientAddressFor({ peer: "127.0.0.1", headers: spoofed, trustedProxies: NONE })).toBe("127.0.0.1");
    expect(clientAddressFor({ peer: "203.0.113.50", headers: spoofed, trustedProxies: NONE })).toBe("203.0.113.50");
  });

  it("believes only the last hop, and only from a configured proxy", () => {
    const trusted = parseTrustedProxies("10.1.2.3, 172.16.0.0/12, fd12::/64, 192.168.0.2/32");
    const proxies = ["10.1.2.3", "::ffff:10.1.2.3", "172.16.0.1", "172.31.255.1", "::ffff:172.16.0.1", "::ffff:172.20.9.9", "fd12::1", "192.168.0.2"];
    expect(proxies.map((peer) => clientAddressFor({ peer, headers: spoofed, trustedProxies: trusted }))).toEqual(proxies.map(() => "203.0.113.7"));
  });

  it("does not trust a whole private range for one configured proxy address", () => {
    const trusted = parseTrustedProxies("10.0.0.5");
    const neighbours = ["10.0.0.6", "10.9.9.9", "::ffff:10.0.0.6", "192.168.1.1", "172.16.0.1", "fd00::1", "127.0.0.1"];
    expect(neighbours.map((peer) => clientAddressFor({ peer, headers: spoofed, trustedProxies: trusted }))).toEqual(neighbours);
  });

  it("TRUST_PROXY=true trusts this machine only, also IPv4-mapped, and not the private or link-local networks", () => {
    const local = ["127.0.0.1", "127.8.0.1", "::1", "::ffff:127.0.0.1"];
    expect(local.map((peer) => clientAddressFor({ peer, headers: spoofed, trustedProxies: LOOPBACK }))).toEqual(local.map(() => "203.0.113.7"));
    const others = ["10.1.2.3", "192.168.0.2", "172.16.0.1", "::ffff:172.16.0.1", "fd12::1", "169.254.1.1", "fe80::1", "fe80::1%eth0"];
    expect(others.map((peer) => clientAddressFor({ peer, headers: spoofed, trustedProxies: LOOPBACK }))).toEqual(others);
  });

  it("trusts a link-local proxy when its range is configured, with or without a zone", () => {
    const trusted = parseTrustedProxies("169.254.0.0/16,fe80::/10");
    const proxies = ["169.254.10.1", "::ffff:169.254.10.1", "fe80::1", "fe80::abcd:1%eth0"];
    expect(proxies.map((peer) => clientAddressFor({ peer, headers: spoofed, trustedProxies: trusted }))).toEqual(proxies.map(() => "203.0.113.7"));
  });

  it("ignores X-Forwarded-For from a peer on the internet", () => {
    const trusted = parseTrustedProxies("127.0.0.1,10.0.0.0/8,172.16.0.0/12,fc00::/7");
    const remote = ["203.0.113.50", "172.32.0.1", "2001:db8::1", "::ffff:203.0.113.50", "not-an-address", ""];
    expect(remote.map((peer) => clientAddressFor({ peer, headers: spoofed, trustedProxies: trusted }))).toEqual(remote);
  });

  it("falls back to the peer when a trusted proxy sends an empty header", () => {
    expect(clientAddressFor({ peer: "127.0.0.1", headers: { "x-forwarded-for": " , " }, trustedProxies: LOOPBACK })).toBe("127.0.0.1");
  });
});

describe("parseTrustedProxies (TRUST_PROXY)", () => {
  it("reads false, true (loopback, for compatibility) and lists of addresses and ranges", () => {
    expect(parseTrustedProxies("false")).toEqual([]);
    expect(parseTrustedProxies("0")).toEqual([]);
    expect(parseTrustedProxies("TRUE")).toEqual(["127.0.0.0/8", "::1/128"]);
    expect(parseTrustedProxies("1")).toEqual(["127.0.0.0/8", "::1/128"]);
    expect(parseTrustedProxies(" 10.0.0.5 , 172.16.0.0/12,FD00::/8, ::ffff:192.168.0.0/112,fe80::1%eth0")).toEqual([
      "10.0.0.5/32",
      "172.16.0.0/12",
      "fd00::/8",
      "192.168.0.0/16",
      "fe80::1/128",
    ]);
  });

  it.each(["yes", "10.0.0.300", "10.0.0.0/33", "fd00::/129", "10.0.0.0/8/8", "10.0.0.0/x", ",", "example.org"])("refuses %j, naming it", (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(/comma-separated list of the proxies' IP addresses or CIDR ranges/);
  });
});

describe("hasForwardingHeaders", () => {
  it("sees any of the three headers a proxy may add, and nothing else", () => {
    expect(hasForwardingHeaders({ headers: {} })).toBe(false);
    expect(hasForwardingHeaders({ headers: { "x-forwarded-for": "203.0.113.7" } })).toBe(true);
    expect(hasForwardingHeaders({ headers: { forwarded: "for=203.0.113.7" } })).toBe(true);
    expect(hasForwardingHeaders({ headers: { "x-real-ip": "203.0.113.7" } })).toBe(true);
  });
});

describe("stampClientHeaders on a real request", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function stamped({ trustProxy, headers }: { trustProxy: boolean; headers: Record<string, string> }) {
    server = http.createServer((req, res) => {
      stampClientHeaders({ request: req, trustedProxies: trustProxy ? LOOPBACK : NONE });
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ client: req.headers[CLIENT_HEADER], forwarded: req.headers[FORWARDED_HEADER] }));
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers });
    return (await response.json()) as { client: string; forwarded: string };
  }

  it("overwrites the headers a client sends to pass itself off", async () => {
    const result = await stamped({ trustProxy: false, headers: { [CLIENT_HEADER]: "198.51.100.1", [FORWARDED_HEADER]: "0", "x-forwarded-for": "198.51.100.1" } });
    expect(result).toEqual({ client: "127.0.0.1", forwarded: "1" });
  });

  it("reports a direct request as not forwarded", async () => {
    expect(await stamped({ trustProxy: true, headers: {} })).toEqual({ client: "127.0.0.1", forwarded: "0" });
  });

  it("takes the proxy's last hop when TRUST_PROXY is set and the proxy is this machine", async () => {
    expect(await stamped({ trustProxy: true, headers: { "x-forwarded-for": "198.51.100.1, 203.0.113.7" } })).toEqual({ client: "203.0.113.7", forwarded: "1" });
  });
});

describe("readClientHeaders: the app believes only what serve.mjs stamped", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  // a server like serve.mjs (stamp: true) or one started some other way (stamp: false), reading as the app does
  async function seen({ stamp, headers }: { stamp: boolean; headers: Record<string, string> }) {
    server = http.createServer((req, res) => {
      if (stamp) stampClientHeaders({ request: req, trustedProxies: NONE });
      const get = (name: string) => (req.headers[name] as string | undefined) ?? null;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(readClientHeaders({ get })));
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return (await (await fetch(`http://127.0.0.1:${port}/`, { headers })).json()) as { client: string; forwarded: boolean };
  }

  const forged = { [CLIENT_HEADER]: "127.0.0.1", [FORWARDED_HEADER]: "0" };

  it("distrusts forged x-vigil-* headers on a server started without serve.mjs", async () => {
    expect(await seen({ stamp: false, headers: forged })).toEqual({ client: "unknown", forwarded: true });
  });

  it("distrusts a guessed stamp", async () => {
    expect(await seen({ stamp: false, headers: { ...forged, [STAMP_HEADER]: "guess" } })).toEqual({ client: "unknown", forwarded: true });
  });

  it("believes the headers serve.mjs wrote over the client's", async () => {
    expect(await seen({ stamp: true, headers: { ...forged, [STAMP_HEADER]: "guess", "x-real-ip": "198.51.100.1" } })).toEqual({ client: "127.0.0.1", forwarded: true });
    expect(await seen({ stamp: true, headers: {} })).toEqual({ client: "127.0.0.1", forwarded: false });
  });

  it("compares stamps without throwing on any length", () => {
    expect(isStamped(undefined)).toBe(false);
    expect(isStamped("x".repeat(1000))).toBe(false);
  });
});
