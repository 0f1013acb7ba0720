/** The Vigil mark: a lit candle. Decorative wherever the word "Vigil" sits beside it. */
export function VigilMark({ className, mono = false }: { className?: string; mono?: boolean }) {
  return (
    <svg className={className} viewBox="0 0 24 32" aria-hidden="true" focusable="false">
      <path d="M12 1.5c2.6 4.2 5 6.9 5 10.6a5 5 0 0 1-10 0c0-3.7 2.4-6.4 5-10.6Z" fill={mono ? "currentColor" : "#ffd100"} />
      {!mono && <path d="M12 8.5c1.1 1.8 2.1 3 2.1 4.6a2.1 2.1 0 0 1-4.2 0c0-1.6 1-2.8 2.1-4.6Z" fill="#fff4bf" />}
      <path d="M12 17v2.5" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" />
      <rect x="8.5" y="19.5" width="7" height="11" rx="1" fill="currentColor" />
    </svg>
  );
}
