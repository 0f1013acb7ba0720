import "server-only";

/** A download refused: 404 to nobody signed in (they learn nothing), 403 to staff without the role. */
export function refuseDownload(status: 403 | 404): Response {
  return new Response(status === 404 ? "Not found\n" : "Only campaigners and admins can print letters.\n", {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** A file to save, never to cache: supporters' names are in the letters, officials' addresses in the labels. */
export function attachment(body: BodyInit, contentType: string, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
