/// <reference types="vite/client" />
/**
 * docs/FORMAT.md is the contract people write files against: its example
 * must be a valid file, and every field and choice of the schema must be
 * documented there, so the page cannot fall behind the code unnoticed.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import formatDoc from '../../docs/FORMAT.md?raw';
import { readDraftFile, writeDraftFile } from './file';
import { SCHEMA_VERSION, slaDraftSchema } from './schema';

/** Every object key and every enum value the schema accepts, anywhere in the draft. */
function schemaVocabulary(schema: z.ZodType, words = new Set<string>()): Set<string> {
  if (schema instanceof z.ZodObject) {
    for (const [key, inner] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      words.add(key);
      schemaVocabulary(inner, words);
    }
  } else if (schema instanceof z.ZodArray) {
    schemaVocabulary(schema.element as z.ZodType, words);
  } else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    schemaVocabulary(schema.unwrap() as z.ZodType, words);
  } else if (schema instanceof z.ZodRecord) {
    schemaVocabulary(schema.valueType as z.ZodType, words);
  } else if (schema instanceof z.ZodUnion) {
    for (const option of schema.options as z.ZodType[]) schemaVocabulary(option, words);
  } else if (schema instanceof z.ZodEnum) {
    for (const value of schema.options) words.add(String(value));
  }
  return words;
}

/** The words inside `code spans` of the page, e.g. `businessHours.timeZone` gives businessHours and timeZone. */
function documentedWords(markdown: string): Set<string> {
  const words = new Set<string>();
  for (const span of markdown.matchAll(/`([^`\n]+)`/g)) {
    for (const word of span[1]!.split(/[^A-Za-z0-9_-]+/)) if (word !== '') words.add(word);
  }
  return words;
}

function exampleBlock(markdown: string): string {
  const section = markdown.split(/^## 9\. Complete example$/m)[1] ?? '';
  const block = /```json\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error('FORMAT.md has no JSON block in "9. Complete example"');
  return `${block[1]!}\n`;
}

describe('docs/FORMAT.md', () => {
  it('shows a complete example that reads with zero problems', () => {
    const result = readDraftFile(exampleBlock(formatDoc));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('shows the example exactly as SLA Studio writes it, schemaVersion first', () => {
    const text = exampleBlock(formatDoc);
    const result = readDraftFile(text);
    expect(result.ok && writeDraftFile(result.draft)).toBe(text);
    expect(text.startsWith(`{\n  "schemaVersion": ${SCHEMA_VERSION},`)).toBe(true);
  });

  it('documents every field and every allowed choice of the schema', () => {
    const documented = documentedWords(formatDoc);
    const missing = [...schemaVocabulary(slaDraftSchema)].filter((word) => !documented.has(word));
    expect(missing).toEqual([]);
  });

  it('the vocabulary check sees the whole schema, nested choices included', () => {
    const vocabulary = schemaVocabulary(slaDraftSchema);
    for (const word of ['schemaVersion', 'responseMinutes', 'CN_MAINLAND', 'mediationThenArbitration', 'rolling30Days', 'atOrBelow']) {
      expect(vocabulary).toContain(word);
    }
  });
});
