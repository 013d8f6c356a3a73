/**
 * Every number a draft carries into a contract has a finite maximum, so no
 * value prints as hundreds of digits, and a value past it is refused at its
 * field. The walk covers the whole schema, so a numeric field added later
 * without a maximum fails here.
 */
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import enterpriseText from '../../templates/presets/enterprise.sla.json?raw';
import { LIMITS, slaDraftSchema, type SlaDraft } from './schema';
import { validateDraft } from './validate';

interface NumberField {
  path: string;
  max: number | null;
}

/** The numeric fields of a schema, with the largest value each accepts. */
function numberFields(schema: z.ZodType, path: string, out: NumberField[] = []): NumberField[] {
  const def = (schema as unknown as { def: Record<string, unknown> & { type: string } }).def;
  switch (def.type) {
    case 'number':
      out.push({ path, max: (schema as z.ZodNumber).maxValue });
      break;
    case 'object':
      for (const [key, inner] of Object.entries(def.shape as Record<string, z.ZodType>)) numberFields(inner, path === '' ? key : `${path}.${key}`, out);
      break;
    case 'array':
      numberFields(def.element as z.ZodType, `${path}[]`, out);
      break;
    case 'record':
      numberFields(def.valueType as z.ZodType, `${path}{}`, out);
      break;
    case 'optional':
    case 'nullable':
      numberFields(def.innerType as z.ZodType, path, out);
      break;
    case 'union':
      for (const option of def.options as z.ZodType[]) numberFields(option, path, out);
      break;
    case 'string':
    case 'enum':
    case 'literal':
    case 'boolean':
      break;
    default:
      throw new Error(`${path}: a schema type the walk does not know (${def.type}); teach it, do not skip it`);
  }
  return out;
}

describe('numbers in a draft', () => {
  const fields = numberFields(slaDraftSchema, '');

  it('finds the numeric fields', () => {
    expect(fields.map((field) => field.path)).toEqual(
      expect.arrayContaining([
        'termMonths',
        'targets.objectives[].objective',
        'services[].metrics[].percentile',
        'compensation.monthlyFee',
        'compensation.capPercent',
      ]),
    );
  });

  it('gives every numeric field a finite maximum no larger than the monthly fee limit', () => {
    const unbounded = fields.filter((field) => field.max === null || !Number.isFinite(field.max) || field.max > 1e12);
    expect(unbounded).toEqual([]);
  });

  it('refuses a huge latency objective at its field instead of printing it in the contract', () => {
    const document = JSON.parse(enterpriseText) as SlaDraft;
    const index = document.targets.objectives.findIndex((objective) => objective.metricId === 'core-api-latency-p95');
    expect(index).toBeGreaterThanOrEqual(0);
    for (const [value, key] of [
      [1e300, 'validation.max'],
      [Number.MAX_VALUE, 'validation.max'],
      // 1.8e308 is past the largest double: JSON and JavaScript read it as Infinity.
      [Number('1.8e308'), 'validation.expectedNumber'],
      [LIMITS.maxMinutes + 1, 'validation.max'],
    ] as const) {
      const draft = structuredClone(document);
      draft.targets.objectives[index]!.objective = value;
      const problems = validateDraft(draft).problems.filter((problem) => problem.key.startsWith('validation.'));
      expect(
        problems.map((problem) => [problem.path, problem.key]),
        String(value),
      ).toEqual([[['targets', 'objectives', index, 'objective'], key]]);
    }
  });
});
