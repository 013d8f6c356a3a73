/**
 * What the command line prints is one line per item, and a file must not be
 * able to forge one: control characters (a newline in an unknown field's
 * name), bidirectional overrides and other invisible format characters in
 * anything printed are shown as `\uXXXX` escapes. That notation is also
 * JSON's, so a `--json` document stays the same value.
 */

// C0 and C1 controls, DEL, the Arabic letter mark, zero-width and directional marks,
// line/paragraph separators, embeddings and overrides, invisible operators, isolates,
// the byte-order mark, and lone surrogates (which a terminal cannot show).
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The line with every character that could hide or fake output escaped. */
export function printable(line: string): string {
  return line.replace(UNPRINTABLE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A multi-line text the program itself wrote (the usage, a JSON document) as separate lines. */
export function linesOf(text: string): string[] {
  return text.split('\n');
}
