import { notFound, redirect } from "next/navigation";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// The benchmark's second baseline (bench/run.mjs): a page whose form posts to a server action that does nothing
// but answer with the same 303 the sign form gives, so the sign ratio separates Next's action overhead from
// Vigil's own work. Off unless BENCH_ROUTES=true, so production has no such page.
async function emptyAction(): Promise<void> {
  "use server";
  if (!env().BENCH_ROUTES) notFound();
  redirect("/api/bench/action?done=1");
}

export default function BenchActionPage() {
  if (!env().BENCH_ROUTES) notFound();
  return (
    <main id="main">
      <h1>Benchmark baseline</h1>
      <form action={emptyAction}>
        <input type="text" name="fullName" aria-label="Name" />
        <button type="submit">Send</button>
      </form>
    </main>
  );
}
