// The five catalogues (messages/*.json) must say the same things: no key missing or left over in any language,
// no key nobody uses, the same ICU placeholders everywhere (a French message that lost {name} would show a
// sentence without the person it is about), and plural forms a language really has (Arabic needs all six).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, LOCALES } from "./locales";
import { MESSAGES } from "./messages";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of leaves(value, full)) out.set(k, v);
  }
  return out;
}

/** Every placeholder of a message as "name:kind" (kinds: text, number, date, select, tag), and every plural's
 * categories. A plural is a number: French may need one for agreement ("# envoyées") where English has none. */
function shape(elements: MessageFormatElement[], into = { args: new Set<string>(), plurals: [] as { name: string; options: string[] }[] }) {
  for (const el of elements) {
    if (el.type === TYPE.argument) into.args.add(`${el.value}:text`);
    else if (el.type === TYPE.number) into.args.add(`${el.value}:number`);
    else if (el.type === TYPE.date || el.type === TYPE.time) into.args.add(`${el.value}:date`);
    else if (el.type === TYPE.plural) {
      into.args.add(`${el.value}:number`);
      into.plurals.push({ name: el.value, options: Object.keys(el.options) });
      for (const option of Object.values(el.options)) shape(option.value, into);
    } else if (el.type === TYPE.select) {
      into.args.add(`${el.value}:select`);
      for (const option of Object.values(el.options)) shape(option.value, into);
    } else if (el.type === TYPE.tag) {
      into.args.add(`${el.value}:tag`);
      shape(el.children, into);
    }
  }
  return into;
}

const catalogues = Object.fromEntries(LOCALES.map((l) => [l, leaves(MESSAGES[l] as unknown as Tree)]));
const english = catalogues[DEFAULT_LOCALE]!;

describe("message catalogues", () => {
  it.each(LOCALES.filter((l) => l !== DEFAULT_LOCALE))("%s has exactly the English keys", (locale) => {
    const keys = [...catalogues[locale]!.keys()];
    expect(keys.filter((k) => !english.has(k)), "keys English does not have").toEqual([]);
    expect([...english.keys()].filter((k) => !catalogues[locale]!.has(k)), "keys missing").toEqual([]);
  });

  it.each(LOCALES)("every %s message parses, with no empty text", (locale) => {
    for (const [key, message] of catalogues[locale]!) {
      expect(message.trim(), `${locale} ${key}`).not.toBe("");
      expect(() => parse(message), `${locale} ${key}`).not.toThrow();
    }
  });

  it.each(LOCALES.filter((l) => l !== DEFAULT_LOCALE))("%s has the same placeholders as English in every message", (locale) => {
    for (const [key, message] of english) {
      const theirs = catalogues[locale]!.get(key);
      if (theirs === undefined) continue; // reported by the key test
      const want = [...shape(parse(message)).args].toSorted();
      const got = [...shape(parse(theirs)).args].toSorted();
      expect(got, `${locale} ${key}`).toEqual(want);
    }
  });

  it.each(LOCALES)("%s plurals use only its own categories, always with other", (locale) => {
    const categories = new Set<string>(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
    for (const [key, message] of catalogues[locale]!) {
      for (const plural of shape(parse(message)).plurals) {
        const named = plural.options.filter((o) => !o.startsWith("="));
        expect(named.filter((o) => !categories.has(o)), `${locale} ${key} {${plural.name}}`).toEqual([]);
        expect(named, `${locale} ${key} {${plural.name}}`).toContain("other");
      }
    }
  });
});

it("gives every Arabic plural all six forms (zero, one, two, few, many, other)", () => {
  const six = ["few", "many", "one", "other", "two", "zero"];
  for (const [key, message] of catalogues.ar!) {
    for (const plural of shape(parse(message)).plurals) {
      expect(plural.options.filter((o) => !o.startsWith("=")).toSorted(), `ar ${key} {${plural.name}}`).toEqual(six);
    }
  }
});

// ---- unused keys: every key must be named somewhere in the code that renders it

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib", "emails"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const sources = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d))).map((file) => readFileSync(file, "utf8"));
const literals = (text: string) => new Set([...text.matchAll(/["'`]([A-Za-z0-9_.]+)["'`]/g)].map((m) => m[1]!));
// `kind.${u.kind}`: a key chosen at run time from a family, named by its prefix
const prefixes = (text: string) => [...text.matchAll(/`([A-Za-z0-9_.]+\.)\$\{/g)].map((m) => m[1]!);
const perFile = sources.map((text) => ({ literals: literals(text), prefixes: prefixes(text) }));

// Keys read as data rather than through t("..."): the public labels of a case's situation,
// messagesFor(locale).risk[status] (app/_lib/case-views.ts, the case page, lib/updates/post-update.ts).
const READ_AS_DATA = ["risk."];

function isUsed(key: string): boolean {
  if (READ_AS_DATA.some((p) => key.startsWith(p))) return true;
  const [namespace, ...rest] = key.split(".");
  const relative = rest.join(".");
  return perFile.some((f) => {
    if (f.literals.has(key)) return true; // emails name the full path
    const inNamespace = f.literals.has(namespace!);
    // a nested relative key ("name.tooLong") is specific enough anywhere; a bare one ("title") only where its
    // namespace is opened
    if (f.literals.has(relative) && (rest.length > 1 || inNamespace)) return true;
    return f.prefixes.some((p) => (`${namespace}.${relative}`.startsWith(p) || relative.startsWith(p)) && (inNamespace || p.includes(".")));
  });
}

describe("message keys in use", () => {
  it("every key is used by the code", () => {
    expect([...english.keys()].filter((key) => !isUsed(key))).toEqual([]);
  });

  it("would notice an unused key", () => {
    expect(isUsed("home.aKeyNobodyWrites")).toBe(false);
    expect(isUsed("home.title")).toBe(true);
  });
});
