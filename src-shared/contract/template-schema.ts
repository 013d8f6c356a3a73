/**
 * The shapes of a template's YAML files as zod schemas, and the message a
 * lawyer reads when a file does not fit one. What a field may contain
 * beyond its shape (placeholders, conditions, references) is the
 * compiler's to check (template.ts). The format is documented in
 * docs/TEMPLATES.md.
 */
import { z } from 'zod';
import { STEP_IDS } from '../model/schema';
import { TABLE_KINDS } from './doc';

export const TEMPLATE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CLAUSE_ID_PATTERN = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$/;
// A leading "__" is refused so that no name can reach an object's prototype (__proto__).
const IDENTIFIER_PATTERN = /^(?!__)[A-Za-z_][A-Za-z0-9_]*$/;
const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const localizedSchema = z.strictObject({ en: z.string(), 'zh-CN': z.string() });

export const labelsSchema = z.strictObject({
  clauseRef: z.string().includes('{number}', { message: 'must contain {number}' }),
  pageOf: z.string().includes('{page}', { message: 'must contain {page}' }).includes('{pages}', { message: 'must contain {pages}' }),
  version: z.string(),
  workingDraft: z.string(),
  internalCopy: z.string(),
  draftNotice: z.string().optional(),
  draftWatermark: z.string().optional(),
  missingText: z.string().optional(),
  signature: z.string(),
  authorisedSignature: z.string().optional(),
  name: z.string(),
  title: z.string(),
  date: z.string(),
  seal: z.string().nullable().optional(),
});

export const templateFileSchema = z.strictObject({
  id: z.string().regex(TEMPLATE_ID_PATTERN, { message: 'must be lower-case letters, digits and hyphens, e.g. "standard-saas"' }),
  version: z.union([z.string().min(1).max(40), z.number()]),
  name: localizedSchema,
  description: localizedSchema.optional(),
  labels: z.strictObject({ en: labelsSchema, 'zh-CN': labelsSchema }),
  cover: z.array(z.unknown()).max(50),
  clauses: z
    .array(z.string().regex(CLAUSE_ID_PATTERN, { message: 'must be a clause id such as service-credits' }))
    .min(1)
    .max(200),
  playbook: z.unknown().optional(),
});

const identifier = z.string().regex(IDENTIFIER_PATTERN, { message: 'must be a name such as weekday or businessDay' });

export const vocabularyFileSchema = z.strictObject({
  terms: z.record(identifier, z.record(z.string(), localizedSchema)).optional(),
  nouns: z.record(identifier, z.strictObject({ en: z.strictObject({ one: z.string(), other: z.string() }), 'zh-CN': z.string() })).optional(),
});

const optionalUnknown = z.unknown().optional();

export const clauseSchema = z.strictObject({
  id: z.string().regex(CLAUSE_ID_PATTERN, { message: 'must be lower-case words joined by hyphens, dots between levels, e.g. service-credits.cap' }),
  title: optionalUnknown,
  steps: z.array(z.enum(STEP_IDS)).optional(),
  numbered: z.boolean().optional(),
  when: optionalUnknown,
  each: optionalUnknown,
  body: z.array(z.unknown()).min(1).optional(),
  positions: z.strictObject({ provider: z.array(z.unknown()).min(1), balanced: z.array(z.unknown()).min(1), customer: z.array(z.unknown()).min(1) }).optional(),
});

export const eachSchema = z.strictObject({ in: z.string(), as: identifier });
const guarded = { when: optionalUnknown };
const repeatable = { when: optionalUnknown, each: optionalUnknown };

export const BLOCK_SCHEMAS = {
  text: z.strictObject({ text: z.unknown(), ...repeatable }),
  clause: z.strictObject({ clause: z.unknown() }),
  list: z.strictObject({
    list: z.strictObject({
      style: z.enum(['alpha', 'roman', 'decimal', 'bullet']),
      /** End the items as a legal enumeration does: "…;" "…; and" "…." (Chinese "；" "。"). */
      punctuate: z.enum(['and', 'or']).optional(),
      items: z.array(z.unknown()).min(1),
    }),
    ...guarded,
  }),
  definitions: z.strictObject({ definitions: z.array(z.unknown()).min(1), ...guarded }),
  table: z.strictObject({
    table: z.strictObject({
      kind: z.enum(TABLE_KINDS),
      widths: z.array(z.number().positive()).optional(),
      align: z.array(z.enum(['left', 'center', 'right'])).optional(),
      header: z.array(z.unknown()).min(1).max(12),
      rows: z.array(z.unknown()).min(1),
    }),
    ...guarded,
  }),
  signatures: z.strictObject({
    signatures: z
      .array(z.strictObject({ party: z.enum(['provider', 'customer']), heading: z.unknown() }))
      .min(1)
      .max(2),
    ...guarded,
  }),
} as const;
export type BlockKind = keyof typeof BLOCK_SCHEMAS;
export const BLOCK_KINDS = Object.keys(BLOCK_SCHEMAS) as BlockKind[];

export const listItemSchema = z.strictObject({ text: z.unknown(), ...repeatable });
export const definitionSchema = z.strictObject({
  id: z.string().regex(SLUG_PATTERN, { message: 'must be lower-case words joined by hyphens' }).optional(),
  term: localizedSchema,
  text: z.unknown(),
  ...guarded,
});
export const rowSchema = z.strictObject({ cells: z.array(z.unknown()).min(1), ...repeatable });
export const coverLineSchema = z.strictObject({
  id: z.string().regex(SLUG_PATTERN, { message: 'must be lower-case words joined by hyphens' }),
  style: z.enum(['subtitle', 'party', 'partyDetail', 'joiner', 'detail']),
  text: z.unknown(),
  ...guarded,
});
export const alternativeSchema = z.strictObject({ when: optionalUnknown, text: z.unknown() });

/** phrases.yaml: named texts the clauses use ({{> name}}). */
export const phrasesFileSchema = z.record(identifier, z.unknown());

export function zodIssueMessage(issue: z.core.$ZodIssue): string {
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) {
        if (last === 'zh-CN' || last === 'en') return `the ${String(last)} text is missing`;
        return `"${String(last ?? 'value')}" is missing`;
      }
      return `must be ${issue.expected === 'object' ? 'a mapping of keys' : issue.expected === 'array' ? 'a list' : issue.expected}`;
    }
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${String(issue.minimum)} entr${Number(issue.minimum) === 1 ? 'y' : 'ies'}`
        : issue.origin === 'string'
          ? 'must not be empty'
          : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `has more than ${String(issue.maximum)} entries` : `is too long (at most ${String(issue.maximum)})`;
    case 'invalid_union':
      return 'must be text';
    default:
      return issue.message;
  }
}
