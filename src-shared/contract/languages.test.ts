/**
 * Issue 14's measure: each preset printed in English has no Chinese
 * paragraph and printed in Chinese no English one — apart from what is
 * legitimately in one script whatever the language (the parties' and
 * people's names, identifiers, e-mail addresses and links, a Chinese
 * party's registered address). Counted per paragraph, list item and table
 * cell, by script (model/localized.ts, `languageOfText`).
 */
import { describe, expect, it } from 'vitest';
import { languageOfText, type TextLanguage } from '../model/localized';
import { pathToString } from '../model/problems';
import type { SlaDraft } from '../model/schema';
import { draftTexts } from '../model/translations';
import { assembleContract } from './assemble';
import { documentText, walkClauses, type Block, type Run } from './doc';
import { presets, standardTemplate } from './fixtures';

/** Texts a contract prints as they are in any language: names, contacts, identifiers. */
function oneScriptTexts(draft: SlaDraft): string[] {
  const texts: string[] = [];
  for (const party of [draft.parties.provider, draft.parties.customer]) {
    texts.push(party.legalName, party.legalNameZh ?? '', party.signatoryName, party.legalRepresentative ?? '', party.registrationNumber ?? '');
    // A party's registered address is written as registered.
    if (languageOfText(party.address.en) === 'zh-CN') texts.push(party.address.en);
  }
  for (const stakeholder of draft.expectations.stakeholders) texts.push(stakeholder.name, stakeholder.email, stakeholder.phone);
  texts.push(draft.mainAgreement.title, draft.mainAgreement.titleZh, draft.monitoring.statusPageUrl);
  // Severity levels are named P1–P4 in both languages.
  texts.push(...draft.targets.severities.map((severity) => severity.level));
  return texts.filter((text) => text.trim() !== '');
}

function foreignParagraphs(draft: SlaDraft, language: TextLanguage): string[] {
  const { doc } = assembleContract(draft, standardTemplate(), language);
  const allowed = oneScriptTexts(draft);
  const other: TextLanguage = language === 'en' ? 'zh-CN' : 'en';
  return documentText(doc)
    .split('\n')
    .flatMap((line) => line.split('\t'))
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '' && languageOfText(paragraph) === other)
    .filter((paragraph) => !allowed.some((text) => paragraph.includes(text) && languageOfText(paragraph.replace(text, '')) !== other));
}

describe('each preset in one language only', () => {
  it.each(presets().flatMap(({ name: id, draft }) => (['en', 'zh-CN'] as const).map((language) => [id, language, draft] as const)))(
    '%s printed in %s has no paragraph in the other language',
    (_, language, draft) => {
      expect(foreignParagraphs(draft, language)).toEqual([]);
    },
  );
});

function blockRuns(block: Block): Run[] {
  switch (block.kind) {
    case 'paragraph':
      return block.runs;
    case 'list':
      return block.items.flat();
    case 'definitions':
      return block.items.flatMap((item) => item.runs);
    case 'table':
      return [...block.header, ...block.rows].flatMap((row) => row.cells.flatMap((cell) => cell.runs));
    default:
      return [];
  }
}

/** Texts the user typed, printed in the other language's script: "source path: text". */
function foreignValues(draft: SlaDraft, language: TextLanguage): string[] {
  const { doc } = assembleContract(draft, standardTemplate(), language);
  const allowed = new Set(oneScriptTexts(draft));
  const typed = new Set(draftTexts(draft).map(({ path }) => pathToString(path)));
  const other: TextLanguage = language === 'en' ? 'zh-CN' : 'en';
  return walkClauses(doc)
    .flatMap(({ clause }) => clause.blocks.flatMap(blockRuns))
    .filter((run) => run.source !== undefined && typed.has(run.source.path) && !allowed.has(run.text.trim()) && languageOfText(run.text) === other)
    .map((run) => `${run.source!.path}: ${run.text}`);
}

describe('each value printed from a preset is in the contract’s language', () => {
  it.each(presets().flatMap(({ name: id, draft }) => (['en', 'zh-CN'] as const).map((language) => [id, language, draft] as const)))(
    '%s printed in %s',
    (_, language, draft) => {
      expect(foreignValues(draft, language)).toEqual([]);
    },
  );
});
