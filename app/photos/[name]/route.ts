import { readCasePhoto } from "@/lib/cases/photos";

export const dynamic = "force-dynamic";

/** Case portraits stored by the editor (lib/cases/photos.ts). A file's name is random and its content never
 * changes, so browsers and caches may keep it for a year. */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const bytes = readCasePhoto({ name });
  if (!bytes) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(bytes.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
}
