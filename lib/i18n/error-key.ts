// Supporter-facing validation messages travel as keys of messages/*.json "errors" (with number values), not as
// English: the schema that decides runs on the server and in the browser alike, and the page translates what it
// shows (components/forms/translate-error.ts). "nameTooLong?max=100" reads as errors.nameTooLong with {max}.
export type ErrorValues = Record<string, number>;

export function errorKey(key: string, values?: ErrorValues): string {
  if (!values) return key;
  const query = new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)]));
  return `${key}?${query.toString()}`;
}

export function parseErrorKey(message: string): { key: string; values: ErrorValues } {
  const [key = "", query = ""] = message.split("?", 2);
  const values: ErrorValues = {};
  for (const [k, v] of new URLSearchParams(query)) {
    const n = Number(v);
    if (Number.isFinite(n)) values[k] = n;
  }
  return { key, values };
}
