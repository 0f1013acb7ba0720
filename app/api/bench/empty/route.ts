import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// The benchmark's baseline: a POST that does nothing, served by the same server (bench/). Off unless
// BENCH_ROUTES=true, so production has no such route.
export async function POST(request: Request) {
  if (!env().BENCH_ROUTES) return new Response("Not found", { status: 404 });
  await request.arrayBuffer();
  return new Response(null, { status: 204 });
}
