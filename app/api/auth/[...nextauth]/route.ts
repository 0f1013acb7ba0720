// Auth.js's endpoints: the sign-in link lands on /api/auth/callback/email, sign-out posts to /api/auth/signout.
import { handlers } from "@/lib/auth/config";

export const dynamic = "force-dynamic";
export const { GET, POST } = handlers;
