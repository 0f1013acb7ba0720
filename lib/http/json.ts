import "server-only";

/** Public, read-only JSON: browsers and shared caches may keep it a few seconds, then revalidate. */
export function publicJson(body: unknown, { status = 200, maxAge = 5 }: { status?: number; maxAge?: number } = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": status === 200 ? `public, max-age=${maxAge}, stale-while-revalidate=30` : "public, max-age=5",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
