/**
 * The translation memory as a user meets it (issue 14): a sentence
 * translated in one draft is offered, with that draft named, when the same
 * sentence is typed in another; a close sentence is offered as a close
 * match; nothing is offered from the draft being edited itself.
 */
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localized } from '../../src-shared/model/localized';
import type { SlaDraft } from '../../src-shared/model/schema';
import { createServices, type Services } from '.';
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
