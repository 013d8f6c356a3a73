/**
 * Every field of the draft schema is compared by the field diff, or is on
 * the exclusion list below with its reason: a field added to the schema
 * but not to the table of fields.ts fails here, instead of its changes
 * going missing from the compare view and the CLI's change report.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LOCALIZED_TEXT_SCHEMAS, slaDraftSchema } from '../model/schema';
import { diffedDraftPaths } from './fields';

/** The schema's leaf paths (a localized text is one), dotted, with `[]` for the items of an array and `*` for the keys of a record. */
function leafPaths(schema: z.ZodType, path = ''): string[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return leafPaths(schema.unwrap() as z.ZodType, path);
  }
  // A text in both languages is one field: the diff compares it per language under the field's own path.
  if (LOCALIZED_TEXT_SCHEMAS.has(schema)) return [path];
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, field]) => leafPaths(field, path === '' ? key : `${path}.${key}`));
  }
  if (schema instanceof z.ZodArray) return leafPaths(schema.element as z.ZodType, `${path}[]`);
  if (schema instanceof z.ZodRecord) return leafPaths(schema.valueType as z.ZodType, `${path}.*`);
  return [path];
}

/**
 * The fields the diff does not compare, each with why. (Ids are compared:
 * list items are matched by them, and a changed id reads as a removal plus
 * an addition, so the table counts them.)
 */
const NOT_COMPARED: Record<string, string> = {
  schemaVersion: 'a file of an older version is migrated when read, so two drafts being compared always have the current one',
};

describe('the field diff covers the draft schema', () => {
  const schemaPaths = leafPaths(slaDraftSchema);
  const diffed = diffedDraftPaths();

  it('compares every field of the schema that is not excluded with a reason', () => {
    expect(schemaPaths.length).toBeGreaterThan(100);
    const missing = schemaPaths.filter((path) => !diffed.includes(path) && !(path in NOT_COMPARED));
    expect(missing, 'schema fields neither in the table of fields.ts nor in NOT_COMPARED').toEqual([]);
  });

  it('compares each field once, and only fields the schema has', () => {
    expect(
      diffed.filter((path, index) => diffed.indexOf(path) !== index),
      'compared twice',
    ).toEqual([]);
    expect(
      diffed.filter((path) => !schemaPaths.includes(path)),
      'not in the schema',
    ).toEqual([]);
  });

  it('excludes only fields the schema has and the table does not compare', () => {
    for (const path of Object.keys(NOT_COMPARED)) {
      expect(schemaPaths, path).toContain(path);
      expect(diffed, path).not.toContain(path);
    }
  });
});
