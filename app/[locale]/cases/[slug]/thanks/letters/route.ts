import { renderOwnLettersPdf } from "@/lib/own-channels/render-own-letters-pdf";

// Rendered per request for the holder of the thank-you token only; it holds the supporter's letter, so no cache
// (the browser's, a proxy's or Next's) may keep it.
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

/** GET /cases/<slug>/thanks/letters?s=<signature>&k=<token>[&t=<official>]: the supporter's letters as a PDF. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const query = new URL(request.url).searchParams;
  const result = await renderOwnLettersPdf({
    caseSlug: slug,
    signatureId: query.get("s") ?? "",
    token: query.get("k") ?? "",
    targetId: query.get("t") ?? undefined,
  });
  // the same answer for a wrong token, another case and an unknown official: nothing to learn from it
  if (!result) return new Response("Not found", { status: 404, headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" } });
  if (result.failures.length > 0) {
    // a count only: a reason names the character that no font could draw, a piece of the supporter's letter (the
    // PDF itself tells the supporter which letter is missing)
    console.error(`[own letters PDF] ${result.failures.length} letter(s) could not be rendered`);
  }
  return new Response(new Uint8Array(result.pdf), {
    headers: {
      ...NO_STORE,
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="letters-${slug}.pdf"`,
    },
  });
}
