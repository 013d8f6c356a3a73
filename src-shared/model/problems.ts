/**
 * A problem found in a draft: which wizard step shows it, which field it is
 * about, and an i18n key with parameters, so that the same problem reads in
 * English and Chinese in the wizard, the command line and an import report.
 */
import type { z } from 'zod';
import type { LocalizedText } from './localized';
import { stepOfPath, type StepId } from './schema';
import { TEXT_FLAW_KINDS } from './text';

export type ProblemPath = (string | number)[];
/** A draft's own text (a service name) is given in both languages: the message reads it in its own (i18n/index.ts). */
export type ProblemParams = Record<string, string | number | LocalizedText>;

export interface Problem {
  step: StepId;
  path: ProblemPath;
  key: string;
  params: ProblemParams;
}

export function problem(path: ProblemPath, key: string, params: ProblemParams = {}): Problem {
  return { step: stepOfPath(path), path, key, params };
}

/** `services[0].metrics[1].name` — the form the command line prints. */
export function pathToString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(file)' : out;
}

const EXPECTED_KEYS: Record<string, string> = {
  number: 'validation.expectedNumber',
  int: 'validation.integer',
  string: 'validation.expectedText',
  array: 'validation.expectedList',
  object: 'validation.expectedObject',
  boolean: 'validation.expectedBoolean',
};

/** Regex and refinement failures carry our own short message naming the format. */
const FORMAT_MESSAGES = new Set(['id', 'date', 'time', 'unique', 'required']);
/** The text rules (text.ts): the message names the kind, the params the character and where it is. */
const TEXT_MESSAGES = new Set<string>(TEXT_FLAW_KINDS);

function textParams(params: Record<string, unknown> | undefined): ProblemParams {
  const { character, position } = params ?? {};
  return { character: String(character), position: Number(position) };
}

/** Translate one zod issue into a problem the user can read in their language. */
export function problemFromZodIssue(issue: z.core.$ZodIssue, basePath: ProblemPath = []): Problem[] {
  const path = [...basePath, ...(issue.path as ProblemPath)];
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined || input === null) return [problem(path, 'validation.required')];
      return [problem(path, EXPECTED_KEYS[issue.expected] ?? 'validation.invalid')];
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') {
        return [problem(path, minimum <= 1 ? 'validation.required' : 'validation.tooShort', { min: minimum })];
      }
      if (issue.origin === 'array' || issue.origin === 'set') return [problem(path, 'validation.tooFew', { min: minimum })];
      return [problem(path, issue.inclusive === false ? 'validation.greaterThan' : 'validation.min', { min: minimum })];
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return [problem(path, 'validation.tooLong', { max: maximum })];
      if (issue.origin === 'array' || issue.origin === 'set') return [problem(path, 'validation.tooMany', { max: maximum })];
      return [problem(path, issue.inclusive === false ? 'validation.lessThan' : 'validation.max', { max: maximum })];
    }
    case 'invalid_format': {
      if (FORMAT_MESSAGES.has(issue.message)) return [problem(path, `validation.${issue.message}`)];
      if (issue.format === 'email') return [problem(path, 'validation.email')];
      if (issue.format === 'url') return [problem(path, 'validation.url')];
      return [problem(path, 'validation.invalid')];
    }
    case 'invalid_value':
      return [problem(path, 'validation.oneOf', { options: issue.values.map(String).join(', ') })];
    case 'unrecognized_keys':
      return issue.keys.map((key) => problem([...path, key], 'validation.unknownField', { field: key }));
    case 'invalid_union': {
      // '' or an e-mail / URL: report the format the non-empty branch wanted.
      const nested = issue.errors.flat().flatMap((inner) => problemFromZodIssue(inner, path));
      const specific = nested.find((p) => p.key !== 'validation.oneOf' && p.key !== 'validation.invalid');
      return [specific ?? problem(path, 'validation.invalid')];
    }
    case 'custom':
      if (FORMAT_MESSAGES.has(issue.message)) return [problem(path, `validation.${issue.message}`)];
      if (TEXT_MESSAGES.has(issue.message)) return [problem(path, `validation.${issue.message}`, textParams(issue.params))];
      return [problem(path, 'validation.invalid')];
    default:
      return [problem(path, 'validation.invalid')];
  }
}
