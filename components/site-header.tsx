import Link from "next/link";
import { VigilMark } from "./vigil-mark";

export function SiteHeader() {
  return (
    <header className="on-dark bg-ink text-white">
      <div className="container-page flex flex-wrap items-center justify-between gap-x-6 gap-y-2 py-3">
        <Link href="/" className="flex items-center gap-2 no-underline" aria-label="Vigil, urgent actions: home">
          <VigilMark className="h-9 w-7 text-white" />
          <span className="font-serif text-2xl font-semibold tracking-tight">Vigil</span>
        </Link>
        <nav aria-label="Main">
          <ul className="flex items-center gap-5 text-[0.9375rem] font-semibold">
            <li>
              <Link href="/" className="no-underline hover:underline">
                Urgent actions
              </Link>
            </li>
            <li>
              <Link href="/about" className="no-underline hover:underline">
                About
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
