/// <reference types="vite/client" />
/**
 * Test fixtures: the bundled template's files and the presets, inlined by
 * Vite (src-shared may not read the disk). Imported by tests only.
 */
import presetIndex from '../../templates/presets/index.json';
import { blankDraft } from '../model/defaults';
import { localized } from '../model/localized';
import { readDraftFile } from '../model/file';
import type { SlaDraft } from '../model/schema';
import { parseTemplate, formatTemplateError } from './template';
import type { Template } from './template-types';

const templateSources = import.meta.glob<string>('../../templates/standard-saas/**/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const presetSources = import.meta.glob<string>('../../templates/presets/*.sla.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const PREFIX = '../../templates/standard-saas/';

/** The standard-saas template's files keyed as parseTemplate expects. */
export function standardTemplateFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(templateSources)) files[path.slice(PREFIX.length)] = text;
  return files;
}

let parsed: Template | null = null;
export function standardTemplate(): Template {
  if (parsed) return parsed;
  const result = parseTemplate(standardTemplateFiles());
  if (!result.ok) throw new Error(result.errors.map(formatTemplateError).join('\n'));
  parsed = result.template;
  return parsed;
}

export interface NamedDraft {
  name: string;
  draft: SlaDraft;
}

/** The presets of templates/presets (a fresh copy each call). */
export function presets(): NamedDraft[] {
  return (presetIndex as Array<{ id: string; file: string }>).map((entry) => {
    const text = presetSources[`../../templates/presets/${entry.file}`];
    if (text === undefined) throw new Error(`${entry.file} is missing`);
    const result = readDraftFile(text);
    if (!result.ok) throw new Error(`${entry.file}: ${JSON.stringify(result.problems)}`);
    return { name: entry.id, draft: result.draft };
  });
}

export function preset(id: string): SlaDraft {
  const found = presets().find((entry) => entry.name === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found.draft;
}

/**
 * The enterprise preset (USD 85,000 a month, credits capped at 30 %) with
 * its Monthly Fee split by service: Core API 50,000, Web Console 20,000,
 * Data Export API 10,000, support 5,000.
 */
export function enterpriseWithServiceFees(): SlaDraft {
  const draft = preset('enterprise');
  const fees: Record<string, number> = { 'core-api': 50_000, 'web-console': 20_000, 'data-export': 10_000, 'enterprise-support': 5_000 };
  for (const service of draft.services) service.monthlyFee = fees[service.id];
  return draft;
}

/** The blank draft with the parties filled in: what a user has after the first minute. */
export function namedBlankDraft(): SlaDraft {
  const draft = blankDraft({ title: 'Acme Platform SLA', effectiveDate: '2026-11-26' });
  draft.parties.provider = {
    legalName: 'Acme Cloud Ltd.',
    address: localized('1 Example Street, London'),
    signatoryName: 'Jane Doe',
    signatoryTitle: localized('Director'),
  };
  draft.parties.customer = {
    legalName: 'Contoso GmbH',
    address: localized('Beispielweg 2, Berlin'),
    signatoryName: 'Max Muster',
    signatoryTitle: localized('CIO'),
  };
  draft.compensation.monthlyFee = 12_500;
  return draft;
}

/**
 * The named blank draft with what the user typed written in Chinese too, for
 * a bilingual contract: every text the contract prints is in both languages.
 */
export function namedBilingualBlankDraft(): SlaDraft {
  const draft = namedBlankDraft();
  draft.title = localized('Acme Platform SLA', 'Acme 平台服务水平协议');
  draft.parties.provider.address = localized('1 Example Street, London', '英国伦敦示例街 1 号');
  draft.parties.provider.signatoryTitle = localized('Director', '董事');
  draft.parties.customer.address = localized('Beispielweg 2, Berlin', '德国柏林 Beispielweg 2 号');
  draft.parties.customer.signatoryTitle = localized('CIO', '首席信息官');
  draft.contract.languages = 'bilingual';
  return draft;
}
