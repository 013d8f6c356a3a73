/**
 * Numbers with their units in typed text, English or Chinese: "within 60
 * days", "10 Business Days", "a 30-day window", "99.9 %", "4 hours",
 * "30 日内", "10 个工作日", "4小时", "15分钟", "99.9%". Hours and minutes
 * are counted in minutes, so "4 hours" and "240 minutes" compare equal.
 */
import type { QuantityKind } from './draft-fields';

export interface TypedQuantity {
  kind: QuantityKind;
  /** In the kind's unit: percent, days, Business Days or minutes. */
  value: number;
  /** As written, for the message ("60 days"). */
  text: string;
  /** The sentence it stands in. */
  sentence: string;
}

interface UnitPattern {
  pattern: RegExp;
  kind: QuantityKind;
  factor: number;
}

// A number not glued to a word before it ("P1", "ISO 27001" are not quantities); decimals with "." only.
// Nor a factor of a typed formula ("× 100%").
const NUMBER = String.raw`(?<![\p{L}\d.,]|[×x*]\s?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;

const UNITS: UnitPattern[] = [
  { pattern: /^\s?(?:%|％|per ?cent\b)/i, kind: 'percent', factor: 1 },
  { pattern: /^[\s-]?(?:business|working)[\s-]days?\b/i, kind: 'businessDays', factor: 1 },
  { pattern: /^\s?个?工作日/, kind: 'businessDays', factor: 1 },
  { pattern: /^[\s-]?(?:business|working)[\s-]hours?\b/i, kind: 'minutes', factor: 60 },
  { pattern: /^\s?个?工作小时/, kind: 'minutes', factor: 60 },
  { pattern: /^[\s-]?(?:calendar[\s-])?days?\b/i, kind: 'calendarDays', factor: 1 },
  { pattern: /^\s?(?:个?自然日|天|日)/, kind: 'calendarDays', factor: 1 },
  { pattern: /^[\s-]?(?:hours?|hrs?)\b/i, kind: 'minutes', factor: 60 },
  { pattern: /^\s?个?小时/, kind: 'minutes', factor: 60 },
  { pattern: /^[\s-]?(?:minutes?|mins?)\b/i, kind: 'minutes', factor: 1 },
  { pattern: /^\s?分钟/, kind: 'minutes', factor: 1 },
];

/** Sentences (and clauses of a sentence after ";"): a decimal point is not an end. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.;!?])\s+|[。；！？\n]+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

export function typedQuantities(text: string): TypedQuantity[] {
  const found: TypedQuantity[] = [];
  for (const sentence of sentencesOf(text)) {
    for (const match of sentence.matchAll(new RegExp(NUMBER, 'gu'))) {
      const after = sentence.slice(match.index + match[0].length);
      const unit = UNITS.find((candidate) => candidate.pattern.test(after));
      if (!unit) continue;
      const written = unit.pattern.exec(after)![0];
      const number = Number(`${match[1]!.replaceAll(',', '')}${match[2] !== undefined ? `.${match[2]}` : ''}`);
      found.push({ kind: unit.kind, value: number * unit.factor, text: `${match[0]}${written}`.trim(), sentence });
    }
  }
  return found;
}
