"use client";

import { useClientTranslations } from "./client-intl";
import { useState, useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

/** Copies a text to the clipboard. Rendered only once JavaScript runs: without it the text beside it is
 * selectable, and a button that does nothing would only mislead. */
export function CopyTextButton({ text, label, copiedLabel }: { text: string; label: string; copiedLabel?: string }) {
  const t = useClientTranslations("copyButton");
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  if (!hydrated) return null;
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      // no clipboard permission (an insecure origin, a locked-down browser): the text stays there to select
      setState("failed");
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={copy} className="btn btn-secondary min-h-10 px-3.5 py-1.5 text-[0.9375rem]">
        {label}
      </button>
      <output className="text-[0.9375rem] text-ink-soft">
        {state === "copied" ? (copiedLabel ?? t("copied")) : state === "failed" ? t("failed") : ""}
      </output>
    </span>
  );
}
