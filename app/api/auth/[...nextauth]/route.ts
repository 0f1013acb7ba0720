// Auth.js's endpoints: the sign-in link lands on /api/auth/callback/email, sign-out posts to /api/auth/signout.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { refuseLinkFromOtherBrowser } from "@/lib/auth/refuse-other-browser";

export const dynamic = "force-dynamic";

// The continue page refuses a link opened in another browser; the callback must too, or a page elsewhere could
// send a victim's browser straight to it with the attacker's own link (login CSRF).
export async function GET(request: NextRequest) {
  return refuseLinkFromOtherBrowser(request) ?? handlers.GET(request);
}

export async function POST(request: NextRequest) {
  return refuseLinkFromOtherBrowser(request) ?? handlers.POST(request);
}
