/**
 * Whatever a user imports as monitoring data — random text, the shipped
 * example files cut and spliced, rows of plausible and implausible cells —
 * the importer answers the data or problems with a line and a column that
 * read in both languages. It never throws, never lists more than its
 * problem limit, and gives the same answer however the text is cut into
 * chunks (the Node service streams files through it).
 */
/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import enterpriseJson from '../../templates/presets/enterprise.sla.json';
import { slaDraftSchema } from '../model/schema';
import { HOSTILE_STRINGS, isTranslated, mutatedText } from '../testing/hostile';
import enterpriseIncidents from './fixtures/enterprise-october-incidents.csv?raw';
import enterpriseProbes from './fixtures/enterprise-october-probes.csv?raw';
import incidentsWithErrors from './fixtures/incidents-with-errors.csv?raw';
import { createMonitoringCsvImporter, parseMonitoringCsv, type MonitoringParseResult } from './importer';

const enterprise = slaDraftSchema.parse(enterpriseJson);
const SERVICE_IDS = new Set(enterprise.services.map((service) => service.id));
const MAX_ERRORS = 100;

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/** Imports a text and checks what every answer must be; returns the answer. */
function importCleanly(text: string): MonitoringParseResult {
  let result: MonitoringParseResult;
  try {
    result = parseMonitoringCsv(enterprise, text);
  } catch (error) {
    throw new Error(`the importer threw ${String(error)} for ${JSON.stringify(text.slice(0, 200))}`, { cause: error });
  }
  expect(result.rows).toBeGreaterThanOrEqual(0);
  if (result.ok) {
    for (const serviceId of result.serviceIds) expect(SERVICE_IDS.has(serviceId)).toBe(true);
    if (result.form === 'incidents') {
      expect(result.data.incidents).toHaveLength(result.rows);
      for (const incident of result.data.incidents ?? []) {
        expect(SERVICE_IDS.has(incident.serviceId)).toBe(true);
        expect(Date.parse(incident.start)).toBeLessThan(Date.parse(incident.end));
      }
    }
    return result;
  }
  expect(result.errors.length + result.omittedErrors).toBeGreaterThan(0);
  expect(result.errors.length).toBeLessThanOrEqual(MAX_ERRORS);
  const lines = lineCount(text);
  for (const error of result.errors) {
    expect(error.key.startsWith('monitoring.csv.'), error.key).toBe(true);
    expect(isTranslated(error.key), `${error.key} reads in both languages`).toBe(true);
    if (error.line !== null) {
      expect(Number.isInteger(error.line) && error.line >= 1 && error.line <= lines + 1, `line ${error.line} of ${lines}`).toBe(true);
    }
    for (const value of Object.values(error.params)) expect(['string', 'number']).toContain(typeof value);
  }
  return result;
}

/** The same text pushed in pieces cut at random places. */
function importInChunks(text: string, cuts: number[]): MonitoringParseResult {
  const importer = createMonitoringCsvImporter(enterprise);
  let from = 0;
  for (const cut of [...new Set(cuts.map((at) => Math.min(at, text.length)))].sort((a, b) => a - b)) {
    importer.push(text.slice(from, cut));
    from = cut;
  }
  importer.push(text.slice(from));
  return importer.end();
}

// Cells a monitoring export might contain, right and wrong.
const instant = fc.oneof(
  fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('2027-10-12T14:00:00+08:00', '2027-10-05 12:03:00', '2027-02-30T10:00:00Z', '9999-99-99T99:99:99Z', '1700000000', 'yesterday', ''),
);
const serviceCell = fc.oneof(fc.constantFrom('core-api', 'Core API', ' WEB-CONSOLE ', 'data-export', 'unknown-service', ''), fc.string({ maxLength: 12 }));
const cell = fc.oneof(
  { weight: 3, arbitrary: instant },
  { weight: 2, arbitrary: serviceCell },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'P1',
      'p2',
      'P5',
      'yes',
      'no',
      'true',
      '0',
      '1',
      'up',
      'down',
      '-5',
      '180',
      '1e309',
      'fast',
      '"quoted, comma"',
      '"unclosed',
      'a"b',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
);
const header = fc.oneof(
  fc.shuffledSubarray(['service', 'start', 'end', 'severity', 'excluded', 'reason'], { minLength: 1 }),
  fc.shuffledSubarray(['timestamp', 'service', 'up', 'latency_ms'], { minLength: 1 }),
  fc.array(fc.constantFrom('service', 'start', 'end', 'timestamp', 'up', 'Service', 'START', 'latency', ''), { minLength: 1, maxLength: 7 }),
);
const plausibleCsv = fc
  .tuple(header, fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { maxLength: 25 }), fc.constantFrom('\n', '\r\n'))
  .map(([columns, rows, newline]) => [columns.join(','), ...rows.map((row) => row.join(','))].join(newline) + newline);

describe('the monitoring CSV importer under hostile input', () => {
  it('answers any text with the data or problems', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 })), (text) => {
        importCleanly(text);
      }),
      { numRuns: 150 },
    );
  });

  it('answers plausible files with right and wrong cells', () => {
    fc.assert(
      fc.property(plausibleCsv, (text) => {
        importCleanly(text);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['incidents', enterpriseIncidents],
    ['probe samples', enterpriseProbes],
    ['incidents with errors', incidentsWithErrors],
  ])('answers the example %s file cut and spliced', (_name, text) => {
    fc.assert(
      fc.property(mutatedText(text), (mutated) => {
        importCleanly(mutated);
      }),
      { numRuns: 80 },
    );
  });

  it('gives the same answer however the text is cut into chunks', () => {
    const texts = fc.oneof(plausibleCsv, mutatedText(enterpriseIncidents), mutatedText(enterpriseProbes), fc.string({ unit: 'binary', maxLength: 200 }));
    fc.assert(
      fc.property(texts, fc.array(fc.nat({ max: 2_000 }), { maxLength: 8 }), (text, cuts) => {
        expect(importInChunks(text, cuts)).toEqual(parseMonitoringCsv(enterprise, text));
      }),
      { numRuns: 120 },
    );
  });
});

describe('the monitoring CSV importer with very large input', () => {
  it('stops at a record longer than its limit instead of holding it', () => {
    const started = performance.now();
    const result = importCleanly(`service,start,end,reason\ncore-api,2027-10-01T00:00:00Z,2027-10-01T01:00:00Z,"${'r'.repeat(3_000_000)}`);
    console.info(`[importer.fuzz] a 3 M character record: answered in ${(performance.now() - started).toFixed(1)} ms`);
    expect(!result.ok && result.errors.map((error) => error.key)).toContain('monitoring.csv.recordTooLong');
  });

  it('lists the first hundred problems of 50,000 bad rows and counts the rest', () => {
    const text = `service,start,end\n${'nobody,never,never\n'.repeat(50_000)}`;
    const started = performance.now();
    const result = importCleanly(text);
    console.info(`[importer.fuzz] 50,000 bad rows: answered in ${(performance.now() - started).toFixed(1)} ms`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(MAX_ERRORS);
    expect(result.errors.length + result.omittedErrors).toBeGreaterThanOrEqual(50_000);
  });
});
