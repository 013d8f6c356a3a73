/**
 * The stored working copy as the wizard edits it. A copy the wizard saved
 * always has every section; one that lacks a section (written by hand, or
 * by an older build) gets that section's defaults so every step can render,
 * and validation still reports whatever is wrong in what was there.
 */
import { blankDraft, type SlaDraft } from '../../../src-shared/model';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fillMissing(defaults: unknown, stored: unknown): unknown {
  if (Array.isArray(defaults)) return Array.isArray(stored) ? stored : defaults;
  if (isRecord(defaults)) {
    if (!isRecord(stored)) return defaults;
    const filled: Record<string, unknown> = { ...stored };
    for (const [key, value] of Object.entries(defaults)) {
      if (isRecord(value) || Array.isArray(value)) filled[key] = fillMissing(value, stored[key]);
      else if (!(key in stored)) filled[key] = value;
    }
    return filled;
  }
  return stored === undefined ? defaults : stored;
}

export function toWorkingCopy(content: Record<string, unknown>, today: string): SlaDraft {
  return fillMissing(blankDraft({ title: '', effectiveDate: today }), content) as SlaDraft;
}
