"use client";

import { useEffect, useState } from "react";

/** `value` once it has stopped changing for `ms`: what a live region shows, so a screen reader hears the result of
 * a pause in typing, not every keystroke. */
export function useSettledValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
