import Link from "next/link";

export default function NotFound() {
  return (
    <div className="container-page max-w-2xl py-16">
      <p className="eyebrow">Page not found</p>
      <h1 className="mt-2 text-4xl">We could not find that page</h1>
      <p className="mt-5 text-lg leading-relaxed">
        The link may be mistyped, or the page may have moved. The people whose cases are open still need your
        voice.
      </p>
      <p className="mt-8">
        <Link href="/" className="btn btn-primary">
          See open urgent actions
        </Link>
      </p>
    </div>
  );
}
