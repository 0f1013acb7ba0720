import type { ReactNode } from "react";

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g;

/** Plain-text mail with its http(s) links made clickable, built as React elements: never parsed as HTML. */
export function MailText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = match[0];
    // a sentence's full stop or a closing bracket is not part of the link
    const trailing = /[.,;:!?)\]]+$/.exec(url);
    if (trailing) url = url.slice(0, -trailing[0].length);
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={url} rel="noopener noreferrer" className="break-all font-semibold">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <div className="whitespace-pre-wrap break-words font-mono text-[0.9375rem] leading-relaxed" dir="auto">
      {parts}
    </div>
  );
}
