/**
 * MonthlyReport → ReportDocument: the monthly service level report as a
 * neutral tree in one language, with every word translated and every
 * number formatted — the credit statement a provider hands the customer.
 *
 * One document, several views: the command line prints it as text
 * (reportDocumentLines below), src-main/docx/report-docx.ts writes it as
 * .docx in the style of the contract, and the Reports screen words its
 * table with the same helpers (metricName, tierCondition, formatMinutes).
 * Its blocks are the contract's own Paragraph, Table and ListBlock
 * (src-shared/contract/doc.ts), plus a heading and a list of label/value
 * facts, so that writer can reuse the contract's table and paragraph
 * rendering. A writer decides only how things look, never what they say.
 */
import type { TFunction } from 'i18next';
import type { ListBlock, Paragraph, Run, Table, TableRow } from '../contract/doc';
import { formatDate, formatDateTime, formatDurationMinutes, formatLevel, formatMoney, formatMonth, formatNumber, formatPercent } from '../format';
import { translatorFor, type Locale } from '../i18n';
import { displayText } from '../model/localized';
import { partyNameZh, type Party, type SlaDraft } from '../model/schema';
import { shortHash } from '../model/version';
import type { MonthSpan } from './data';
import type { MetricMonthReport, MonthlyReport } from './report';

export interface ReportHeading {
  kind: 'heading';
  /** 1: the title; 2: a part (results, incidents, sources); 3: a service. */
  level: 1 | 2 | 3;
  text: string;
}

/** Label and value pairs ("Claim deadline: 30 December 2027"), as a two-column table or a list. */
export interface ReportFacts {
  kind: 'facts';
  items: Array<{ id: string; label: string; value: string }>;
}

export type ReportBlock = ReportHeading | ReportFacts | Paragraph | Table | ListBlock;

export interface ReportDocument {
  language: Locale;
  /** "Service level report — October 2027": the document title and page header. */
  title: string;
  /** The agreement's title, under the report title. */
  subtitle: string;
  month: string;
  /** The agreement and its version, for the page footer. */
  footer: string;
  /** "Page {page} of {pages}": the page numbers in the footer, each placeholder a field. */
  pageOf: string;
  /** The parties' names as the draft gives them (possibly empty), for the file's properties. */
  provider: string;
  customer: string;
  blocks: ReportBlock[];
}

/** What the report was computed from: each monitoring file, identified by its hash. */
export interface ReportSource {
  fileName: string;
  sha256: string;
  form: 'incidents' | 'probes';
  rows: number;
  importedAt?: string;
}

/** The saved version the report is on: one whose content is exactly the working copy the numbers come from. */
export interface ReportVersion {
  /** "v3 — Signed", in the report's language. */
  label: string;
  sha256: string;
}

export interface ReportDocumentInput {
  draft: Pick<SlaDraft, 'title' | 'parties'>;
  report: MonthlyReport;
  sources: ReportSource[];
  locale: Locale;
  version?: ReportVersion | null;
}

function text(value: string, bold = false): Run[] {
  return [bold ? { text: value, bold: true } : { text: value }];
}

function tableOf(widths: number[], align: Table['align'], header: string[], rows: Array<{ id?: string; cells: string[] }>): Table {
  return {
    kind: 'table',
    tableKind: 'generic',
    widths,
    align,
    header: [{ cells: header.map((cell) => ({ runs: text(cell, true) })) }],
    rows: rows.map((row): TableRow => ({ ...(row.id ? { id: row.id } : {}), cells: row.cells.map((cell) => ({ runs: text(cell) })) })),
  };
}

export interface MetricText {
  name: string;
  objective: string;
  attainment: string;
  result: string;
  downtime: string;
  allowed: string;
  tier: string;
  creditPercent: string;
  amount: string;
}

/** The metric as the draft names it, or by its kind ("Availability", "P95 latency") when it has no name. */
export function metricName(t: TFunction, locale: Locale, row: Pick<MetricMonthReport, 'metricName' | 'kind' | 'percentile'>): string {
  const name = displayText(row.metricName, locale);
  if (name.trim() !== '') return name;
  if (row.kind === 'latency' && row.percentile !== null) return t('fields.metric.latencyName', { percentile: row.percentile });
  return t(`enums.metricKind.${row.kind}`);
}

/** Downtime minutes as the report shows them: whole minutes plainly, parts of a minute to two decimals. */
export function formatMinutes(t: TFunction, locale: Locale, minutes: number): string {
  return t('reports.values.minutes', { minutes: formatNumber(minutes, locale, 2) });
}

/**
 * The metric's target: its objective, or for a support metric the severity
 * table's times ("P1: 15 minutes (24×7); P2: 1 hour (24×7)…"), after the
 * share of each level's incidents that must meet them when the contract
 * states one ("At least 95 % of each level's incidents in the month: P1: …").
 */
export function objectiveText(t: TFunction, locale: Locale, row: MetricMonthReport): string {
  if (row.severityTargets && row.severityTargets.length > 0) {
    const times = row.severityTargets
      .map((target) =>
        t('reports.values.severityTarget', {
          level: target.level,
          duration: formatDurationMinutes(target.minutes, locale),
          coverage: t(`enums.coverage.${target.coverage}`),
        }),
      )
      .join(t('reports.values.severitySeparator'));
    if (row.severityAttainmentPercent === null) return times;
    return t('reports.values.severityShare', { percent: formatPercent(row.severityAttainmentPercent, locale), times });
  }
  if (row.objective === null) return t('reports.values.noObjective');
  const level = formatLevel(row.objective, row.unit, locale, t, { customUnit: row.customUnit ? displayText(row.customUnit, locale) : null });
  return t('reports.values.objective', { level, coverage: t(`enums.coverage.${row.coverage}`) });
}

/** A span of months: "October 2027" or "October 2027 – December 2027". */
export function monthSpanText(t: TFunction, locale: Locale, span: MonthSpan): string {
  if (span.from === span.to) return formatMonth(span.from, locale);
  return t('reports.values.monthSpan', { from: formatMonth(span.from, locale), to: formatMonth(span.to, locale) });
}

/**
 * Why a month has nothing to report (before the term, or no data covers
 * it), or that it lies after the term the draft states; null for a month
 * of the term with data.
 */
export function monthStatusText(t: TFunction, locale: Locale, report: MonthlyReport): string | null {
  const month = formatMonth(report.month, locale);
  switch (report.monthStatus) {
    case 'reported':
      return null;
    case 'beforeTerm':
      return t('reports.monthStatus.beforeTerm', { month, start: formatMonth(report.term.from, locale) });
    case 'afterTerm':
      return t('reports.monthStatus.afterTerm', { month, end: formatMonth(report.term.to, locale) });
    case 'noData':
      return report.dataPeriods.length === 0
        ? t('reports.monthStatus.noImports', { month })
        : t('reports.monthStatus.noData', {
            month,
            periods: report.dataPeriods.map((span) => monthSpanText(t, locale, span)).join(t('reports.month.listSeparator')),
          });
  }
}

/** The credits not added to the month's, each with the credit of its service that applies instead. */
export function creditsNotAddedTexts(t: TFunction, locale: Locale, report: MonthlyReport): string[] {
  const rows = new Map(report.services.flatMap((service) => service.metrics).map((row) => [row.metricId, row]));
  return report.creditsNotAdded.map((entry) => {
    const row = rows.get(entry.metricId)!;
    const applied = rows.get(entry.appliedMetricId)!;
    return t('reports.notAdded.item', {
      service: row.serviceName,
      metric: metricName(t, locale, row),
      percent: formatPercent(entry.creditPercent, locale),
      applied: metricName(t, locale, applied),
      appliedPercent: formatPercent(entry.appliedPercent, locale),
    });
  });
}

/** Metrics measured from other data than the contract names, each saying so. */
export function sourceDiffersTexts(t: TFunction, locale: Locale, report: MonthlyReport): string[] {
  return report.services
    .flatMap((service) => service.metrics)
    .filter((row) => row.sourceDiffers)
    .map((row) =>
      t('reports.sourceDiffers.item', {
        service: row.serviceName,
        metric: metricName(t, locale, row),
        samples: formatNumber(row.samples ?? 0, locale),
        count: row.samples ?? 0,
        source: row.contractSource,
      }),
    );
}

/** "2 of 3 consecutive months missed" and "2 of 3 months missed in twelve", against the draft's rule. */
export function chronicTexts(t: TFunction, report: MonthlyReport, row: MetricMonthReport): { consecutive: string; inTwelve: string; status: string } | null {
  if (!report.chronicFailure || !row.chronic) return null;
  return {
    consecutive: t('reports.chronic.consecutive', { missed: row.chronic.consecutiveMissed, limit: report.chronicFailure.consecutiveMonths }),
    inTwelve: t('reports.chronic.inTwelve', { missed: row.chronic.missedInTwelve, limit: report.chronicFailure.monthsInTwelve }),
    status: row.chronic.chronicFailure ? t('reports.chronic.reached') : t('reports.chronic.notReached'),
  };
}

/** One metric's line of the statement, as words. */
export function metricText(t: TFunction, locale: Locale, report: MonthlyReport, row: MetricMonthReport): MetricText {
  const dash = t('reports.values.none');
  const measured = row.status === 'measured' && row.attainment !== null;
  const level = (value: number) => formatLevel(value, row.unit, locale, t, { customUnit: row.customUnit ? displayText(row.customUnit, locale) : null });
  return {
    name: metricName(t, locale, row),
    objective: objectiveText(t, locale, row),
    // Short in the statement's narrow column; a note under the results says what it means.
    attainment: measured ? level(row.attainment!) : row.status === 'noData' ? t('reports.status.noData') : t('reports.status.notMeasuredShort'),
    result: row.met === true ? t('reports.result.met') : row.met === false ? t('reports.result.missed') : dash,
    downtime: row.downtimeMinutes !== null ? formatMinutes(t, locale, row.downtimeMinutes) : dash,
    allowed: row.allowedDowntimeMinutes !== null ? formatMinutes(t, locale, row.allowedDowntimeMinutes) : dash,
    tier: row.credit?.threshold != null ? tierCondition(t, locale, report.boundary, row, row.credit.threshold) : row.credit ? t('reports.values.noTier') : dash,
    creditPercent: row.credit ? formatPercent(row.credit.creditPercent, locale) : dash,
    amount: creditAmountText(t, locale, report, row),
  };
}

/** The amount a metric's credit adds: the amount, or "Not added" when its service has a higher credit this month. */
export function creditAmountText(t: TFunction, locale: Locale, report: MonthlyReport, row: MetricMonthReport): string {
  if (!row.credit) return t('reports.values.none');
  if (row.credit.appliedInstead) return t('reports.values.notAdded');
  return formatMoney(row.credit.amount, report.currency, locale);
}

/**
 * "less than 99.5 %", "more than 300 ms", "99.5 % or less": the metric's
 * credit tier in the contract's own words (the tierCondition phrase of
 * templates/standard-saas/phrases.yaml), turned for a metric where lower
 * is better.
 */
export function tierCondition(
  t: TFunction,
  locale: Locale,
  boundary: MonthlyReport['boundary'],
  row: Pick<MetricMonthReport, 'unit' | 'customUnit' | 'higherIsBetter'>,
  threshold: number,
): string {
  const wording = boundary === 'below' ? (row.higherIsBetter ? 'below' : 'above') : row.higherIsBetter ? 'atOrBelow' : 'atOrAbove';
  return t(`reports.tierCondition.${wording}`, {
    threshold: formatLevel(threshold, row.unit, locale, t, { customUnit: row.customUnit ? displayText(row.customUnit, locale) : null }),
  });
}

/** The month's credit in one sentence, saying when the cap cut it. */
export function creditSentence(t: TFunction, locale: Locale, report: MonthlyReport): string {
  const { credit } = report;
  const amount = formatMoney(credit.amount, report.currency, locale);
  const fee = formatMoney(report.monthlyFee, report.currency, locale);
  if (credit.totalPercent === 0) return t('reports.credit.none');
  if (credit.capped) {
    return t('reports.credit.capped', {
      total: formatPercent(credit.totalPercent, locale),
      cap: formatPercent(report.capPercent ?? credit.cappedPercent, locale),
      amount,
      fee,
    });
  }
  return t('reports.credit.owed', { percent: formatPercent(credit.cappedPercent, locale), amount, fee });
}

/** "All 2 measured targets were met", "1 of 3 measured targets missed": a service's (or the month's) outcome. */
export function outcomeText(t: TFunction, rows: readonly MetricMonthReport[]): string {
  const measured = rows.filter((row) => row.met !== null);
  const missed = measured.filter((row) => row.met === false).length;
  if (measured.length === 0) return t('reports.summary.nothingMeasured');
  if (missed > 0) return t('reports.summary.missed', { count: missed, total: measured.length });
  return t('reports.summary.allMet', { count: measured.length });
}

/** The version's footer and facts form: "v3 — Signed · SHA-256 0123abcd". */
export function versionText(t: TFunction, version: ReportVersion): string {
  return t('reports.document.versionValue', { label: version.label, hash: shortHash(version.sha256) });
}

export function buildReportDocument({ draft, report, sources, locale, version = null }: ReportDocumentInput): ReportDocument {
  const t = translatorFor(locale);
  const monthText = formatMonth(report.month, locale);
  const dash = t('reports.values.none');
  const blocks: ReportBlock[] = [];
  const rows = report.services.flatMap((service) => service.metrics);
  // A party is named as the contract names it in this language.
  const partyName = (party: Pick<Party, 'legalName' | 'legalNameZh'>) => (locale === 'zh-CN' ? partyNameZh(party) : party.legalName);
  const measuredZones = [...new Set(rows.map((row) => row.timeZone))];

  // What the report is about: the agreement (its title is the subtitle), its parties and version, the period.
  blocks.push({
    kind: 'facts',
    items: [
      { id: 'provider', label: t('reports.document.provider'), value: partyName(draft.parties.provider) || dash },
      { id: 'customer', label: t('reports.document.customer'), value: partyName(draft.parties.customer) || dash },
      ...(version ? [{ id: 'version', label: t('reports.document.version'), value: versionText(t, version) }] : []),
      {
        id: 'period',
        label: t('reports.document.period'),
        value: t('reports.document.periodValue', { month: monthText, zones: measuredZones.join(', ') || 'UTC' }),
      },
    ],
  });

  const status = monthStatusText(t, locale, report);
  if (status) blocks.push({ kind: 'paragraph', runs: text(status, true) });

  blocks.push({ kind: 'heading', level: 2, text: t('reports.document.summary') });
  // Where the fee is split by service, each service's credit is a share of its own fee, shown beside it.
  const feeColumn = report.feeSplit;
  blocks.push(
    tableOf(
      feeColumn ? [5, 5, 3, 3] : [5, 5, 3],
      feeColumn ? ['left', 'left', 'right', 'right'] : ['left', 'left', 'right'],
      [
        t('reports.document.serviceColumn'),
        t('reports.summary.outcome'),
        ...(feeColumn ? [t('reports.document.serviceFee')] : []),
        t(feeColumn ? 'reports.document.creditOfServiceFee' : 'reports.document.creditBeforeCap'),
      ],
      report.services.map((service) => {
        // The service's credit: the one of its metrics that is added (serviceLevelCredits).
        const credited = service.metrics.filter((row) => row.credit !== null);
        const percent = credited.find((row) => row.credit!.added)?.credit!.creditPercent ?? 0;
        return {
          id: service.serviceId,
          cells: [
            displayText(service.serviceName, locale) || dash,
            outcomeText(t, service.metrics),
            ...(feeColumn ? [formatMoney(service.fee, report.currency, locale)] : []),
            credited.length > 0 ? formatPercent(percent, locale) : dash,
          ],
        };
      }),
    ),
  );
  blocks.push({
    kind: 'facts',
    items: [
      { id: 'monthlyFee', label: t('reports.document.monthlyFee'), value: formatMoney(report.monthlyFee, report.currency, locale) },
      { id: 'creditBeforeCap', label: t('reports.document.creditBeforeCap'), value: formatPercent(report.credit.totalPercent, locale) },
      {
        id: 'cap',
        label: t('reports.document.cap'),
        value: report.capPercent === null ? t('reports.values.uncapped') : formatPercent(report.capPercent, locale),
      },
      { id: 'credit', label: t('reports.document.credit'), value: formatMoney(report.credit.amount, report.currency, locale) },
      { id: 'claimDeadline', label: t('reports.document.claimDeadline'), value: formatDate(report.claimDeadline, locale) },
    ],
  });
  blocks.push({ kind: 'paragraph', runs: text(creditSentence(t, locale, report)) });
  blocks.push({
    kind: 'paragraph',
    runs: text(t('reports.document.claimNote', { date: formatDate(report.claimDeadline, locale), days: report.claimWindowDays })),
  });

  blocks.push({ kind: 'heading', level: 2, text: t('reports.document.results') });
  for (const service of report.services) {
    blocks.push({ kind: 'heading', level: 3, text: displayText(service.serviceName, locale) || dash });
    blocks.push(
      tableOf(
        [4, 5, 3, 3, 2, 2, 3, 2, 2],
        ['left', 'left', 'right', 'left', 'right', 'right', 'left', 'right', 'right'],
        [
          t('reports.columns.metric'),
          t('reports.columns.objective'),
          t('reports.columns.attainment'),
          t('reports.columns.result'),
          t('reports.columns.downtime'),
          t('reports.columns.allowed'),
          t('reports.columns.tier'),
          t('reports.columns.creditPercent'),
          t('reports.columns.amount'),
        ],
        service.metrics.map((row) => {
          const words = metricText(t, locale, report, row);
          return {
            id: row.metricId,
            cells: [words.name, words.objective, words.attainment, words.result, words.downtime, words.allowed, words.tier, words.creditPercent, words.amount],
          };
        }),
      ),
    );
  }

  if (rows.some((row) => row.status === 'notMeasured')) blocks.push({ kind: 'paragraph', runs: text(t('reports.document.notMeasuredNote')) });
  for (const note of sourceDiffersTexts(t, locale, report)) blocks.push({ kind: 'paragraph', runs: text(note, true) });

  const notAdded = creditsNotAddedTexts(t, locale, report);
  if (notAdded.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: t('reports.notAdded.heading') });
    blocks.push({ kind: 'paragraph', runs: text(t('reports.notAdded.rule')) });
    blocks.push({ kind: 'list', style: 'bullet', items: notAdded.map((item) => text(item)) });
  }

  if (report.chronicFailure && report.monthStatus === 'reported') {
    blocks.push({ kind: 'heading', level: 2, text: t('reports.chronic.heading') });
    blocks.push({
      kind: 'paragraph',
      runs: text(
        t('reports.chronic.rule', {
          consecutive: report.chronicFailure.consecutiveMonths,
          inTwelve: report.chronicFailure.monthsInTwelve,
        }),
      ),
    });
    const missedRows = rows.filter((row) => row.chronic !== null && row.chronic.missedInTwelve > 0);
    if (missedRows.length === 0) {
      blocks.push({ kind: 'paragraph', runs: text(t('reports.chronic.none', { month: monthText })) });
    } else {
      blocks.push(
        tableOf(
          [3, 4, 4, 4, 3],
          ['left', 'left', 'left', 'left', 'left'],
          [
            t('reports.document.serviceColumn'),
            t('reports.columns.metric'),
            t('reports.chronic.consecutiveColumn'),
            t('reports.chronic.inTwelveColumn'),
            t('reports.chronic.statusColumn'),
          ],
          missedRows.map((row) => {
            const words = chronicTexts(t, report, row)!;
            return {
              id: row.metricId,
              cells: [displayText(row.serviceName, locale) || dash, metricName(t, locale, row), words.consecutive, words.inTwelve, words.status],
            };
          }),
        ),
      );
    }
  }

  const withIncidents = rows.filter((row) => row.incidents.length > 0);
  if (withIncidents.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: t('reports.document.incidents') });
    for (const row of withIncidents) {
      blocks.push({
        kind: 'paragraph',
        runs: text(t('reports.document.incidentsOf', { service: row.serviceName, metric: metricText(t, locale, report, row).name, zone: row.timeZone }), true),
      });
      blocks.push(
        tableOf(
          [1, 4, 4, 2, 2, 2, 2, 4],
          ['right', 'left', 'left', 'right', 'right', 'left', 'left', 'left'],
          [
            t('reports.incidents.line'),
            t('reports.incidents.from'),
            t('reports.incidents.to'),
            t('reports.incidents.minutes'),
            t('reports.incidents.downtime'),
            t('reports.incidents.severity'),
            t('reports.incidents.excluded'),
            t('reports.incidents.reason'),
          ],
          row.incidents.map((incident) => ({
            cells: [
              String(incident.line),
              formatDateTime(incident.from, locale, row.timeZone),
              formatDateTime(incident.to, locale, row.timeZone),
              formatMinutes(t, locale, incident.minutes),
              formatMinutes(t, locale, incident.downtimeMinutes),
              incident.severity ?? dash,
              incident.excluded ? t('reports.incidents.yes') : t('reports.incidents.no'),
              incident.reason || dash,
            ],
          })),
        ),
      );
    }
  }

  blocks.push({ kind: 'heading', level: 2, text: t('reports.document.sources') });
  blocks.push({
    kind: 'list',
    style: 'bullet',
    items:
      sources.length > 0
        ? sources.map((source) =>
            text(
              t('reports.document.source', {
                fileName: source.fileName,
                form: t(`reports.form.${source.form}`),
                rows: formatNumber(source.rows, locale),
                sha256: source.sha256,
              }),
            ),
          )
        : [text(t('reports.document.noSources'))],
  });
  for (const warning of report.warnings) blocks.push({ kind: 'paragraph', runs: text(t(warning.key, warning.params), true) });

  const agreement = displayText(draft.title, locale);
  return {
    language: locale,
    title: t('reports.document.title', { month: monthText }),
    subtitle: agreement,
    month: report.month,
    footer: version ? t('reports.document.footer', { agreement, version: versionText(t, version) }) : agreement,
    pageOf: t('reports.document.pageOf'),
    provider: partyName(draft.parties.provider),
    customer: partyName(draft.parties.customer),
    blocks,
  };
}

// ── As text, for the terminal ───────────────────────────────────────────────

/** Columns a character takes in a terminal: two for East Asian wide characters. */
export function displayWidth(value: string): number {
  let width = 0;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1faff) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(value: string, width: number, align: 'left' | 'center' | 'right'): string {
  const room = Math.max(0, width - displayWidth(value));
  return align === 'right' ? ' '.repeat(room) + value : value + ' '.repeat(room);
}

/** A table as aligned text columns, the header underlined. Line breaks in a cell become spaces. */
export function tableLines(header: string[], rows: string[][], align: Array<'left' | 'center' | 'right'>): string[] {
  const flat = (cell: string) => cell.replace(/\s*\n\s*/g, ' ');
  const all = [header, ...rows].map((row) => row.map(flat));
  const widths = header.map((_, column) => Math.max(...all.map((row) => displayWidth(row[column] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell, column) => pad(cell, widths[column]!, align[column] ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(all[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...all.slice(1).map(line)];
}

const runsText = (runs: Run[]) => runs.map((run) => run.text).join('');

/** The document as lines of text: what `sla report` prints. */
export function reportDocumentLines(doc: ReportDocument): string[] {
  const lines: string[] = [doc.title, '='.repeat(displayWidth(doc.title)), doc.subtitle];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        lines.push('', block.text);
        if (block.level === 2) lines.push('-'.repeat(displayWidth(block.text)));
        break;
      case 'facts': {
        const width = Math.max(...block.items.map((item) => displayWidth(item.label)));
        lines.push('');
        for (const item of block.items) lines.push(`${pad(item.label, width, 'left')}  ${item.value}`);
        break;
      }
      case 'paragraph':
        lines.push('', runsText(block.runs));
        break;
      case 'list':
        lines.push('', ...block.items.map((item) => `- ${runsText(item)}`));
        break;
      case 'table':
        lines.push(
          '',
          ...tableLines(
            block.header[0]!.cells.map((cell) => runsText(cell.runs)),
            block.rows.map((row) => row.cells.map((cell) => runsText(cell.runs))),
            block.align,
          ),
        );
        break;
    }
  }
  return lines;
}
