import { env } from "@/lib/env";
import { unsubscribeFollower } from "@/lib/updates/unsubscribe-follower";

export const dynamic = "force-dynamic";

const text = (body: string, status: number) =>
  new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

type Params = { params: Promise<{ id: string; token: string }> };

/**
 * RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` here, with no cookies and no
 * page. The token in the URL is the only credential (an HMAC of the signature id, compared in constant time),
 * so there is no session to require. Idempotent: a second POST answers 200 and changes nothing.
 */
export async function POST(_request: Request, { params }: Params): Promise<Response> {
  const { id, token } = await params;
  const result = unsubscribeFollower({ signatureId: id, token });
  if (result.state === "invalid") return text("This unsubscribe link is not valid.", 404);
  return text("Unsubscribed. You will get no more emails about this case.", 200);
}

/** A client that opens the header's URL in a browser gets the page with the button: a GET never unsubscribes
 * (mail scanners fetch every link). */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { id, token } = await params;
  return Response.redirect(`${env().appUrl}/unsubscribe/${encodeURIComponent(id)}/${encodeURIComponent(token)}`, 303);
}
