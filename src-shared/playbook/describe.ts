/**
 * Findings and market positions in words, in one locale: "Availability
 * target (Core API) of 99.99 % is above the playbook's limit of 99.95 %",
 * "Claim window: 7 days; market range 15–60 days (below the market)".
 * Values read as the wizard and the contract show them (src-shared/format).
 */
import { formatDurationMinutes, formatLevel, formatMonth, formatNumber, formatPercent } from '../format';
import type { Locale, Translate } from '../i18n';
import { displayText, isLocalizedText } from '../model/localized';
import type { Finding, FindingUnit } from './evaluate';
import type { MarketOffering, MarketPosition, MarketUnit } from './market';

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** One value of a finding, or of the market table, as a reader expects it. */
export function formatPlaybookValue(value: unknown, unit: FindingUnit | MarketUnit, locale: Locale, t: Translate, customUnit = ''): string {
  if (value === null || value === undefined) return '';
  switch (unit) {
    case 'percent':
    case 'minutes':
    case 'ms':
      return isNumber(value) ? formatLevel(value, unit, locale, t, { maxFractionDigits: 4 }) : String(value);
    case 'days':
    case 'months':
      return isNumber(value) ? t(`compare.value.${unit}`, { count: value, value: formatNumber(value, locale, 4) }) : String(value);
    case 'custom':
      return isNumber(value) ? formatLevel(value, 'custom', locale, t, { customUnit, maxFractionDigits: 4 }) : String(value);
    case 'position':
      return t(`compare.positions.${String(value)}`, { defaultValue: String(value) });
    case 'region':
      return t(`enums.region.${String(value)}`, { defaultValue: String(value) });
    case 'none':
      return String(value);
  }
}

/** "Core API — Availability": the metric a finding is about, named as the wizard names it. */
function metricText(params: Finding['params'], locale: Locale, t: Translate): string {
  const kind = String(params.metricKind ?? '');
  const name = textParam(params.metricName, locale).trim();
  let metric: string;
  if (name !== '') metric = name;
  else if (kind === 'latency' && params.percentile !== undefined) metric = t('fields.metric.latencyName', { percentile: params.percentile });
  else metric = t(`enums.metricKind.${kind}`, { defaultValue: kind });
  const service = textParam(params.service, locale).trim() || t('fields.service.unnamed');
  return t('fields.metric.option', { service, metric });
}

/** A draft's text among a finding's parameters, in the reader's language. */
function textParam(value: unknown, locale: Locale): string {
  return isLocalizedText(value) ? displayText(value, locale) : String(value ?? '');
}

/** The finding as one sentence in the user's language. */
export function formatFinding(finding: Finding, locale: Locale, t: Translate): string {
  const customUnit = finding.params.unit === undefined ? '' : textParam(finding.params.unit, locale);
  const values: Record<string, unknown> = {
    ...finding.params,
    actual: formatPlaybookValue(finding.actual, finding.unit, locale, t, customUnit),
    limit: formatPlaybookValue(finding.limit, finding.unit, locale, t, customUnit),
  };
  if (finding.params.metricKind !== undefined) values.metric = metricText(finding.params, locale, t);
  return t(finding.key, values);
}

/** "Needs approval" / "Warning"; for an ask, "Beyond the playbook". */
export function findingTag(finding: Pick<Finding, 'scope' | 'severity'>, t: Translate): string {
  if (finding.scope === 'ask') return t('playbook.tag.ask');
  return t(`playbook.tag.${finding.severity}`);
}

/** "15–60 days", or "100 %" when every offering publishes the same figure. */
export function formatMarketRange(position: Pick<MarketPosition, 'min' | 'max' | 'unit'>, locale: Locale, t: Translate): string {
  if (position.min === position.max) return formatPlaybookValue(position.min, position.unit, locale, t);
  // Units are written once, after the range, as the examples in the brief and style guides do ("15–60 days").
  if (position.unit === 'percent') {
    return locale === 'zh-CN'
      ? `${formatNumber(position.min, locale, 4)}%–${formatNumber(position.max, locale, 4)}%`
      : `${formatNumber(position.min, locale, 4)}–${formatPercent(position.max, locale)}`;
  }
  if (position.unit === 'minutes') return `${formatDurationMinutes(position.min, locale)}–${formatDurationMinutes(position.max, locale)}`;
  return t(`playbook.market.rangeOf.${position.unit}`, {
    min: formatNumber(position.min, locale, 4),
    max: formatNumber(position.max, locale, 4),
    count: position.max,
  });
}

/** "Claim window: 7 days; market range 15–60 days (below the market)". */
export function formatMarketPosition(position: MarketPosition, locale: Locale, t: Translate): string {
  const value = position.value === null ? t('playbook.market.uncapped') : formatPlaybookValue(position.value, position.unit, locale, t);
  return t(`playbook.market.${position.relation}`, {
    term: t(`playbook.market.term.${position.term}`),
    value,
    range: formatMarketRange(position, locale, t),
    count: position.entries.length,
  });
}

/** "Amazon EC2 (two or more Availability Zones): 99.99 % — as published, accessed November 2026". */
export function formatMarketSource(offering: MarketOffering, value: number, unit: MarketUnit, approximate: boolean, locale: Locale, t: Translate): string {
  const accessed = formatMonth(offering.accessed, locale);
  const figure = formatPlaybookValue(value, unit, locale, t);
  return t('playbook.market.source', {
    offering: offering.name[locale],
    value: approximate ? t('playbook.market.approximately', { value: figure }) : figure,
    accessed,
  });
}
