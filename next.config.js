// @ts-check
import { createRequire } from "node:module";
import createNextIntlPlugin from "next-intl/plugin";

const require = createRequire(import.meta.url);

// No third-party origin anywhere: every script, style, font and image ships with the app.
// 'unsafe-inline' for scripts is the price of statically cached pages: Next's inline bootstrap scripts would
// otherwise need a per-request nonce, which forces a dynamic render per view (docs/decisions/002-...).
// `npm run dev` only: React's development build uses eval() to rebuild server call stacks; production never does.
const devEval = process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${devEval}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // same-origin, not no-referrer: under no-referrer a browser without JavaScript posts forms with "Origin: null"
  // and Next refuses the server action. same-origin still tells no other site (nor a confirmation token).
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // scripts/serve.mjs compresses (brotli as well as gzip); Next would gzip a second time
  compress: false,
  reactStrictMode: true,
  // Pages cached in memory only: a restarted server must not serve pages rendered from another database
  // (docs/decisions/001-cached-case-pages.md).
  cacheHandler: require.resolve("./lib/cache/memory-cache-handler.cjs"),
  cacheMaxMemorySize: 0,
  // pdfkit reads its own font metrics (AFM files) from its folder at run time, so it must stay in node_modules
  serverExternalPackages: ["better-sqlite3", "sharp", "pdfkit"],
  images: { unoptimized: true },
  // Server actions keep Next's 1 MB body limit (the public sign form is one): case photos of up to 5 MB go
  // through their own route for signed-in staff, app/admin/photos/route.ts, which limits while it reads.
  // `npm test` runs tsc on the whole tree (tests and scripts too); building need not do it twice.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// Points next-intl at i18n/request.ts, which loads the messages for each request's locale. The catalogues are
// precompiled at build time, so the browser gets compact messages and a formatter without the ICU parser
// (docs/decisions/025-light-first-load.md); outside the build (tests, scripts) they are read as written.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

export default withNextIntl(nextConfig);
