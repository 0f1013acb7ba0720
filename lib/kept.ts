// Values that cost more to make than to use and never change once made (Intl formatters, a language's
// translator): made once per key, on first use, and kept for the life of the process. Pure: no framework, no I/O,
// so emails, workers and components use it alike.

/** `make(key)` the first time a key is asked for; the same value every later time (a null or undefined too). */
export function keptPerKey<K, V>(make: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    if (!kept.has(key)) kept.set(key, make(key));
    return kept.get(key) as V;
  };
}
