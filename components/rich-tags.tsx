import type { ReactNode } from "react";

// Tags for next-intl's t.rich ("<bdi>{name}</bdi>"), defined once at module scope: a name in another script
// keeps its own direction inside a translated sentence (bdi), and nothing is re-created on each render.
export const bdi = (chunks: ReactNode) => <bdi>{chunks}</bdi>;
export const bdiAuto = (chunks: ReactNode) => <bdi dir="auto">{chunks}</bdi>;
export const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
export const strongAuto = (chunks: ReactNode) => <strong dir="auto">{chunks}</strong>;
export const strongNowrap = (chunks: ReactNode) => <strong className="whitespace-nowrap">{chunks}</strong>;
/** an email address: always left to right, in a monospace face, wrapping anywhere */
export const address = (chunks: ReactNode) => (
  <span className="font-mono font-semibold [overflow-wrap:anywhere]" dir="ltr">
    {chunks}
  </span>
);
