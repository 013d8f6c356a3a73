/**
 * Column widths for the data tables. The template gives relative widths
 * ([3, 3, 3, 2, 2]); taken literally they break a word such as
 * "Measurement" in the middle when a column is narrow. So each column first
 * gets room for its longest word (estimated from Times New Roman's
 * proportions — close enough, since only whole words matter), and what is
 * left is shared out in the template's proportions.
 */

/** Approximate advance widths, in ems, of Times New Roman by character class. */
function charWidth(ch: string): number {
  if (/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch)) return 1;
  if (/[MW@%]/.test(ch)) return 0.92;
  if (/[mw]/.test(ch)) return 0.75;
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[fijlrt.,;:'!|()[\]\s-]/.test(ch)) return 0.32;
  if (/[0-9]/.test(ch)) return 0.5;
  return 0.5;
}

/** Words that may not be broken: Chinese breaks between any two characters, so each counts alone. */
function unbreakableTokens(text: string): string[] {
  return text.split(/[\s\u2E80-\u9FFF\u3000-\u303F\uFF00-\uFFEF]+|(?<=[-/])/u).concat(text.match(/[\u2E80-\u9FFF\u3000-\u303F\uFF00-\uFFEF]/gu) ?? []);
}

function ems(text: string): number {
  let total = 0;
  for (const ch of text) total += ch === ' ' ? 0.25 : charWidth(ch);
  return total;
}

/** One em is the font size: halfPoints / 2 points, 20 twips a point; bold is a little wider. */
function emsToTwips(value: number, halfPoints: number, bold: boolean): number {
  return Math.ceil(value * (bold ? 1.06 : 1) * halfPoints * 10);
}

/** Twips needed to set `text`'s longest word at `halfPoints`. */
export function longestWordTwips(text: string, halfPoints: number, bold: boolean): number {
  let widest = 0;
  for (const token of unbreakableTokens(text)) widest = Math.max(widest, ems(token));
  return emsToTwips(widest, halfPoints, bold);
}

/** Twips needed to set all of `text` on one line: for amounts and figures, which should not wrap. */
export function lineTwips(text: string, halfPoints: number, bold: boolean): number {
  return emsToTwips(ems(text), halfPoints, bold);
}

/**
 * Widths in twips summing to `total`: at least `minimum[i]` where the total
 * allows it, the rest in proportion to `relative`.
 */
export function fitColumnWidths(relative: readonly number[], minimum: readonly number[], total: number): number[] {
  const count = relative.length;
  const weights = relative.map((w) => (w > 0 ? w : 1));
  const minimumSum = minimum.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (minimumSum >= total) {
    // Not even the longest words fit: share out in proportion to them.
    widths = minimum.map((m) => (m / minimumSum) * total);
  } else {
    const fixed = new Array<boolean>(count).fill(false);
    widths = new Array<number>(count).fill(0);
    for (;;) {
      const free = total - widths.reduce((sum, w, i) => sum + (fixed[i] ? w : 0), 0);
      const freeWeight = weights.reduce((sum, w, i) => sum + (fixed[i] ? 0 : w), 0);
      let changed = false;
      for (let i = 0; i < count; i++) {
        if (fixed[i]) continue;
        widths[i] = (weights[i]! / freeWeight) * free;
        if (widths[i]! < minimum[i]!) {
          widths[i] = minimum[i]!;
          fixed[i] = true;
          changed = true;
        }
      }
      if (!changed) break;
    }
  }
  const rounded = widths.map((w) => Math.floor(w));
  rounded[count - 1]! += total - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}
