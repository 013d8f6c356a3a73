/** `downtime PERCENT [--json] [--lang en|zh-CN]`: the budget table of an availability target, round the clock. */
import { formatDurationSeconds, formatNumber, formatPercent } from '../../../src-shared/format';
import { LOCALES } from '../../../src-shared/i18n';
import { downtimeBudget } from '../../../src-shared/math/downtime';
import { tableLines } from '../../../src-shared/monitoring/report-document';
import { invalidLang, parsed, usage, type CliCommand } from '../command';
import { EXIT } from '../exit-codes';
import { linesOf } from '../output';

/** "99.9", "99.9%", " 99.95 % ": a percentage from 0 to 100, or null. */
export function parsePercent(value: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*%?\s*$/.exec(value);
  if (!match) return null;
  const percent = Number(match[1]);
  return Number.isFinite(percent) && percent >= 0 && percent <= 100 ? percent : null;
}

export const downtimeCommand: CliCommand<{ percent: number; json: boolean }> = {
  name: 'downtime',
  options: { lang: { type: 'string' }, json: { type: 'boolean' } },
  languages: LOCALES,
  invalidLanguageKey: invalidLang,
  langIsDocumentLanguage: false,
  usageKey: 'reports.cli.usage',
  parse: ({ positionals: [first, extra], flags }) => {
    if (first === undefined) return usage('reports.cli.missingPercent');
    if (extra !== undefined) return usage('cli.unexpectedArgument', { argument: extra });
    const percent = parsePercent(first);
    if (percent === null) return usage('reports.cli.invalidPercent', { value: first });
    return parsed({ percent, json: flags.json === true });
  },
  run: async ({ percent, json }, { t, locale }) => {
    const budget = downtimeBudget(percent);
    if (json) {
      const periods = budget.map((row) => ({ period: row.period, coveredSeconds: row.coveredSeconds, allowedSeconds: row.allowedSeconds }));
      return { code: EXIT.ok, stdout: linesOf(JSON.stringify({ target: percent, coverage: '24x7', periods }, null, 2)), stderr: [] };
    }
    const table = tableLines(
      [t('calculator.columns.period'), t('calculator.columns.length'), t('calculator.columns.allowed'), t('calculator.columns.allowedSeconds')],
      budget.map((row) => [
        t(`calculator.periods.${row.period}`),
        formatDurationSeconds(row.coveredSeconds, locale, { style: 'short' }),
        formatDurationSeconds(row.allowedSeconds, locale, { style: 'short' }),
        formatNumber(row.allowedSeconds, locale, 3),
      ]),
      ['left', 'right', 'right', 'right'],
    );
    return {
      code: EXIT.ok,
      stdout: [t('reports.cli.downtimeTitle', { target: formatPercent(percent, locale) }), '', ...table, '', t('calculator.yearNote')],
      stderr: [],
    };
  },
};
