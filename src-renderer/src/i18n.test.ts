/**
 * Every text the renderer asks for exists in both languages: each literal
 * key in the sources, and each label built from a model enum (metric kinds,
 * regimes, list types…). A typo or a forgotten Chinese string fails here
 * instead of showing a raw key to a user.
 */
import { describe, expect, it } from 'vitest';
import { resources, type Locale } from '../../src-shared/i18n';
import {
  CERTIFICATIONS,
  COVERAGES,
  CREDIT_FORMS,
  DATA_PROTECTION_REGIMES,
  DISPUTE_METHODS,
  JURISDICTIONS,
  MEASUREMENT_WINDOWS,
  METRIC_KINDS,
  PRIORITIES,
  RESIDENCY_REGIONS,
  STEP_IDS,
  WEEKDAYS,
} from '../../src-shared/model';
import type { ListType } from './wizard/fields/ListTable';

/** The sources as text, through Vite's glob import (the renderer may not read files itself). */
const sources = import.meta.glob<string>('./**/*.tsx', { query: '?raw', import: 'default', eager: true });

function lookup(locale: Locale, key: string): unknown {
  let node: unknown = resources[locale].translation;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A key with a count has plural forms (`_one`, `_other`) instead of a plain entry. */
function hasText(locale: Locale, key: string): boolean {
  return typeof lookup(locale, key) === 'string' || typeof lookup(locale, `${key}_other`) === 'string';
}

const LIST_TYPES: ListType[] = ['criticalPeriod', 'request', 'stakeholder', 'objective', 'severity', 'window', 'notification', 'tier'];

const ENUM_KEYS: string[] = [
  ...METRIC_KINDS.map((kind) => `enums.metricKind.${kind}`),
  ...MEASUREMENT_WINDOWS.map((window) => `enums.window.${window}`),
  ...PRIORITIES.map((priority) => `enums.priority.${priority}`),
  ...COVERAGES.map((coverage) => `enums.coverage.${coverage}`),
  ...WEEKDAYS.map((day) => `enums.weekday.${day}`),
  ...CREDIT_FORMS.map((form) => `enums.creditForm.${form}`),
  ...DISPUTE_METHODS.map((method) => `enums.disputeMethod.${method}`),
  ...DATA_PROTECTION_REGIMES.map((regime) => `enums.regime.${regime}`),
  ...CERTIFICATIONS.map((certification) => `enums.certification.${certification}`),
  ...RESIDENCY_REGIONS.map((region) => `enums.region.${region}`),
  ...JURISDICTIONS.map((jurisdiction) => `enums.jurisdiction.${jurisdiction}`),
  ...['arbitratorsRules', 'arbitratorsOne', 'arbitratorsThree'].map((choice) => `fields.compliance.${choice}`),
  ...STEP_IDS.flatMap((step) => [`steps.${step}`, `wizard.${step}.intro`]),
  ...[...LIST_TYPES, 'service', 'metric'].flatMap((type) => ['add', 'remove', 'moveUp', 'moveDown'].map((action) => `lists.${type}.${action}`)),
  ...LIST_TYPES.flatMap((type) => [`lists.${type}.cell`, `lists.${type}.empty`]),
  ...['monthly', 'quarterly'].map((cadence) => `enums.cadence.${cadence}`),
  ...['below', 'atOrBelow'].map((boundary) => `enums.boundary.${boundary}`),
  ...['en', 'zh-CN', 'bilingual'].map((language) => `enums.contractLanguage.${language}`),
  ...['en', 'zh-CN'].map((language) => `enums.precedence.${language}`),
  ...['provider', 'customer'].map((party) => `fields.party.${party}`),
  ...['forceMajeure', 'customerCaused', 'betaFeatures', 'thirdPartyServices'].map((exclusion) => `fields.compliance.exclusion.${exclusion}`),
  ...['met', 'gap', 'noTarget', 'severityTable'].map((status) => `wizard.expectations.gap.${status}`),
  ...['percent', 'ms', 'minutes'].map((unit) => `units.${unit}`),
  'fields.compliance.seat',
  'fields.compliance.venue',
  'wizard.compensation.exposure',
  'wizard.compensation.exposureUncapped',
];

describe('renderer texts', () => {
  it('finds the sources it checks', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  it('has every literal key used in the renderer in English and Chinese', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [file, text] of Object.entries(sources)) {
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) {
        checked++;
        for (const locale of ['en', 'zh-CN'] as const) {
          if (!hasText(locale, match[1]!)) missing.push(`${locale} ${match[1]} (${file})`);
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(missing).toEqual([]);
  });

  it('has a label in both languages for every choice the forms offer', () => {
    const missing = ENUM_KEYS.flatMap((key) => (['en', 'zh-CN'] as const).filter((locale) => !hasText(locale, key)).map((locale) => `${locale} ${key}`));
    expect(missing).toEqual([]);
  });
});
