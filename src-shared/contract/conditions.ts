/**
 * Inclusion conditions, written as structured YAML rather than expressions
 * (nothing is evaluated as code):
 *
 *   when: { any: [ { includes: [compliance.dataProtection, PIPL] },
 *                  { equals: [compliance.dataResidency.region, CN_MAINLAND] } ] }
 *
 * A condition is checked against the draft's types when the template is
 * parsed: a misspelt field or a value the field can never have ("PIPLL")
 * is an error then, not a clause that silently never appears.
 */
import { isBlankText, isLocalizedText } from '../model/localized';
import { describeType, resolveType, type FieldType } from './context';
import { parsePath } from './text';

export type Literal = string | number | boolean | null;

export type Condition =
  | { op: 'all' | 'any'; of: Condition[] }
  | { op: 'not'; of: Condition }
  | { op: 'equals'; path: string[]; value: Literal }
  | { op: 'in'; path: string[]; values: Literal[] }
  | { op: 'includes'; path: string[]; value: Literal }
  | { op: 'truthy'; path: string[] }
  | { op: 'gt' | 'gte' | 'lt' | 'lte'; path: string[]; value: number };

export const CONDITION_OPERATORS = ['all', 'any', 'not', 'equals', 'in', 'includes', 'truthy', 'gt', 'gte', 'lt', 'lte'] as const;

export type TypeOfPath = (path: string[]) => { type: FieldType } | { error: string };

/** Reports an error at a key path inside the condition (e.g. ['any', 1, 'includes']). */
export type ReportError = (where: (string | number)[], message: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLiteral(value: unknown): value is Literal {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function unwrapNullable(type: FieldType): { type: FieldType; nullable: boolean } {
  let current = resolveType(type);
  let isNullable = false;
  while (current.kind === 'nullable') {
    isNullable = true;
    current = resolveType(current.of);
  }
  return { type: current, nullable: isNullable };
}

/** Why `value` can never equal a value of `type`, or null when it can. */
function literalError(type: FieldType, value: Literal): string | null {
  const { type: inner, nullable } = unwrapNullable(type);
  if (value === null) return nullable ? null : `it is never empty (${describeType(inner)})`;
  switch (inner.kind) {
    case 'enum':
      return inner.values.includes(String(value)) ? null : `"${String(value)}" is not one of its values: ${inner.values.join(', ')}`;
    case 'text':
      return typeof value === 'string' ? null : 'it is text: compare it with text';
    case 'number':
      return typeof value === 'number' ? null : 'it is a number: compare it with a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'it is yes/no: compare it with true or false';
    default:
      return `it is ${describeType(inner)}, which cannot be compared with a value`;
  }
}

/** Compiles one YAML condition; reports every error and returns null when there was one. */
export function compileCondition(raw: unknown, typeOf: TypeOfPath, report: ReportError, where: (string | number)[] = []): Condition | null {
  if (!isRecord(raw)) {
    report(where, `a condition is a mapping with one of: ${CONDITION_OPERATORS.join(', ')}`);
    return null;
  }
  const keys = Object.keys(raw);
  if (keys.length !== 1 || !(CONDITION_OPERATORS as readonly string[]).includes(keys[0]!)) {
    report(where, `a condition has exactly one of: ${CONDITION_OPERATORS.join(', ')} (found: ${keys.join(', ') || 'nothing'})`);
    return null;
  }
  const op = keys[0] as (typeof CONDITION_OPERATORS)[number];
  const operand = raw[op];
  const at = [...where, op];

  const pathType = (text: unknown, position: (string | number)[]): { path: string[]; type: FieldType } | null => {
    const path = typeof text === 'string' ? parsePath(text.trim()) : null;
    if (!path) {
      report(position, `expected a field path such as compliance.dataProtection, found ${JSON.stringify(text)}`);
      return null;
    }
    const typed = typeOf(path);
    if ('error' in typed) {
      report(position, typed.error);
      return null;
    }
    return { path, type: typed.type };
  };

  switch (op) {
    case 'all':
    case 'any': {
      if (!Array.isArray(operand) || operand.length === 0) {
        report(at, `"${op}" takes a list of conditions`);
        return null;
      }
      const of = operand.map((inner, i) => compileCondition(inner, typeOf, report, [...at, i]));
      return of.every((c): c is Condition => c !== null) ? { op, of } : null;
    }
    case 'not': {
      const of = compileCondition(operand, typeOf, report, at);
      return of ? { op, of } : null;
    }
    case 'truthy': {
      const typed = pathType(operand, at);
      return typed ? { op, path: typed.path } : null;
    }
    default: {
      if (!Array.isArray(operand) || operand.length !== 2) {
        report(at, `"${op}" takes two entries: [field path, value]`);
        return null;
      }
      const typed = pathType(operand[0], [...at, 0]);
      const value: unknown = operand[1];
      if (!typed) return null;
      if (op === 'in') {
        if (!Array.isArray(value) || value.length === 0 || !value.every(isLiteral)) {
          report([...at, 1], '"in" takes a list of values as its second entry');
          return null;
        }
        const errors = value.map((v) => literalError(typed.type, v)).filter((e): e is string => e !== null);
        if (errors.length > 0) {
          report([...at, 1], `${typed.path.join('.')} can never be that: ${errors.join('; ')}`);
          return null;
        }
        return { op, path: typed.path, values: value };
      }
      if (!isLiteral(value)) {
        report([...at, 1], 'the second entry must be a single value (text, number, true/false or null)');
        return null;
      }
      if (op === 'includes') {
        const list = unwrapNullable(typed.type).type;
        if (list.kind !== 'list') {
          report([...at, 0], `"includes" needs a list, but ${typed.path.join('.')} is ${describeType(list)}`);
          return null;
        }
        const error = literalError(list.of, value);
        if (error) {
          report([...at, 1], `${typed.path.join('.')} can never include that: ${error}`);
          return null;
        }
        return { op, path: typed.path, value };
      }
      if (op === 'equals') {
        const error = literalError(typed.type, value);
        if (error) {
          report([...at, 1], `${typed.path.join('.')} can never equal that: ${error}`);
          return null;
        }
        return { op, path: typed.path, value };
      }
      if (typeof value !== 'number' || unwrapNullable(typed.type).type.kind !== 'number') {
        report(at, `"${op}" compares a number field with a number`);
        return null;
      }
      return { op, path: typed.path, value };
    }
  }
}

export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  // A draft's text holds when it is written in either language: both halves of a bilingual contract keep the same sentences, and a missing translation is marked, not left out.
  if (isLocalizedText(value)) return !isBlankText(value);
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return Boolean(value);
}

/** Evaluates a compiled condition; `valueOf` reads a path in the current scope (undefined when absent). */
export function evaluateCondition(condition: Condition, valueOf: (path: string[]) => unknown): boolean {
  switch (condition.op) {
    case 'all':
      return condition.of.every((inner) => evaluateCondition(inner, valueOf));
    case 'any':
      return condition.of.some((inner) => evaluateCondition(inner, valueOf));
    case 'not':
      return !evaluateCondition(condition.of, valueOf);
    case 'truthy':
      return isTruthy(valueOf(condition.path));
    case 'equals':
      return (valueOf(condition.path) ?? null) === condition.value;
    case 'in':
      return condition.values.includes((valueOf(condition.path) ?? null) as Literal);
    case 'includes': {
      const list = valueOf(condition.path);
      return Array.isArray(list) && list.includes(condition.value);
    }
    default: {
      const value = valueOf(condition.path);
      if (typeof value !== 'number') return false;
      switch (condition.op) {
        case 'gt':
          return value > condition.value;
        case 'gte':
          return value >= condition.value;
        case 'lt':
          return value < condition.value;
        case 'lte':
          return value <= condition.value;
      }
    }
  }
}
