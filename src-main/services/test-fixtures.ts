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
import type { SlaDraft } from '../../src-shared/model/schema';
import type { Clock, Dialogs } from './ports';

export function makeTempDir(prefix = 'sla-studio-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid, realistic draft in English: a CRM platform between two companies. */
export function englishDraft(): SlaDraft {
  const draft = blankDraft({ title: 'Acme CRM Service Level Agreement', effectiveDate: '2025-01-01', locale: 'en' });
  draft.parties.provider = { legalName: 'Acme Cloud Ltd', address: '1 King Street, London', signatoryName: 'Jane Doe', signatoryTitle: 'CEO' };
  draft.parties.customer = { legalName: 'Globex Corporation', address: '5 Main Street, Springfield', signatoryName: 'Hank Scorpio', signatoryTitle: 'CFO' };
  draft.services[0]!.name = 'Acme CRM Platform';
  return draft;
}

/** A valid draft in Chinese, with one- and two-character names to search for. */
export function chineseDraft(): SlaDraft {
  const draft = blankDraft({ title: '云数据库服务等级协议', effectiveDate: '2025-03-01', locale: 'zh-CN' });
  draft.parties.provider = { legalName: '阿里云计算有限公司', address: '杭州市', signatoryName: '张三', signatoryTitle: '总经理' };
  draft.parties.customer = { legalName: '华为', address: '深圳市', signatoryName: '李四', signatoryTitle: '采购总监' };
  draft.services[0]!.name = '云数据库';
  return draft;
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
