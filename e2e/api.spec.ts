import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";

test("the JSON API lists published cases and hides drafts", async ({ request, testCase: published }) => {
  const draft = await createTestCase({ state: "draft" });

  const list = await request.get("/api/v1/cases");
  expect(list.status()).toBe(200);
  expect(list.headers()["content-type"]).toContain("application/json");
  expect(list.headers()["cache-control"]).toContain("max-age");
  const { cases } = (await list.json()) as { cases: { slug: string }[] };
  const slugs = cases.map((c) => c.slug);
  expect(slugs).toContain(published.slug);
  expect(slugs).not.toContain(draft.slug);

  const one = await request.get(`/api/v1/cases/${published.slug}`);
  expect(one.status()).toBe(200);
  const body = await one.json();
  for (const key of ["slug", "reference", "title", "personName", "riskStatus", "country", "actBefore", "signatureCount", "goal", "countsByCountry", "updatedAt"]) {
    expect(body, key).toHaveProperty(key);
  }
  expect(body.slug).toBe(published.slug);
  expect(body.signatureCount).toBe(0);
  expect(body.countsByCountry).toEqual([]);

  for (const slug of [draft.slug, "no-such-case"]) {
    const missing = await request.get(`/api/v1/cases/${slug}`);
    expect(missing.status()).toBe(404);
    expect(missing.headers()["content-type"]).toContain("application/json");
    expect((await missing.json()).error.code).toBe("not_found");
  }
});

test("a draft case page is not reachable", async ({ request }) => {
  const draft = await createTestCase({ state: "draft" });
  expect((await request.get(`/cases/${draft.slug}`)).status()).toBe(404);
});

test("every response carries the security headers and no x-powered-by", async ({ request, testCase: published }) => {
  for (const path of ["/", `/cases/${published.slug}`, "/about", "/api/v1/cases", "/no-such-page"]) {
    const res = await request.get(path);
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("base-uri 'none'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toMatch(/https?:\/\//);
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("same-origin");
    expect(h["x-powered-by"], path).toBeUndefined();
  }
});

test("the built-in mailbox does not exist when an SMTP server is configured", async ({ request }) => {
  expect((await request.get("/mailbox")).status()).toBe(404);
});

test("the bench baselines do not exist outside benchmarks", async ({ request }) => {
  expect((await request.post("/api/bench/empty", { data: "" })).status()).toBe(404);
  expect((await request.get("/api/bench/action")).status()).toBe(404);
});
