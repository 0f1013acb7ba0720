import type { Metadata } from "next";
import { setPageLocale } from "@/i18n/page-locale";
import type { Locale } from "@/lib/i18n/locales";
import { EnglishOnlyNote } from "@/components/english-only-note";
import { Link } from "@/i18n/navigation";
import { ProseSection as Section } from "@/components/prose-section";
import { env } from "@/lib/env";

// Rendered per request: the contact address it gives is the server's setting, not the build machine's.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Accessibility",
  description: "How Vigil is tested for accessibility, what is known not to work yet, and how to tell us about a problem.",
};

// Only what was actually done may be claimed here: each check below names the test that does it (issue 10).
export default async function AccessibilityPage({ params }: { params: Promise<{ locale: Locale }> }) {
  setPageLocale((await params).locale);
  const { REPLY_TO: contact, orgName } = env();
  // English only so far: marked as such, so it reads left to right and is spoken as English on any locale
  return (
    <>
    <EnglishOnlyNote />
    <div className="container-page max-w-3xl py-10 sm:py-14" lang="en" dir="ltr">
      <p className="eyebrow">Accessibility</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Anyone should be able to send an appeal</h1>
      <p className="mt-5 text-lg leading-relaxed">
        We aim for the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA on every page of Vigil: the
        case pages and the sign form, the confirmation and thank-you pages, and the campaigners’ workspace. This
        page says what we check, how, and what we know is not right yet.
      </p>

      <div className="mt-10 space-y-12">
        <Section id="tested" title="What we test, and how">
          <ul>
            <li>
              <strong>Automated checks on every page.</strong> Vigil’s end-to-end tests run axe-core 4.13 in a
              real browser on every public page (the list of cases, an open and a closed case, the sign form with its
              errors and its preview, the confirmation, thank-you, erasure and unsubscribe pages, this page and the
              “page not found” page) and on every page of the campaigners’ workspace, with all of its WCAG 2.0, 2.1
              and 2.2 level A and AA rules. A single violation fails the tests.
            </li>
            <li>
              <strong>Keyboard.</strong> An automated test moves through the sign form with the Tab key alone and
              checks that every link, field and button it reaches shows a visible focus ring. Every control is a
              standard link, button or form field, and the sign form works without JavaScript.
            </li>
            <li>
              <strong>The letter preview.</strong> While you type, the preview of your letter is updated once you
              pause, and a screen reader announces the change politely, without interrupting you at every key.
            </li>
            <li>
              <strong>Right-to-left layout.</strong> The layout uses only direction-neutral spacing and alignment,
              checked by a test, so it mirrors for right-to-left languages; we have looked at it mirrored on a phone
              and on a desktop screen.
            </li>
            <li>
              <strong>Colour contrast</strong> is part of the automated checks, on the pages as they are shown.
              The pages we change are also looked at on a 360-pixel-wide phone screen and a desktop screen.
            </li>
          </ul>
        </Section>

        <Section id="not-yet" title="What is known not to work yet">
          <ul>
            <li>
              <strong>We have not yet tested Vigil with a screen reader</strong> (NVDA, JAWS, VoiceOver or
              TalkBack) or with people who use one. The automated checks find many problems, not all.
            </li>
            <li>
              <strong>Only English.</strong> The interface and the emails are in English; French, Spanish, Arabic
              and Chinese are coming. A case’s story is shown in the language it was written in.
            </li>
            <li>
              <strong>The chart of signatures per day</strong>, in the campaigners’ workspace, is hidden from
              screen readers and keyboards; the table beside it gives the same numbers.
            </li>
            <li>
              <strong>Printed letters</strong> (PDF files for posting) are not tagged for assistive technology.
            </li>
          </ul>
        </Section>

        <Section id="report" title="Tell us about a problem">
          {contact ? (
            <p>
              If something on Vigil does not work for you, or you need a case in another format, write to{" "}
              <a href={`mailto:${contact}?subject=${encodeURIComponent("Accessibility problem")}`}>{contact}</a>. Say which page
              and what happened.
            </p>
          ) : (
            <p>
              If something on Vigil does not work for you, or you need a case in another format, reply to any email
              you received from {orgName} through this site (the confirmation of your appeal, for example) and say
              which page and what happened. This site has no separate contact address set up yet.
            </p>
          )}
          <p>
            Your appeal does not depend on it: if the sign form fails you, the case page lists the officials and their
            addresses, and <Link href="/about">About Vigil</Link> explains how an urgent action works.
          </p>
        </Section>
      </div>
    </div>
    </>
  );
}
