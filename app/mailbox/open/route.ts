import { NextResponse, type NextRequest } from "next/server";
import { MAILBOX_COOKIE, isMailboxCode, isMailboxEnabled } from "@/lib/mailbox/access";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// The link printed at start-up: a right code becomes a cookie (so the code leaves the address bar and the
// history), a wrong one answers as if there were no mailbox at all.
export function GET(request: NextRequest) {
  const code = request.nextUrl.searchParams.get("code");
  if (!isMailboxEnabled() || !isMailboxCode(code)) {
    return new NextResponse("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  }
  // relative: the browser stays on whichever host (or proxy) it came through
  const response = new NextResponse(null, { status: 303, headers: { location: "/mailbox", "cache-control": "no-store", "referrer-policy": "no-referrer" } });
  response.cookies.set(MAILBOX_COOKIE, code!, {
    httpOnly: true,
    sameSite: "lax",
    path: "/mailbox",
    secure: env().appUrl.startsWith("https:"),
  });
  return response;
}
