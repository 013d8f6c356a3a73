/**
 * The redline read back as Word would read it: accepting every tracked
 * change must leave exactly the new version's contract and rejecting every
 * change exactly the old one's — paragraph by paragraph, with style, list
 * level and text, against the contracts the normal writer makes of the two
 * drafts — for every preset with the edits of a negotiation round, in each
 * language. The files must also pass validate-docx (author, date and
 * w:delText on every change, unique ids) and show the changes a reader
 * looks for.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleBilingual, assembleContract, type AssemblyOptions } from '../../src-shared/contract/assemble';
import { preset, standardTemplate } from '../../src-shared/contract/fixtures';
import { writeDraftFile } from '../../src-shared/model/file';
import { contractTerms } from '../../src-shared/model/contract-terms';
import { localized, type LocalizedText } from '../../src-shared/model/localized';
import type { SlaDraft } from '../../src-shared/model/schema';
import { validateDraft } from '../../src-shared/model/validate';
import { EXPORT_LANGUAGES, renderContractDocx, type ExportLanguage } from './contract-docx';
import { readDraftPart } from './draft-part';
import { redlineNote, renderRedlineDocx, revisionAuthor, revisionDate, type RedlineRequest } from './redline-docx';
import { childrenNamed, findAll, openPackage, wordText, type XmlElement } from './test-package';
import { resolveRevisions, trackedChanges, type ResolvedParagraph } from './test-revisions';

const template = standardTemplate();
const OLD_LABEL = { label: 'v1 — Our proposal', sha256: '1a2b3c4d'.repeat(8) };
const NEW_LABEL = { label: 'v2 — Customer counter-proposal', sha256: '9f8e7d6c'.repeat(8) };
const AUTHOR = 'Crestmoor Legal';
const DATE = '2026-03-14T09:26:53.589Z';

/** Removes a service and everything that refers to its metrics, as the wizard does. */
function removeService(draft: SlaDraft, serviceId: string): void {
  const service = draft.services.find((candidate) => candidate.id === serviceId)!;
  const metricIds = new Set(service.metrics.map((metric) => metric.id));
  draft.services = draft.services.filter((candidate) => candidate !== service);
  draft.targets.objectives = draft.targets.objectives.filter((objective) => !metricIds.has(objective.metricId));
  draft.compensation.creditTiers = draft.compensation.creditTiers.filter((tier) => !metricIds.has(tier.metricId));
  draft.expectations.requests = draft.expectations.requests.filter((request) => !metricIds.has(request.metricId));
}

function objective(draft: SlaDraft, id: string) {
  return draft.targets.objectives.find((candidate) => candidate.id === id)!;
}

/** A wording changed in both languages; each old wording must be there, so that the round changes what it says it does. */
function reworded(text: LocalizedText, en: [from: string, to: string], zh: [from: string, to: string]): LocalizedText {
  if (!text.en.includes(en[0])) throw new Error(`no “${en[0]}” in “${text.en}”`);
  if (!text['zh-CN'].includes(zh[0])) throw new Error(`no “${zh[0]}” in “${text['zh-CN']}”`);
  return localized(text.en.replace(...en), text['zh-CN'].replace(...zh));
}

/** A round of negotiation on each preset: targets, services, credit tiers, regimes, wording. */
const ROUNDS: Record<string, (draft: SlaDraft) => void> = {
  enterprise: (draft) => {
    draft.title = localized('Meridian Claims Data Platform Enterprise SLA (Revised)', 'Meridian理赔数据平台企业级服务水平协议（修订版）');
    objective(draft, 'obj-core-availability').objective = 99.99;
    removeService(draft, 'data-export');
    draft.compensation.creditTiers.splice(4, 0, { id: 'tier-core-availability-5', metricId: 'core-api-availability', threshold: 98, creditPercent: 30 });
    draft.compliance.dataProtection.push('PIPL');
    draft.compensation.claimWindowDays = 45;
    draft.parties.customer.signatoryName = 'Anita R. Deshpande';
    draft.services[0]!.description = reworded(
      draft.services[0]!.description,
      ['read and write records', 'read, write and archive records'],
      ['读写记录', '读取、写入和归档记录'],
    );
    draft.compliance.exclusions.other.splice(1, 1);
    draft.compliance.exclusions.other.push(localized('Failures of third-party payment networks', '第三方支付网络的故障'));
  },
  'china-hosted': (draft) => {
    objective(draft, 'obj-scm-availability').objective = 99.95;
    draft.compliance.dataProtection = draft.compliance.dataProtection.filter((regime) => regime !== 'PIPL');
    draft.compensation.claims.answerBusinessDays = 5;
    draft.compensation.claimProcess = reworded(
      draft.compensation.claimProcess,
      ['the dates and times of the Downtime', 'the dates and times at which the Services stopped'],
      ['停机的日期和时段', '停止服务的日期和时段'],
    );
    draft.services[0]!.description = reworded(
      draft.services[0]!.description,
      [
        'Test environments and trial features are not covered by this Agreement.',
        'Test environments are covered by clause 4 of this Agreement; trial features are not.',
      ],
      ['测试环境及试用功能不适用本协议。', '测试环境适用本协议第 4 条，试用功能不适用本协议。'],
    );
    removeService(draft, 'open-api');
    draft.compensation.creditTiers.push({ id: 'tier-scm-availability-4', metricId: 'scm-availability', threshold: 95, creditPercent: 50 });
    draft.compensation.capPercent = null;
  },
  'standard-saas': (draft) => {
    objective(draft, 'obj-platform-availability').objective = 99.95;
    draft.compensation.creditTiers.push({ id: 'tier-availability-4', metricId: 'platform-availability', threshold: 90, creditPercent: 50 });
    draft.services.push({
      id: 'reporting',
      name: localized('Reporting API', '报表接口'),
      description: localized('The read-only API from which the Customer exports ledgers and reports.', '客户用以导出账簿和报表的只读接口。'),
      metrics: [
        {
          id: 'reporting-availability',
          kind: 'availability',
          name: localized('Reporting API Availability', '报表接口可用性'),
          measurementMethod: localized(
            'As for the Brightledger Platform, measured on the Reporting API endpoints.',
            '与Brightledger平台相同，在报表接口的端点上测量。',
          ),
          window: 'calendarMonth',
          dataSource: localized("Provider's external synthetic monitoring", '服务提供方的外部拨测监控'),
          exclusions: [],
        },
      ],
    });
    draft.targets.objectives.push({ id: 'obj-reporting-availability', metricId: 'reporting-availability', objective: 99.5, coverage: 'businessHours' });
    draft.compliance.dataProtection.push('PIPL');
    draft.compensation.chronicFailure.enabled = false;
    draft.parties.provider.signatoryTitle = localized('');
  },
};

function round(name: string): { before: SlaDraft; after: SlaDraft } {
  const before = preset(name);
  const after = preset(name);
  ROUNDS[name]!(after);
  return { before, after };
}

function request(before: SlaDraft, after: SlaDraft): RedlineRequest {
  return { old: { draft: before, ...OLD_LABEL }, new: { draft: after, ...NEW_LABEL, author: AUTHOR, date: DATE } };
}

const options = (side: { label: string; sha256: string }): AssemblyOptions => ({ versionLabel: side.label, identity: null });

/** The contract the normal writer makes of a draft, as paragraphs. */
async function contractParagraphs(draft: SlaDraft, language: ExportLanguage, side: { label: string; sha256: string }): Promise<ResolvedParagraph[]> {
  let bytes: Uint8Array;
  if (language === 'bilingual') {
    const pair = assembleBilingual(draft, template, options(side));
    bytes = await renderContractDocx({ language, en: pair.en, zh: pair.zh }, { draftJson: writeDraftFile(draft) });
  } else {
    bytes = await renderContractDocx({ language, doc: assembleContract(draft, template, language, options(side)).doc }, { draftJson: writeDraftFile(draft) });
  }
  const document = await (await openPackage(bytes)).xml('word/document.xml');
  expect(trackedChanges(document)).toEqual([]);
  return resolveRevisions(document, 'accept');
}

async function redline(before: SlaDraft, after: SlaDraft, language: ExportLanguage) {
  const built = await renderRedlineDocx(request(before, after), { old: template, new: template }, language);
  const pkg = await openPackage(built.bytes);
  return { ...built, pkg, document: await pkg.xml('word/document.xml') };
}

/** The paragraphs whose runs hold this deleted and this inserted text. */
function paragraphsWith(document: XmlElement, deleted: string, inserted: string): XmlElement[] {
  return findAll(document, 'w:p').filter((paragraph) => {
    const dels = childrenNamed(paragraph, 'w:del').map(deletedText).join('|');
    const ins = childrenNamed(paragraph, 'w:ins').map(wordText).join('|');
    return dels.includes(deleted) && ins.includes(inserted);
  });
}

/** The deleted text inside a node (the w:delText elements). */
function deletedText(node: XmlElement): string {
  return findAll(node, 'w:delText')
    .map((element) => element.children.filter((child): child is string => typeof child === 'string').join(''))
    .join('');
}

function paragraphMarkChange(paragraph: XmlElement): 'w:ins' | 'w:del' | undefined {
  const rPr = childrenNamed(paragraph, 'w:pPr')[0] && childrenNamed(childrenNamed(paragraph, 'w:pPr')[0]!, 'w:rPr')[0];
  if (!rPr) return undefined;
  if (childrenNamed(rPr, 'w:ins').length > 0) return 'w:ins';
  if (childrenNamed(rPr, 'w:del').length > 0) return 'w:del';
  return undefined;
}

describe('redline round trip', () => {
  for (const name of Object.keys(ROUNDS)) {
    for (const language of EXPORT_LANGUAGES) {
      it(`${name} (${language}): accepting all changes gives the new contract, rejecting all the old one`, async () => {
        const { before, after } = round(name);
        expect(validateDraft(after).problems).toEqual([]);
        const { document, summary } = await redline(before, after, language);

        const accepted = resolveRevisions(document, 'accept');
        const rejected = resolveRevisions(document, 'reject');
        expect(accepted).toEqual(await contractParagraphs(after, language, NEW_LABEL));
        expect(rejected).toEqual(await contractParagraphs(before, language, OLD_LABEL));
        // The round changed something in most parts of the contract.
        expect(summary.clauses.changed).toBeGreaterThan(3);
        expect(summary.clauses.added + summary.clauses.removed).toBeGreaterThan(0);
        expect(summary.revisions).toBe(trackedChanges(document).length);
      });
    }
  }
});

describe('redline markup', () => {
  it('marks a changed figure as a deleted and an inserted word in its paragraph, by the new version’s author and time', async () => {
    const { before, after } = round('enterprise');
    const { document } = await redline(before, after, 'en');
    expect(paragraphsWith(document, '99.95', '99.99').length).toBeGreaterThan(0);
    expect(paragraphsWith(document, '60', '45').length).toBeGreaterThan(0);
    for (const change of trackedChanges(document)) {
      expect(change.attrs['w:author']).toBe(AUTHOR);
      expect(change.attrs['w:date']).toBe('2026-03-14T09:26:53Z');
    }
    const ids = trackedChanges(document).map((change) => change.attrs['w:id']);
    expect(new Set(ids).size).toBe(ids.length);
    // Deleted text is in w:delText, never in w:t.
    for (const del of findAll(document, 'w:del')) expect(findAll(del, 'w:t')).toEqual([]);
  });

  it('inserts an added clause as whole paragraphs, paragraph marks included, and deletes a removed one likewise', async () => {
    const { before, after } = round('enterprise');
    const { document } = await redline(before, after, 'en');
    const paragraphs = findAll(document, 'w:p');
    // PIPL was added: the heading of its clause and each of its paragraphs are inserted, paragraph mark and all runs.
    const headingAt = paragraphs.findIndex((paragraph) => wordText(paragraph) === 'Personal Information in Mainland China');
    expect(headingAt).toBeGreaterThan(0);
    const pipl = paragraphs.slice(headingAt, headingAt + 4);
    expect(wordText(pipl[2]!)).toContain('Article 38 of the Personal Information Protection Law');
    for (const paragraph of pipl) {
      expect(paragraphMarkChange(paragraph)).toBe('w:ins');
      expect(childrenNamed(paragraph, 'w:r')).toEqual([]);
      expect(childrenNamed(paragraph, 'w:ins').length).toBeGreaterThan(0);
    }
    // The sentence listing the regimes stays, with PIPL inserted into it.
    expect(paragraphsWith(document, ' and', ', and the Personal Information Protection Law of the People’s Republic of China (the “PIPL”)')).toHaveLength(1);
    // The Data Export API was removed: its measurement clause is deleted paragraphs, its text only in w:delText.
    const exported = paragraphs.filter((paragraph) => deletedText(paragraph).includes('Data Export API'));
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.some((paragraph) => paragraphMarkChange(paragraph) === 'w:del' && wordText(paragraph) === '')).toBe(true);
  });

  it('inserts and deletes table rows with w:trPr, and changes cells word by word', async () => {
    const { before, after } = round('enterprise');
    const { document } = await redline(before, after, 'en');
    const rows = findAll(document, 'w:tr');
    const rowChange = (row: XmlElement) => {
      const trPr = childrenNamed(row, 'w:trPr')[0];
      return trPr ? (childrenNamed(trPr, 'w:ins').length > 0 ? 'ins' : childrenNamed(trPr, 'w:del').length > 0 ? 'del' : null) : null;
    };
    const inserted = rows.filter((row) => rowChange(row) === 'ins');
    const deleted = rows.filter((row) => rowChange(row) === 'del');
    // The new credit tier below 98 % at 30 %; the removed service's target and tier rows.
    expect(inserted.some((row) => wordText(row).includes('98') && wordText(row).includes('30'))).toBe(true);
    expect(deleted.some((row) => findAll(row, 'w:delText').length > 0)).toBe(true);
    // The changed target sits in a row that stays, as a change inside its cell.
    const targetRow = rows.find((row) => rowChange(row) === null && deletedText(row) === '99.95');
    expect(targetRow).toBeDefined();
    expect(wordText(targetRow!)).toMatch(/at least 99\.99\s%/u);
  });

  it('diffs Chinese text character by character within the sentence', async () => {
    const { before, after } = round('china-hosted');
    const { document } = await redline(before, after, 'zh-CN');
    const [answer] = paragraphsWith(document, '10', '5');
    expect(answer).toBeDefined();
    // A number with its unit is one change: "10个工作日" → "5个工作日", not "10" → "5" inside it.
    expect(childrenNamed(answer!, 'w:del').map(deletedText)).toEqual(['10个工作日']);
    expect(childrenNamed(answer!, 'w:ins').map(wordText)).toEqual(['5个工作日']);
    expect(wordText(answer!)).toContain('服务提供方应在收到申请后5个工作日内书面确认该申请');
    const [claim] = paragraphsWith(document, '机', '止服务');
    expect(claim).toBeDefined();
    // "停机的日期" → "停止服务的日期": one character deleted, the new words inserted, the rest kept.
    expect(childrenNamed(claim!, 'w:del').map(deletedText)).toEqual(['机']);
    expect(childrenNamed(claim!, 'w:ins').map(wordText)).toEqual(['止服务']);
    expect(wordText(claim!)).toContain('写明受影响的服务、停止服务的日期和时段及相关工单编号');
  });

  it('between two versions with the same content, changes only the version on the cover', async () => {
    const { document, summary } = await redline(preset('standard-saas'), preset('standard-saas'), 'en');
    expect(summary.clauses).toMatchObject({ changed: 0, added: 0, removed: 0 });
    expect(findAll(document, 'w:p').filter((paragraph) => trackedChanges(paragraph).length > 0)).toHaveLength(1);
    const accepted = resolveRevisions(document, 'accept');
    const rejected = resolveRevisions(document, 'reject');
    const differing = accepted.flatMap((paragraph, i) => (paragraph.text === rejected[i]!.text ? [] : [[rejected[i]!.text, paragraph.text]]));
    expect(differing).toEqual([['Version: v1 — Our proposal', 'Version: v2 — Customer counter-proposal']]);

    const draft = preset('standard-saas');
    const same = await renderRedlineDocx(
      { old: { draft, ...NEW_LABEL }, new: { draft, ...NEW_LABEL, author: AUTHOR, date: DATE } },
      { old: template, new: template },
      'en',
    );
    expect(same.summary.revisions).toBe(0);
    expect(trackedChanges(await (await openPackage(same.bytes)).xml('word/document.xml'))).toEqual([]);
  });

  it('names the two versions in the footer, tracks further edits, and embeds the new draft', async () => {
    const { before, after } = round('standard-saas');
    const { pkg, bytes } = await redline(before, after, 'bilingual');
    const footers = await Promise.all(pkg.names.filter((name) => /^word\/footer\d+\.xml$/.test(name)).map((name) => pkg.text(name)));
    expect(footers.join('')).toContain('Changes from v1 — Our proposal · 1a2b3c4d to v2 — Customer counter-proposal · 9f8e7d6c');
    // One note, in the language that prevails: two would not fit beside "Page X of Y".
    expect(footers.join('')).not.toContain('修订稿');
    expect(await pkg.text('word/settings.xml')).toContain('<w:trackRevisions/>');
    expect(await readDraftPart(bytes)).toMatchObject({ ok: true, json: writeDraftFile(contractTerms(after)) });
  });
});

describe('redline inputs', () => {
  it('writes w:date to the second in UTC and refuses a date that is not one', () => {
    expect(revisionDate('2026-03-14T10:26:53.589+01:00')).toBe('2026-03-14T09:26:53Z');
    expect(() => revisionDate('yesterday')).toThrow(RangeError);
  });

  it('keeps the author on one line and never empty', () => {
    expect(revisionAuthor('  Jane\nDoe\u0007 ')).toBe('Jane Doe');
    expect(revisionAuthor(' \t ')).toBe('SLA Studio');
  });

  it('names versions without a label as the earlier and the later version', () => {
    const draft = preset('standard-saas');
    const unlabelled: RedlineRequest = { old: { draft }, new: { draft, author: AUTHOR, date: DATE } };
    expect(redlineNote(unlabelled, 'en')).toBe('Changes from the earlier version to the later version');
    expect(redlineNote(unlabelled, 'zh-CN')).toBe('修订稿：自 前一版本 至 后一版本');
  });
});

const PYTHON = '/usr/bin/python3';
const VALIDATOR = resolve(process.cwd(), '../shared/tools/validate-docx');
function hasLxml(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import lxml.etree'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const skipReason = !existsSync(VALIDATOR) ? 'skipped: ../shared/tools/validate-docx not found' : !hasLxml() ? 'skipped: python3-lxml not installed' : null;

describe('redline validity', () => {
  it.skipIf(skipReason !== null)(skipReason ?? 'every preset’s redline in every language passes validate-docx', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sla-redline-valid-'));
    try {
      const files: string[] = [];
      for (const name of Object.keys(ROUNDS)) {
        const { before, after } = round(name);
        for (const language of EXPORT_LANGUAGES) {
          const file = join(folder, `${name}-${language}.docx`);
          writeFileSync(file, (await renderRedlineDocx(request(before, after), { old: template, new: template }, language)).bytes);
          files.push(file);
        }
      }
      const output = await new Promise<{ code: number; stdout: string }>((done) => {
        execFile(PYTHON, [VALIDATOR, ...files], (error, stdout) => done({ code: error ? Number(error.code ?? 1) : 0, stdout }));
      });
      expect(output.stdout.trim()).toBe(`${files.length} file(s) checked, 0 problem(s)`);
      expect(output.code).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((path) => existsSync(path));

/** The numbered headings LibreOffice prints in a document's plain text ("4.10 Calculation of Availability"), by title. */
function numberedHeadings(text: string): Array<[title: string, number: string]> {
  return [...text.matchAll(/^\s*(\d+\.(?:\d+(?:\.\d+)*)?)\s+(\p{Lu}.*)$/gmu)].map((match) => [match[2]!.trim(), match[1]!.replace(/\.$/, '')]);
}

describe('redline heading numbers', () => {
  it.skipIf(!SOFFICE)(
    SOFFICE
      ? 'in LibreOffice, the clauses after a removed clause keep the numbers of the clean new contract'
      : 'skipped: soffice (LibreOffice) not installed, so the numbers a reader sees cannot be read',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'sla-redline-numbers-'));
      try {
        // The enterprise round removes the Data Export API: clauses 4.10 and 4.11 go, 4.12 becomes 4.10.
        const { before, after } = round('enterprise');
        writeFileSync(join(folder, 'redline.docx'), (await redline(before, after, 'en')).bytes);
        const clean = assembleContract(after, template, 'en', options(NEW_LABEL)).doc;
        writeFileSync(join(folder, 'clean.docx'), await renderContractDocx({ language: 'en', doc: clean }, { draftJson: writeDraftFile(after) }));
        execFileSync(
          SOFFICE!,
          [
            `-env:UserInstallation=file://${folder}/profile`,
            '--headless',
            '--convert-to',
            'txt:Text',
            '--outdir',
            folder,
            join(folder, 'redline.docx'),
            join(folder, 'clean.docx'),
          ],
          { stdio: 'ignore', timeout: 120_000 },
        );
        const cleanNumbers = new Map(numberedHeadings(readFileSync(join(folder, 'clean.txt'), 'utf8')));
        const redlineNumbers = numberedHeadings(readFileSync(join(folder, 'redline.txt'), 'utf8')).filter(([title]) => cleanNumbers.has(title));
        expect(cleanNumbers.get('Calculation of Availability')).toBe('4.10');
        expect(redlineNumbers.length).toBeGreaterThan(20);
        for (const [title, number] of redlineNumbers) expect(number, title).toBe(cleanNumbers.get(title));
        // The removed clauses are still there to read, struck through, without a number of their own.
        expect(numberedHeadings(readFileSync(join(folder, 'redline.txt'), 'utf8')).some(([title]) => title.startsWith('Data Export API'))).toBe(false);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
