/**
 * Generators of hostile input for the property-based tests (imported only by
 * *.test.ts): real documents with one value broken, texts with random edits,
 * and strings that have broken parsers, paths and queries elsewhere. Also the
 * check that an error key reads in both languages without falling back.
 */
import fc from 'fast-check';
import { resources, type Locale } from '../i18n';

/** Strings that have broken parsers, file paths and SQL elsewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '../../../../etc/passwd',
  '..\\..\\Windows\\win.ini',
  "' OR 1=1 --",
  'x"); DROP TABLE drafts; --',
  '%00%2e%2e%2f',
  '\u202e\u202d',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 服务等级协议',
  '\ud800',
  '__proto__',
  'constructor',
  '{{ref:definitions}}',
  '=HYPERLINK("https://evil.example")',
  'file:///etc/passwd',
  'javascript:alert(1)',
];

/** The text of a key in one language, without i18next's fallback to English. */
export function translationOf(locale: Locale, key: string): string | undefined {
  let node: unknown = resources[locale].translation;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Whether a key has a text in every language the app ships. */
export function isTranslated(key: string): boolean {
  return translationOf('en', key) !== undefined && translationOf('zh-CN', key) !== undefined;
}

type JsonPath = (string | number)[];

function pathsOf(node: unknown, at: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  if (at.length > 0) out.push(at);
  if (Array.isArray(node)) node.forEach((item, index) => pathsOf(item, [...at, index], out));
  else if (typeof node === 'object' && node !== null) for (const [key, value] of Object.entries(node)) pathsOf(value, [...at, key], out);
  return out;
}

/** What replaces a value: anything JSON holds, and the values that sit on or just past a limit. */
const REPLACEMENTS: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    null,
    '',
    -1,
    0,
    1e308,
    -0.5,
    'x'.repeat(201),
    'x'.repeat(5_001),
    Array.from({ length: 101 }, (_, index) => index),
    {},
    [],
  ),
  fc.constantFrom(...HOSTILE_STRINGS),
);

/**
 * A copy of a real document (a draft, a template clause) with one value
 * somewhere replaced or removed: most of it stays valid, so the parser goes
 * deep before it meets the broken part.
 */
export function mutatedDocument<T>(document: T): fc.Arbitrary<T> {
  const paths = pathsOf(document);
  if (paths.length === 0) return fc.constant(structuredClone(document));
  return fc.tuple(fc.constantFrom(...paths), REPLACEMENTS, fc.boolean()).map(([at, value, remove]) => {
    const copy = structuredClone(document);
    let parent = copy as Record<string | number, unknown>;
    for (const segment of at.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
    const last = at[at.length - 1]!;
    if (remove && Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else if (remove) delete parent[last];
    else parent[last] = value;
    return copy;
  });
}

/** A text with a few random edits: a slice cut out, random characters put in, a slice doubled. */
export function mutatedText(text: string): fc.Arbitrary<string> {
  const position = fc.nat({ max: text.length });
  const edit = fc.oneof(
    fc.tuple(position, position).map(
      ([a, b]) =>
        (source: string) =>
          source.slice(0, Math.min(a, b)) + source.slice(Math.max(a, b)),
    ),
    fc.tuple(position, fc.string({ unit: 'binary', maxLength: 12 })).map(
      ([at, inserted]) =>
        (source: string) =>
          source.slice(0, at) + inserted + source.slice(at),
    ),
    fc.tuple(position, fc.constantFrom('"', ',', '\n', '\r\n', ':', '#', '{{', '}}', '- ', '&a', '*a', '\t', '\\', '\u0000')).map(
      ([at, inserted]) =>
        (source: string) =>
          source.slice(0, at) + inserted + source.slice(at),
    ),
    fc.tuple(position, fc.nat({ max: 200 })).map(
      ([at, length]) =>
        (source: string) =>
          source.slice(0, at + length) + source.slice(at, at + length) + source.slice(at + length),
    ),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => edits.reduce((source, apply) => apply(source), text));
}
