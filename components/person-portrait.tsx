import { useTranslations } from "next-intl";
/* eslint-disable @next/next/no-img-element -- photos are local files served as they are (images.unoptimized) */
import { VigilMark } from "./vigil-mark";

/** "Li Qiaochu" → "LQ": the first letter of the first and last names, in any script. */
function initials(name: string): string {
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const parts = name.trim().split(/\s+/u).filter(Boolean);
  const picked = parts.length > 1 ? [parts[0]!, parts.at(-1)!] : parts;
  return picked
    .map((p) => segmenter.segment(p)[Symbol.iterator]().next().value?.segment ?? "")
    .join("")
    .toLocaleUpperCase();
}

/**
 * The person's photograph, or, when none is published (often for their safety), a quiet placeholder with their
 * initials. Fills its container: the caller sets the size and aspect ratio.
 */
export function PersonPortrait({
  name,
  photoPath,
  photoAlt,
  className = "",
  size = "card",
}: {
  name: string;
  photoPath: string | null;
  photoAlt: string | null;
  className?: string;
  size?: "card" | "hero" | "small";
}) {
  const t = useTranslations("portrait");
  // Only files this server serves: a remote URL would break the no-third-party rule and the CSP.
  if (photoPath && photoPath.startsWith("/") && !photoPath.startsWith("//")) {
    return (
      <img
        src={photoPath}
        alt={photoAlt || t("alt", { name })}
        className={`h-full w-full bg-paper-deep object-cover ${className}`}
        loading={size === "hero" ? "eager" : "lazy"}
        decoding="async"
      />
    );
  }
  const text = size === "small" ? "text-2xl" : size === "hero" ? "text-5xl sm:text-6xl" : "text-5xl";
  return (
    <div className={`relative flex h-full w-full items-center justify-center overflow-hidden bg-paper-deep ${className}`}>
      <span className="sr-only">{t("noPhoto", { name })}</span>
      <VigilMark mono className="absolute -bottom-[10%] -end-[4%] h-[62%] text-ink opacity-[0.06]" />
      <span aria-hidden="true" className={`font-serif font-semibold tracking-wide text-ink-soft ${text}`}>
        {initials(name)}
      </span>
    </div>
  );
}
