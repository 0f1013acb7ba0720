import type { Metadata } from "next";
import { EnglishOnlyNote } from "@/components/english-only-note";
import { Link } from "@/i18n/navigation";
import { plural } from "@/components/format";
import { ProseSection as Section } from "@/components/prose-section";
import { retentionPeriods } from "@/lib/retention/periods";

// Rendered per request: the retention periods it states are the server's settings, not the build machine's.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "About Vigil and your privacy",
  description: "Who we are, how an urgent action works, and what we do with your details.",
};

const steps = [
  ["Sign", "Read about the person, add your name to the model letter and, if you like, a few words of your own. You see the exact letter each official will receive."],
  ["Confirm", "We email you a link. Nothing is sent, and nothing is counted, until you open it and press “Confirm my appeal”."],
  ["Letters go out", "Your letter is sent, one by one and in your name, to each official listed on the case. Those without an email address get it printed and posted by us."],
  ["Counted", "Your appeal joins the public count on the case page, with the country it came from. We tell you what happens next if you asked us to."],
];

/** "after 7 days", "after 1 day"; 0 means at the job's next run, every 30 seconds. */
const days = (n: number) => (n === 0 ? "within a minute" : `after ${plural(n, "day", "days")}`);

export default function AboutPage() {
  const periods = retentionPeriods();
  const linkDays = Math.ceil(periods.confirmLinkHours / 24);
  // English only so far: marked as such, so it reads left to right and is spoken as English on any locale
  return (
    <>
    <EnglishOnlyNote />
    <div className="container-page max-w-3xl py-10 sm:py-14" lang="en" dir="ltr">
      <p className="eyebrow">About</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Letters that tell officials the world is watching</h1>
      <p className="mt-5 text-lg leading-relaxed">
        Vigil is the urgent-action service of a network of human rights groups. When someone is detained without
        charge, disappeared, tortured or facing execution, we publish their case within hours and ask people
        everywhere to write to the officials who decide what happens to them.
      </p>

      <div className="mt-10 space-y-12">
        <Section id="who" title="Who we are">
          <p>
            We are researchers, campaigners and volunteers who work with the families and lawyers of people at
            risk. Every case is checked by a second person before it is published, because a wrong detail can put
            someone in more danger. We are independent of any government, political party or religion.
          </p>
          <p>
            Appeals work. Officials read their post, and hundreds of polite, individual letters from many countries
            show them that a case is known and followed. People have been released, given medical care, allowed to
            see their families and spared execution after urgent actions like these.
          </p>
        </Section>

        <Section id="how" title="How an appeal works">
          <ol className="!list-none !ps-0 space-y-5">
            {steps.map(([title, text], i) => (
              <li key={title} className="flex gap-4">
                <span aria-hidden="true" className="flex h-9 w-9 flex-none items-center justify-center rounded-full bg-ink font-sans font-bold text-white">
                  {i + 1}
                </span>
                <span>
                  <strong>{title}.</strong> {text}
                </span>
              </li>
            ))}
          </ol>
        </Section>

        <Section id="privacy" title="Your privacy">
          <p>When you sign an appeal we keep only what the appeal needs:</p>
          <ul>
            <li>your name (or just your initials, if you ask), which is signed under your letter;</li>
            <li>your email address, to confirm that the appeal is really yours;</li>
            <li>your country, which officials take note of and which we count;</li>
            <li>your personal message, if you write one, which goes into your letter;</li>
            <li>your choices: whether officials may reply to you, and whether you want news of the case.</li>
          </ul>
          <p>
            <strong>Officials never see your email address</strong> unless you tick “Let officials reply to my email
            address”. Otherwise their replies come to us.
          </p>
          <p>
            <strong>We do not keep your IP address.</strong> To stop the form being abused we keep only a keyed hash
            of it, which cannot be turned back into the address, for as long as the limit it counts against lasts.
          </p>
          <p>
            <strong>We never write your email address or your message to our logs.</strong> They are stored in one
            place, our database, and used only for the appeal you signed and the updates you asked for.
          </p>
          <p>
            We do not use advertising, tracking or third-party scripts, fonts or images on this site, and we do not
            sell, rent or share your details.
          </p>
        </Section>

        <Section id="deletion" title="What we delete, and when">
          <p>We delete what we no longer need, automatically. Each period below is this site’s setting.</p>
          <ul>
            <li>
              <strong>An appeal you never confirmed</strong> (perhaps typed by someone else with your address) is
              deleted, with your name, address and message, {days(periods.pendingDays)} once its confirmation link
              has expired (the link works for {plural(periods.confirmLinkHours, "hour", "hours")}). The email that
              carried the link is emptied at the same time, about {plural(linkDays + periods.pendingDays, "day", "days")} after it was sent.
            </li>
            <li>
              <strong>The text of your letters</strong>, and your email address where you let officials reply, is
              removed from our records {days(periods.letterDays)} once a letter was emailed, faxed, or posted (or
              could not be delivered). We keep only that a letter went, to which official, by which channel and
              when, so the counts stay exact.
            </li>
            <li>
              <strong>Copies in the built-in demo mailbox</strong> (used when this site sends no real email) are
              deleted {days(periods.mailboxDays)}.
            </li>
            <li>
              <strong>Counters against abuse</strong> (the keyed hashes above) go when their limit’s window ends;
              staff sign-in links and sessions when they expire.
            </li>
          </ul>
          <p>
            Deleted text is overwritten in our database file, not merely marked free. Backups, if the organisation
            running this site keeps them, follow their own schedule.
          </p>
          <p>
            Until you erase them, a confirmed appeal keeps your name, country and choices, and your address, so that
            you count once per case and get the updates you asked for.
          </p>
        </Section>

        <Section id="erase" title="Erasing your details">
          <p>
            <strong>You can have your details removed from every appeal you signed, at any time.</strong> Enter your
            address on the <Link href="/erase">erase page</Link>; we email you a link that works once, for a day.
            When you confirm, your name, email address and messages are removed from every case. Your confirmed
            appeals stay in the public count, with their country and date only, so the numbers others see stay
            true. Letters in your name not yet sent are cancelled; the text of those already delivered is removed
            from our records (a letter already printed for the post may still be posted). You will get no more
            emails from us.
          </p>
          <p>Every email we send you has the same link at the bottom. Our staff can also erase you if you ask them.</p>
        </Section>
      </div>

      <p className="mt-12">
        <Link href="/" className="btn btn-primary">
          See the urgent actions
        </Link>
      </p>
    </div>
    </>
  );
}
