import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { getDb, writeTransaction } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { env } from "../env";
import { getClientAddress } from "../security/client-address";
import { appSecret } from "../security/secret";
import { SIGN_IN_LINK_MINUTES, sendSignInLink } from "./send-sign-in-link";
import { authLogger } from "./logger";
import { askingBrowser } from "./sign-in-browser";
import { authorizeSignIn } from "./sign-in-policy";

export const SIGN_IN_PROVIDER = "email";

export const AUTH_PAGES = {
  signIn: "/admin/sign-in",
  verifyRequest: "/admin/sign-in/check-email",
  error: "/admin/sign-in/error",
} as const;

// Not Auth.js's Nodemailer provider: that one merges an empty SMTP login into the server options (EAUTH against
// servers that offer AUTH) and sends directly. Ours queues through the outbox, so the link reaches the built-in
// mailbox or SMTP like every other message.
const emailProvider: EmailConfig = {
  id: SIGN_IN_PROVIDER,
  type: "email",
  name: "Email",
  maxAge: SIGN_IN_LINK_MINUTES * 60,
  async sendVerificationRequest({ identifier, url, token, expires }) {
    await sendSignInLink({ identifier, url, token, expires, clientAddress: await getClientAddress(), browser: await askingBrowser() });
  },
};

function config(): NextAuthConfig {
  const settings = env();
  // Auth.js builds the sign-in link from AUTH_URL when set, and otherwise from the request's Host header, which
  // the client chooses: a forged Host would mail a valid token pointing at someone else's site. Pin it.
  process.env.AUTH_URL = `${new URL(settings.AUTH_URL ?? settings.appUrl).origin}/api/auth`;
  const adapter = DrizzleAdapter(getDb(), { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
  const maxAge = settings.SESSION_MAX_AGE_HOURS * 3600;
  return {
    adapter: {
      ...adapter,
      // Accounts are made only by an invitation or ADMIN_EMAILS (lib/auth/sign-in-policy.ts), never by signing in.
      createUser: () => Promise.reject(new Error("Sign-in may not create accounts")),
      // sendSignInLink writes the token with its mail, and none for an address that may not sign in: a row per
      // request for any address would fill the table from the public form
      createVerificationToken: (token) => token,
    },
    providers: [emailProvider],
    secret: appSecret(),
    trustHost: true,
    basePath: "/api/auth",
    pages: AUTH_PAGES,
    // Database sessions, so ending one is deleting a row. Not extended while used: a fixed, short lifetime.
    session: { strategy: "database", maxAge, updateAge: maxAge },
    callbacks: {
      signIn({ user, email }) {
        // Asking for a link: always "yes", so every address sees the same page; sendSignInLink decides whether
        // any mail goes. Following a link: the real decision, made again in case the account changed since.
        if (email?.verificationRequest) return true;
        return typeof user.email === "string" && authorizeSignIn({ email: user.email });
      },
      session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
    logger: authLogger,
    events: {
      signIn({ user }) {
        if (!user.id) return;
        const id = user.id;
        writeTransaction((tx) => recordAudit(tx, { actorUserId: id, action: "auth.sign_in", subjectType: "user", subjectId: id }));
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
