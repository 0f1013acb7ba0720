import Link from "next/link";
import { VigilMark } from "./vigil-mark";

export function SiteFooter() {
  return (
    <footer className="on-dark mt-16 bg-ink text-white">
      <div className="container-page grid gap-6 py-10 sm:grid-cols-[1fr_auto] sm:items-end">
        <div className="max-w-xl">
          <p className="flex items-center gap-2 font-serif text-xl font-semibold">
            <VigilMark className="h-7 w-5 text-white" />
            Vigil
          </p>
          <p className="mt-3 text-[0.9375rem] leading-relaxed text-white/85">
            When someone is detained, disappeared or threatened for who they are or what they said, letters from
            around the world tell the officials that people are watching. Every appeal here is written, confirmed
            and delivered one by one.
          </p>
        </div>
        <ul className="flex flex-wrap gap-x-5 gap-y-2 text-[0.9375rem]">
          <li>
            <Link href="/">Urgent actions</Link>
          </li>
          <li>
            <Link href="/about">About Vigil</Link>
          </li>
          <li>
            <Link href="/about#privacy">Privacy</Link>
          </li>
          <li>
            <Link href="/erase">Erase my details</Link>
          </li>
          <li>
            <Link href="/accessibility">Accessibility</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
