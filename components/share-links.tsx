import { useTranslations } from "next-intl";
/** Plain links to share a page: no widgets, no scripts, nothing loaded from the networks until clicked. */
export function ShareLinks({ url, text, heading, headingLevel = 2 }: { url: string; text: string; heading?: string; headingLevel?: 2 | 3 }) {
  const tr = useTranslations("share");
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(text);
  const links = [
    { name: tr("email"), how: tr("shareBy"), href: `mailto:?subject=${t}&body=${encodeURIComponent(`${text}\n\n${url}`)}` },
    { name: "X", how: tr("shareOn"), href: `https://twitter.com/intent/tweet?text=${t}&url=${u}` },
    { name: "Facebook", how: tr("shareOn"), href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "WhatsApp", how: tr("shareOn"), href: `https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}` },
    { name: "Telegram", how: tr("shareOn"), href: `https://t.me/share/url?url=${u}&text=${t}` },
  ];
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const fieldId = `share-url-${headingLevel}`;
  return (
    <section aria-labelledby={`${fieldId}-heading`}>
      <Heading id={`${fieldId}-heading`} className={headingLevel === 2 ? "text-2xl" : "text-xl"}>
        {heading ?? tr("heading")}
      </Heading>
      <p className="mt-2 text-ink-soft">{tr("intro")}</p>
      <ul className="mt-4 flex flex-wrap gap-2">
        {links.map((l) => (
          <li key={l.name}>
            <a href={l.href} rel="noopener noreferrer" className="btn btn-secondary min-h-10 px-3.5 py-1.5 text-[0.9375rem]">
              <span className="sr-only">{l.how} </span>
              {l.name}
            </a>
          </li>
        ))}
      </ul>
      <div className="mt-4 max-w-xl">
        <label htmlFor={fieldId} className="field-label text-[0.9375rem]">
          {tr("copyLink")}
        </label>
        {/* a web address reads left to right on any page; under rtl it would otherwise show its end, cut at "http" */}
        <input id={fieldId} type="text" readOnly dir="ltr" value={url} className="input font-mono text-[0.875rem]" />
      </div>
    </section>
  );
}
