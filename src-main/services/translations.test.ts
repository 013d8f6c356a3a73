/**
 * The translation memory as a user meets it (issue 14): a sentence
 * translated in one draft is offered, with that draft named, when the same
 * sentence is typed in another; a close sentence is offered as a close
 * match; nothing is offered from the draft being edited itself.
 */
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localized } from '../../src-shared/model/localized';
import type { SlaDraft } from '../../src-shared/model/schema';
import { createServices, type Services } from '.';
import { visibleParagraphs } from '../docx/visible-text';
import { createClauseLibrary } from './clause-library';
import { createContractExportService } from './contract-export';
import { makeTempDir, scriptedDialogs, steppingClock } from './test-fixtures';

const templatesDir = resolve(import.meta.dirname, '../../templates');
const METHOD_EN = 'Availability is measured every minute from three probe locations outside the Provider’s network.';
const METHOD_ZH = '可用性由服务提供方网络以外的三个拨测地点每分钟测量一次。';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;

beforeEach(() => {
  temp = makeTempDir();
  services = createServices({
    databasePath: join(temp.dir, 'sla-studio.db'),
    templatesDir,
    clock: steppingClock(),
    dialogs: scriptedDialogs({ savePath: null }),
  });
});
afterEach(() => {
  services.close();
  temp.remove();
});

function draftWithMethod(title: string, method: ReturnType<typeof localized>): string {
  const created = services.drafts.create({ presetId: null, title });
  const content = structuredClone(created.content) as unknown as SlaDraft;
  content.services[0]!.metrics[0]!.measurementMethod = method;
  services.drafts.save({ id: created.id, content: content as unknown as Record<string, unknown>, baseRevision: created.revision });
  return created.id;
}

describe('the translation memory', () => {
  it('offers the Chinese a user wrote in another draft, exact, naming that draft', () => {
    draftWithMethod('Acme Payments SLA', localized(METHOD_EN, METHOD_ZH));
    const editing = draftWithMethod('Brightledger SLA', localized(METHOD_EN, ''));
    const [first] = services.translations.suggest({ draftId: editing, text: METHOD_EN, from: 'en' });
    expect(first).toMatchObject({ text: METHOD_ZH, exact: true, score: 'Exact match' });
    expect(first!.source).toContain('Acme Payments SLA');
  });

  it('offers a close sentence as a close match, and the English for typed Chinese', () => {
    draftWithMethod('Acme Payments SLA', localized(METHOD_EN, METHOD_ZH));
    const editing = draftWithMethod('Brightledger SLA', localized('', ''));
    const [close] = services.translations.suggest({ draftId: editing, text: METHOD_EN.replace('three', 'four'), from: 'en' });
    expect(close).toMatchObject({ text: METHOD_ZH, exact: false });
    expect(close!.score).toMatch(/^\d+\s%\smatch$/);
    const [english] = services.translations.suggest({ draftId: editing, text: METHOD_ZH, from: 'zh-CN' });
    expect(english).toMatchObject({ text: METHOD_EN, exact: true });
  });

  it('offers nothing from the draft being edited, and nothing for an unrelated sentence', () => {
    const editing = draftWithMethod('Acme Payments SLA', localized(METHOD_EN, METHOD_ZH));
    const offered = services.translations.suggest({ draftId: editing, text: METHOD_EN, from: 'en' });
    expect(offered.some((suggestion) => suggestion.source.includes('Acme Payments SLA'))).toBe(false);
    expect(services.translations.suggest({ draftId: editing, text: 'The canteen opens at noon on Fridays.', from: 'en' })).toEqual([]);
  });
});

describe('a bilingual draft with one missing translation', () => {
  function draftMissingOneChinese(): { id: string; content: SlaDraft } {
    const created = services.drafts.create({ presetId: 'enterprise' });
    const content = structuredClone(created.content) as unknown as SlaDraft;
    content.services[0]!.description = localized(content.services[0]!.description.en, '');
    services.drafts.save({ id: created.id, content: content as unknown as Record<string, unknown>, baseRevision: created.revision });
    return { id: created.id, content };
  }
  const missingPath = ['services', 0, 'description', 'zh-CN'];

  it('cannot be marked agreed or signed: the contract check names the field and the language', () => {
    const { id } = draftMissingOneChinese();
    const proposal = services.versions.save({ draftId: id, party: 'ourProposal', author: 'Li Wei', note: '' });
    for (const mark of [services.versions.markAgreed, services.versions.markSigned]) {
      let refused: unknown = null;
      try {
        mark({ versionId: proposal.version.id, author: 'Li Wei', note: '' });
      } catch (error) {
        refused = (error as { apiError?: unknown }).apiError;
      }
      expect(refused).toMatchObject({
        code: 'invalidInput',
        problems: expect.arrayContaining([
          expect.objectContaining({
            path: missingPath,
            params: expect.objectContaining({ message: 'The Chinese text is missing: the contract is printed in Chinese.' }),
          }),
        ]),
      });
    }
    expect(services.versions.list(id).map((version) => version.party)).toEqual(['ourProposal']);
  });

  it('exports as a contract only as a draft, with the gap marked in the Chinese column', async () => {
    const { content } = draftMissingOneChinese();
    const exporter = createContractExportService({ clauseLibrary: createClauseLibrary({ dirs: [templatesDir] }), clock: steppingClock() });
    await expect(exporter.build({ draft: content, language: 'bilingual' })).rejects.toMatchObject({
      apiError: { key: 'export.errors.untranslated', problems: [expect.objectContaining({ path: missingPath })] },
    });
    const built = await exporter.build({ draft: content, language: 'bilingual', asDraft: true });
    const xml = await (await JSZip.loadAsync(built.bytes)).file('word/document.xml')!.async('string');
    const paragraphs = visibleParagraphs(xml);
    expect(paragraphs.some((paragraph) => paragraph.includes('[缺少中文文本]'))).toBe(true);
    // The English column keeps the English description.
    expect(paragraphs.some((paragraph) => paragraph.includes(content.services[0]!.description.en.slice(0, 40)))).toBe(true);
  });
});
