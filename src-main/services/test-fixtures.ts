/**
 * Test support (imported only by *.test.ts): a throwaway data folder with
 * its own presets, a controllable clock and a scripted save dialog, so
 * service tests never depend on the shipped templates or on real time.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blankDraft } from '../../src-shared/model/defaults';
import { writeDraftFile } from '../../src-shared/model/file';
import { localized, TEXT_LANGUAGES } from '../../src-shared/model/localized';
import type { SlaDraft } from '../../src-shared/model/schema';
import { draftTexts, missingTranslations } from '../../src-shared/model/translations';
import type { Clock, Dialogs } from './ports';

export function makeTempDir(prefix = 'sla-studio-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid, realistic draft in English: a CRM platform between two companies. */
export function englishDraft(): SlaDraft {
  const draft = blankDraft({ title: 'Acme CRM Service Level Agreement', effectiveDate: '2025-01-01', locale: 'en' });
  draft.parties.provider = {
    legalName: 'Acme Cloud Ltd',
    address: localized('1 King Street, London'),
    signatoryName: 'Jane Doe',
    signatoryTitle: localized('CEO'),
  };
  draft.parties.customer = {
    legalName: 'Globex Corporation',
    address: localized('5 Main Street, Springfield'),
    signatoryName: 'Hank Scorpio',
    signatoryTitle: localized('CFO'),
  };
  draft.services[0]!.name = localized('Acme CRM Platform');
  return draft;
}

/** A valid draft in Chinese, with one- and two-character names to search for. */
export function chineseDraft(): SlaDraft {
  const draft = blankDraft({ title: '云数据库服务等级协议', effectiveDate: '2025-03-01', locale: 'zh-CN' });
  draft.parties.provider = {
    legalName: '阿里云计算有限公司',
    address: localized('', '杭州市'),
    signatoryName: '张三',
    signatoryTitle: localized('', '总经理'),
  };
  draft.parties.customer = { legalName: '华为', address: localized('', '深圳市'), signatoryName: '李四', signatoryTitle: localized('', '采购总监') };
  draft.services[0]!.name = localized('', '云数据库');
  return draft;
}

/** The fixtures' own texts in the other language, as a translator would give them. */
const TRANSLATIONS: readonly (readonly [en: string, zh: string])[] = [
  ['Acme CRM Service Level Agreement', 'Acme CRM 服务水平协议'],
  ['1 King Street, London', '伦敦国王街1号'],
  ['CEO', '首席执行官'],
  ['5 Main Street, Springfield', '斯普林菲尔德市主街5号'],
  ['CFO', '首席财务官'],
  ['Acme CRM Platform', 'Acme CRM 平台'],
  ['Cloud Database Service Level Agreement', '云数据库服务等级协议'],
  ['Hangzhou', '杭州市'],
  ['General Manager', '总经理'],
  ['Shenzhen', '深圳市'],
  ['Procurement Director', '采购总监'],
  ['Cloud Database', '云数据库'],
];

/**
 * The English or the Chinese draft with its texts written in both
 * languages, printed side by side: a contract in either language, or both,
 * exports without a missing translation.
 */
export function translated(draft: SlaDraft): SlaDraft {
  const copy = structuredClone(draft);
  // draftTexts gives the copy's own text objects: filling one in fills the copy.
  for (const { text } of draftTexts(copy)) {
    const pair = TRANSLATIONS.find(([en, zh]) => text.en === en || text['zh-CN'] === zh);
    if (pair) [text.en, text['zh-CN']] = pair;
  }
  copy.contract.languages = 'bilingual';
  const missing = missingTranslations(copy, TEXT_LANGUAGES);
  if (missing.length > 0) throw new Error(`no translation in the fixtures for ${missing.map(({ path }) => path.join('.')).join(', ')}`);
  return copy;
}

/** templates/presets with two presets, laid out as the shipped folder is. */
export function writePresetFixtures(templatesDir: string): void {
  const presetsDir = join(templatesDir, 'presets');
  mkdirSync(presetsDir, { recursive: true });
  writeFileSync(join(presetsDir, 'crm.sla.json'), writeDraftFile(englishDraft()));
  writeFileSync(join(presetsDir, 'china-db.sla.json'), writeDraftFile(chineseDraft()));
  const index = [
    {
      id: 'crm',
      file: 'crm.sla.json',
      title: { en: 'CRM platform', 'zh-CN': '客户关系管理平台' },
      description: { en: 'A CRM service at 99.9 %.', 'zh-CN': '可用性 99.9% 的客户关系管理服务。' },
    },
    {
      id: 'china-db',
      file: 'china-db.sla.json',
      title: { en: 'Cloud database (China)', 'zh-CN': '云数据库（中国）' },
      description: { en: 'Hosted in mainland China.', 'zh-CN': '托管于中国大陆。' },
    },
  ];
  writeFileSync(join(presetsDir, 'index.json'), JSON.stringify(index, null, 2));
}

/** A clock that moves one second per reading, so every write has a distinct, ordered time. */
export function steppingClock(start = '2025-06-01T08:00:00.000Z'): Clock & { readings: string[] } {
  let next = Date.parse(start);
  const readings: string[] = [];
  return {
    readings,
    now() {
      const value = new Date(next).toISOString();
      next += 1000;
      readings.push(value);
      return value;
    },
  };
}

/** Dialogs that answer as scripted: the save path to return (null = the user cancelled). */
export function scriptedDialogs(answer: { savePath: string | null }): Dialogs & { saveRequests: { suggestedName: string }[] } {
  const saveRequests: { suggestedName: string }[] = [];
  return {
    saveRequests,
    chooseSavePath: async (request) => {
      saveRequests.push({ suggestedName: request.suggestedName });
      return answer.savePath;
    },
    chooseOpenPath: async () => null,
    showInFolder: () => undefined,
  };
}
