"use client";

import { useState } from "react";

/**
 * Runs `onAnswer` once for each new answer from the server (each new state from useActionState), during
 * render, so what it sets shows in the same paint. Controlled fields put back `state.values` here.
 */
export function useServerAnswer<S>(state: S, onAnswer: (state: S) => void): void {
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    onAnswer(state);
  }
}

/**
 * A key that changes with each answer. Uncontrolled fields (they work without JavaScript) take `defaultValue`
 * from `state.values` and this key: React 19 resets a form after its action, and the new key makes React put
 * back what the server returned instead of the empty defaults.
 */
export function useAnswerKey(state: unknown): string {
  const [answers, setAnswers] = useState(0);
  useServerAnswer(state, () => setAnswers((n) => n + 1));
  return String(answers);
}
