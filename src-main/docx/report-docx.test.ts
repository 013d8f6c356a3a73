/**
 * The monthly report as .docx, read back the way Word would: unzip it, parse
 * the parts, and check what the customer reads — the month's numbers in the
 * right form for each language, both languages in one cell of a bilingual
 * report, the running header and the page footer — and that no placeholder
 * or translation key leaked into the text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDraftFile } from '../../src-shared/model/file';
import { localized } from '../../src-shared/model/localized';
import type { SlaDraft } from '../../src-shared/model/schema';
import { computeMonthlyReport, parseMonitoringCsv, type MonthlyReport } from '../../src-shared/monitoring';
import { buildReportDocument as buildReportContent, type ReportSource, type ReportVersion } from '../../src-shared/monitoring/report-document';
import { joinNumberAndUnit, MisalignedReportError, renderReportDocx, type ReportDocxSource } from './report-docx';
import { elements, find, findAll, openPackage, paragraphsOf, wordText, type DocxPackage, type XmlElement } from './test-package';

/**
 * The enterprise preset (Core API availability 99.95 % 24×7, credits below
 * 99.9 → 15 % of USD 85,000, cap 30 %, claims within 60 days; excluded time
 * leaves the measured period), November 2027 = 43,200 minutes in UTC.
 * 10:00–11:00 and 10:30–11:30 on 3 November overlap: 90 minutes down; the
 * 120 minutes of maintenance leave the period: 43,080 minutes measured.
 * (43,080 − 90) ÷ 43,080 = 99.7911 % → the 15 % tier: USD 12,750.00.
 * Allowed: 0.05 % of 43,080 = 21.54 minutes. Claims until 30 November + 60 days = 29 January 2028.
 */
const NOVEMBER = [
  'service,start,end,severity,excluded,reason',
  'core-api,2027-11-03T10:00:00Z,2027-11-03T11:00:00Z,P1,no,Gateway outage',
  'Core API,2027-11-03T10:30:00Z,2027-11-03T11:30:00Z,P2,no,"Slow recovery, retries"',
  'core-api,2027-11-07T07:00:00Z,2027-11-07T09:00:00Z,,yes,Scheduled maintenance',
  '',
].join('\n');

const NBSP = '\u00a0';

let draft: SlaDraft;
let report: MonthlyReport;
const sources: ReportSource[] = [{ fileName: 'november.csv', sha256: 'f'.repeat(64), form: 'incidents', rows: 3 }];

beforeAll(() => {
  const read = readDraftFile(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'presets', 'enterprise.sla.json'), 'utf8'));
  if (!read.ok) throw new Error('the enterprise preset does not read');
  draft = read.draft;
  const parsed = parseMonitoringCsv(draft, NOVEMBER);
  if (!parsed.ok) throw new Error('the November fixture does not parse');
  report = computeMonthlyReport(draft, parsed.data, '2027-11');
});

function source(
  language: 'en' | 'zh-CN' | 'bilingual',
  version: ReportVersion | null = null,
  agreement: Pick<SlaDraft, 'title' | 'parties'> = draft,
): ReportDocxSource {
  const content = (locale: 'en' | 'zh-CN') => buildReportContent({ draft: agreement, report, sources, locale, version });
  return language === 'bilingual' ? { language, en: content('en'), zh: content('zh-CN') } : { language, doc: content(language) };
}

interface ReadBack {
  pkg: DocxPackage;
  /** Every paragraph of the body, one per line. */
  body: string;
  /** The text of each table cell of the body. */
  cells: string[];
  headers: string;
  footers: string;
}

async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const pkg = await openPackage(bytes);
  const document = await pkg.xml('word/document.xml');
  const partsText = async (prefix: string) => {
    const names = pkg.names.filter((name) => name.startsWith(`word/${prefix}`) && name.endsWith('.xml'));
    const texts = await Promise.all(names.map(async (name) => wordText(await pkg.xml(name))));
    return texts.join('\n');
  };
  return {
    pkg,
    body: paragraphsOf(document)
      .map((paragraph) => paragraph.text)
      .join('\n'),
    cells: findAll(document, 'w:tc').map((cell) =>
      paragraphsOf(cell)
        .map((paragraph) => paragraph.text)
        .join('\n'),
    ),
    headers: await partsText('header'),
    footers: await partsText('footer'),
  };
}

/** The row of a data table that starts with this cell: its cells' texts. */
function rowStartingWith(doc: ReadBack, first: string): string[] {
  const index = doc.cells.findIndex((cell) => cell === first || cell.startsWith(`${first}\n`));
  expect(index, `a row starting with ${first}`).toBeGreaterThanOrEqual(0);
  return doc.cells.slice(index, index + 9);
}

function expectNoPlaceholders(text: string): void {
  expect(text).not.toContain('{{');
  expect(text).not.toContain('}}');
  // An untranslated key would show as its dotted name.
  expect(text).not.toMatch(/\breports\.[a-z]+\.[a-zA-Z]+/);
}

describe('the monthly report as .docx', () => {
  it('in English: the title, the parties, and the hand-computed numbers in English forms', async () => {
    const doc = await readBack(await renderReportDocx(source('en')));
    expect(doc.body.split('\n')[0]).toBe('Service Level Report — November 2027');
    expect(doc.body).toContain('Meridian Claims Data Platform Enterprise Service Level Agreement');
    expect(doc.cells).toContain(draft.parties.provider.legalName);
    expect(doc.cells).toContain(draft.parties.customer.legalName);

    // Metric, target, attainment, result, downtime, allowed, tier, credit %, amount.
    expect(rowStartingWith(doc, 'Core API Availability')).toEqual([
      'Core API Availability',
      `99.95${NBSP}% (24×7)`,
      `99.7911${NBSP}%`,
      'Missed',
      '90 min',
      '21.54 min',
      `less than 99.9${NBSP}%`,
      `15${NBSP}%`,
      'USD 12,750.00',
    ]);
    expect(rowStartingWith(doc, 'Web Console Availability').slice(2, 4)).toEqual([`100${NBSP}%`, 'Met']);
    // A metric incidents cannot measure says so briefly in the narrow column, and a note under the results says why.
    expect(rowStartingWith(doc, 'Core API Server Error Rate').slice(2, 4)).toEqual(['Not measured', '—']);
    // A custom metric's target carries its own unit, as the wizard shows it.
    // The custom unit's space after the number becomes a no-break space: it reads the same, and never ends a line.
    expect(rowStartingWith(doc, 'Export Jobs Completed on Time')[1]).toBe(`99${NBSP}% of jobs (24×7)`);
    expect(doc.body).toContain('Not measured: the monitoring data imported for this month');
    // The month's statement: fee, credit, cap, deadline.
    const fact = (label: string) => doc.cells[doc.cells.indexOf(label) + 1];
    expect(fact('Monthly fee')).toBe('USD 85,000.00');
    expect(fact('Service credit owed')).toBe('USD 12,750.00');
    expect(fact('Monthly cap')).toBe(`30${NBSP}%`);
    expect(fact('Claim deadline')).toBe('29 January 2028');
    // The incidents behind the downtime, each with its line in the file: the overlap counts 30 minutes, the maintenance none.
    expect(doc.cells.slice(doc.cells.indexOf('3'), doc.cells.indexOf('3') + 8)).toEqual([
      '3',
      '3 November 2027 10:30',
      '3 November 2027 11:30',
      '60 min',
      '30 min',
      'P2',
      'No',
      'Slow recovery, retries',
    ]);
    expect(doc.body).toContain('november.csv: Incidents, 3 rows, SHA-256 ' + 'f'.repeat(64));
    expectNoPlaceholders(`${doc.body}\n${doc.cells.join('\n')}\n${doc.headers}\n${doc.footers}`);
  });

  it('in Chinese: the same numbers in Chinese forms, set in the East Asian font', async () => {
    const doc = await readBack(await renderReportDocx(source('zh-CN')));
    expect(doc.body.split('\n')[0]).toBe('服务水平报告 — 2027年11月');
    // The metric is named in the draft's own Chinese text.
    const core = rowStartingWith(doc, '核心接口可用性');
    expect(core.slice(2)).toEqual(['99.7911%', '未达成', '90分钟', '21.54分钟', '低于99.9%', '15%', '12,750.00 美元']);
    const fact = (label: string) => doc.cells[doc.cells.indexOf(label) + 1];
    expect(fact('月度服务费')).toBe('85,000.00 美元');
    expect(fact('应给予的服务费减免')).toBe('12,750.00 美元');
    expect(fact('申请截止日')).toBe('2028年1月29日');
    // No English wording in a Chinese report (names from the draft aside).
    expect(doc.body).not.toMatch(/\b(Missed|Met|Claim deadline|Service credit)\b/);
    const styles = await doc.pkg.text('word/styles.xml');
    expect(styles).toMatch(/w:eastAsia="[^"]+"/);
    expectNoPlaceholders(`${doc.body}\n${doc.cells.join('\n')}\n${doc.headers}\n${doc.footers}`);
  });

  it('bilingual: English and Chinese in each cell of the tables, both titles, side-by-side text', async () => {
    const doc = await readBack(await renderReportDocx(source('bilingual')));
    expect(doc.body.split('\n').slice(0, 2)).toEqual(['Service Level Report — November 2027', '服务水平报告 — 2027年11月']);
    const core = rowStartingWith(doc, 'Core API Availability');
    expect(core[2]).toBe(`99.7911${NBSP}%\n99.7911%`);
    expect(core[3]).toBe('Missed\n未达成');
    expect(core[8]).toBe('USD 12,750.00\n12,750.00 美元');
    expect(doc.cells).toContain('Claim deadline\n申请截止日');
    expect(doc.cells).toContain('29 January 2028\n2028年1月29日');
    // The credit sentence in the two columns of a side-by-side row, English on the left.
    const english = doc.cells.findIndex((cell) => cell.startsWith('The service credit for this month is 15'));
    expect(english).toBeGreaterThanOrEqual(0);
    expect(doc.cells[english + 1]).toMatch(/^本月服务费减免为月度服务费 85,000\.00 美元 的 15%/);
    expect(doc.headers).toContain('Service Level Report — November 2027 / 服务水平报告 — 2027年11月');
    expectNoPlaceholders(`${doc.body}\n${doc.cells.join('\n')}\n${doc.headers}\n${doc.footers}`);
  });

  it('numbers its pages with PAGE and NUMPAGES fields in the footer, and names the version the report is on', async () => {
    const version: ReportVersion = { label: 'v3 — Signed', sha256: '0123abcd'.repeat(8) };
    const bytes = await renderReportDocx(source('en', version));
    const doc = await readBack(bytes);
    const footerXml = (await Promise.all(doc.pkg.names.filter((name) => /^word\/footer\d*\.xml$/.test(name)).map((name) => doc.pkg.text(name)))).join('');
    expect(footerXml).toMatch(/<w:fldChar w:fldCharType="begin"\/>.*PAGE.*NUMPAGES/s);
    expect(doc.footers).toContain('Page');
    expect(doc.footers).toContain('Meridian Claims Data Platform Enterprise Service Level Agreement · v3 — Signed · SHA-256 0123abcd');
    expect(doc.cells[doc.cells.indexOf('Agreement version') + 1]).toBe('v3 — Signed · SHA-256 0123abcd');
    // The running header starts on page 2: the first page has the title block instead.
    const settings = await doc.pkg.text('word/document.xml');
    expect(settings).toContain('<w:titlePg/>');
    const core = await doc.pkg.text('docProps/core.xml');
    expect(core).toContain('<dc:title>Service Level Report — November 2027</dc:title>');
    expect(core).toContain(`<dc:creator>${draft.parties.provider.legalName}</dc:creator>`);
  });

  it('keeps the file well-formed whatever the draft’s names hold', async () => {
    const awkward = structuredClone(draft);
    awkward.title = localized('Acme <SLA> & "Co" \u0001\uFFFE', '云平台 <SLA> & "Co" \u0001\uFFFE');
    awkward.parties.provider.legalName = '';
    const doc = await readBack(await renderReportDocx(source('bilingual', null, awkward)));
    expect(doc.body).toContain('Acme <SLA> & "Co"');
    // A party still to be named shows as a dash, as on screen.
    expect(doc.cells).toContain('—');
    const core = await doc.pkg.text('docProps/core.xml');
    expect(core).toContain('<dc:creator>SLA Studio</dc:creator>');
  });

  it('refuses English and Chinese reports that do not line up, rather than pairing the wrong blocks', async () => {
    const en = buildReportContent({ draft, report, sources, locale: 'en' });
    const zh = buildReportContent({ draft, report, sources, locale: 'zh-CN' });
    await expect(renderReportDocx({ language: 'bilingual', en, zh: { ...zh, blocks: zh.blocks.slice(1) } })).rejects.toThrow(MisalignedReportError);
  });
});

/** A section of the body as Word lays it out: its page, its header and footer references, and the text set in it. */
interface ReadSection {
  width: number;
  height: number;
  orientation: string | undefined;
  headers: string[];
  footers: string[];
  text: string;
  /** Widest count of cells in one row of its tables. */
  widestTable: number;
}

/** A section ends with the paragraph whose properties hold a w:sectPr, the last one with the body's own w:sectPr. */
function sectionsOf(document: XmlElement): ReadSection[] {
  const body = find(document, 'w:body')!;
  const sections: ReadSection[] = [];
  let text: string[] = [];
  let widestTable = 0;
  const close = (properties: XmlElement) => {
    const size = find(properties, 'w:pgSz')!;
    const references = (name: string) => findAll(properties, name).map((reference) => reference.attrs['w:type']!);
    sections.push({
      width: Number(size.attrs['w:w']),
      height: Number(size.attrs['w:h']),
      orientation: size.attrs['w:orient'],
      headers: references('w:headerReference'),
      footers: references('w:footerReference'),
      text: text.join('\n'),
      widestTable,
    });
    text = [];
    widestTable = 0;
  };
  for (const child of elements(body)) {
    if (child.name === 'w:sectPr') {
      close(child);
      continue;
    }
    text.push(wordText(child));
    if (child.name === 'w:tbl') widestTable = Math.max(widestTable, ...findAll(child, 'w:tr').map((row) => findAll(row, 'w:tc', false).length));
    const ending = child.name === 'w:p' ? find(child, 'w:sectPr') : undefined;
    if (ending) close(ending);
  }
  return sections;
}

describe('the results on landscape pages', () => {
  for (const language of ['en', 'zh-CN', 'bilingual'] as const) {
    it(`${language}: the results table of every service has the same columns, so the tables line up down the pages`, async () => {
      const doc = await readBack(await renderReportDocx(source(language)));
      const body = find(await doc.pkg.xml('word/document.xml'), 'w:body')!;
      const grids = elements(body)
        .filter((child) => child.name === 'w:tbl')
        .map((table) => findAll(find(table, 'w:tblGrid')!, 'w:gridCol').map((column) => Number(column.attrs['w:w'])))
        .filter((grid) => grid.length === 9);
      // One results table per service of the enterprise preset: the services differ in what their cells hold.
      expect(grids.length).toBe(draft.services.length);
      for (const grid of grids) expect(grid).toEqual(grids[0]);
    });
  }

  for (const language of ['en', 'zh-CN', 'bilingual'] as const) {
    it(`${language}: the results and incidents tables are set across an A4 landscape page, with the data sources after them`, async () => {
      const doc = await readBack(await renderReportDocx(source(language)));
      const sections = sectionsOf(await doc.pkg.xml('word/document.xml'));
      expect(sections.map((section) => section.orientation)).toEqual(['portrait', 'landscape']);
      const [opening, results] = sections as [ReadSection, ReadSection];
      // The landscape page is the same A4 sheet turned: wider than high, where the first is higher than wide.
      expect([results.width, results.height]).toEqual([opening.height, opening.width]);
      expect(opening.height).toBeGreaterThan(opening.width);

      const [results1, incidents, sources] =
        language === 'zh-CN' ? ['各服务及指标的结果', '故障明细', '监控数据'] : ['Results by service and metric', 'Incidents', 'Monitoring data'];
      // Summary, facts and credit statement in portrait; the nine-column results, the incidents and the short list of sources turned.
      expect(opening.text).not.toContain(results1);
      expect(opening.widestTable).toBeLessThan(6);
      expect(results.text).toContain(results1);
      expect(results.text).toContain(incidents);
      expect(results.text).toContain(language === 'zh-CN' ? '核心接口可用性' : 'Core API Availability');
      expect(results.widestTable).toBe(9);
      // No upright page of its own for the few lines naming the data: they close the turned part.
      expect(results.text).toContain(sources);
      expect(results.text).toContain('november.csv');
      expect(results.text.lastIndexOf(sources)).toBeGreaterThan(results.text.indexOf(incidents));

      // Only the first page goes without the running header; every page has the "Page X of Y" footer.
      expect(opening.headers.sort()).toEqual(['default', 'first']);
      expect(opening.footers.sort()).toEqual(['default', 'first']);
      expect(results.headers).toEqual(['default']);
      expect(results.footers).toEqual(['default']);
      const footerXml = (await Promise.all(doc.pkg.names.filter((name) => /^word\/footer\d*\.xml$/.test(name)).map((name) => doc.pkg.text(name)))).join('');
      expect(footerXml.match(/NUMPAGES/g)?.length ?? 0).toBeGreaterThanOrEqual(3 * (language === 'bilingual' ? 2 : 1));
      // The footer's "Page X of Y" is pushed to the right margin of its own page: a tab stop at each width between the margins.
      const tabStops = new Set([...footerXml.matchAll(/<w:tab w:val="right" w:pos="(\d+)"\/>/g)].map((match) => Number(match[1])));
      const margins = language === 'bilingual' ? 2 * 1_134 : 2 * 1_418;
      expect(tabStops).toEqual(new Set([opening.width - margins, results.width - margins]));
    });
  }

  it('joins a number to its unit in the columns that may wrap, so "99.95 %" or "300 毫秒" never ends a line between them', async () => {
    const zh = await readBack(await renderReportDocx(source('zh-CN')));
    // The target's coverage in Chinese: "99.95%（7×24小时）", the hours joined to their number as the contract writes them.
    expect(rowStartingWith(zh, '核心接口可用性')[1]).toBe('99.95%（7×24小时）');
    expect(rowStartingWith(zh, '核心接口响应时间（P95）')[1]).toBe(`300${NBSP}毫秒（7×24小时）`);
    const en = await readBack(await renderReportDocx(source('en')));
    expect(rowStartingWith(en, 'Recovery Point Objective')[1]).toBe(`15${NBSP}minutes (24×7)`);
    expect(rowStartingWith(en, 'Core API Response Time (95th percentile)')[1]).toBe(`300${NBSP}ms (24×7)`);
    // No cell of a wrapping column in any language still has an ordinary space between a number and its unit.
    const both = await readBack(await renderReportDocx(source('bilingual')));
    const english = ['Core API Availability', 'Core API Response Time (95th percentile)', 'Recovery Point Objective', 'Export Jobs Completed on Time'];
    const chinese = ['核心接口可用性', '核心接口响应时间（P95）', '恢复点目标（RPO）', '导出任务按时完成率'];
    for (const [doc, metrics] of [
      [zh, chinese],
      [en, english],
      [both, english],
    ] as const) {
      for (const first of metrics) {
        const row = rowStartingWith(doc, first);
        for (const column of [0, 1, 3, 6]) expect(row[column]).not.toMatch(/\d (?:%|ms|min|minutes|hours|毫秒|分钟|小时)(?![A-Za-z])/);
      }
    }
  });

  it('joins numbers only to units, not to what merely follows a number', () => {
    expect(joinNumberAndUnit('99.95 % (24×7)')).toBe(`99.95${NBSP}% (24×7)`);
    expect(joinNumberAndUnit('7×24 小时, 4 hours, 5 s, 1 min')).toBe(`7×24${NBSP}小时, 4${NBSP}hours, 5${NBSP}s, 1${NBSP}min`);
    expect(joinNumberAndUnit('3 November 2027 10:30')).toBe('3 November 2027 10:30');
    expect(joinNumberAndUnit('took 45 minutes; 5 slots, 2 mins? no: 2 minutes')).toBe(`took 45${NBSP}minutes; 5 slots, 2 mins? no: 2${NBSP}minutes`);
    expect(joinNumberAndUnit('低于 99.9%')).toBe('低于 99.9%');
  });
});
