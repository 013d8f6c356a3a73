/**
 * Defined terms in the English contract: a Capitalised Term used but never
 * defined, and a term defined but never used again. Definitions are the
 * definitions clause's entries and the inline ones — (the “Term”), each a
 * “Party” — wherever they stand.
 *
 * Capitalised words that are not terms are left alone: the first word of a
 * sentence, list item or table cell, the parties' and the draft's own names
 * (services, metrics, places, institutions), month and week-day names, and
 * a short list of words capitalised in ordinary English (I, UTC, SOC…).
 * Warnings: the wording is the template's or the user's, and a lawyer
 * decides.
 */
import { runsText, type ContractDoc } from '../contract/doc';
import { TEXT_LANGUAGES, type LocalizedText } from '../model/localized';
import type { SlaDraft } from '../model/schema';
import { contractPassages, type ContractPassage } from './contract-text';
import type { ContractFinding } from './finding';

/** Capitalised in ordinary English, or names that are not defined terms. */
const ORDINARY = new Set([
  'I',
  'A',
  'An',
  'The',
  'This',
  'That',
  'These',
  'Those',
  'Each',
  'Any',
  'All',
  'No',
  'If',
  'Where',
  'When',
  'For',
  'In',
  'On',
  'Of',
  'To',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'Clause',
  'Clauses',
  'Schedule',
  'Annex',
  'Appendix',
  'Gregorian',
  'English',
  'Chinese',
  'UTC',
  'GMT',
  'ISO',
  'IEC',
  'SOC',
  'PCI',
  'DSS',
  'CSA',
  'STAR',
  'GDPR',
  'UK',
  'EU',
  'US',
  'USA',
  'PRC',
  'PIPL',
  'CCPA',
  'LGPD',
  'PDPA',
  'APPI',
  'MLPS',
  'API',
  'APIs',
  'REST',
  'HTTP',
  'HTTPS',
  'URL',
  'SLA',
  'RPO',
  'RTO',
  'P1',
  'P2',
  'P3',
  'P4',
  'CNY',
  'USD',
  'EUR',
  'GBP',
  'HKD',
  'SGD',
  'JPY',
  'AUD',
  'CAD',
  'CHF',
  'Time',
  'Standard',
  'Pacific',
  'China',
  'Japan',
  'Hong',
  'Kong',
  'Singapore',
  'Sydney',
  'New',
  'York',
  'London',
  'Paris',
  'Berlin',
  'Amsterdam',
  'Zurich',
  'Dublin',
  'Chicago',
  'Denver',
  'Toronto',
  'Irish',
  'Mainland',
  'Republic',
  'People',
  'Kingdom',
  'United',
  'States',
  'Union',
  'European',
  'Wales',
  'England',
  'Law',
  'Arbitration',
  'Rules',
  'Centre',
  'Center',
  'International',
  'Court',
  'Courts',
  'Article',
  'Articles',
  'Chapter',
  'Economic',
  'Area',
  'Macao',
  'Macau',
  'Taiwan',
  'America',
  'Type',
  'Level',
  // The jurisdictions the governing-law clause names, and the State Council's holiday arrangements.
  'State',
  'County',
  'California',
  'Delaware',
  'Ireland',
  'Germany',
  'Federal',
  'Switzerland',
  'Special',
  'Administrative',
  'Region',
  'General',
  'Office',
  'Council',
]);

/** The name of a statute, regulation or scheme ("Data Protection Act 2018", "Standard Contractual Clauses"): a name, not a term. */
const INSTRUMENT =
  /\b(?:Act|Law|Regulation|Regulations|Directive|Scheme|Administration|Convention|Code|Clauses|Commission|Authority|Addendum|Transfer Agreement)(?:\s+of\s+.*|\s+\d+)?$/;

/** What opens the English title of a Chinese regulation ("Provisions on Promoting and Regulating Cross-Border Data Flows"): its words are the title's. */
const REGULATION_TITLE_OPENING = /\b(?:Provisions|Measures|Rules|Regulations)\s+(?:on|for)\s+$/;

const CAPITALISED_SEQUENCE = /(?<![\p{L}\d’'])[A-Z][\p{L}\d’'-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\p{L}\d’'-]*)*/gu;
const QUOTED_TERM = /“([A-Z][^”]{0,60})”/g;
/** Where a capitalised word starts a sentence rather than naming a term. */
const SENTENCE_START = /(?:^|[.:;!?(]\s*|[—–]\s*|\n\s*)$/;

/** "Service Credit" is used as "Service Credits" too; "Services" as "Service" (and the reverse). */
function variants(term: string): string[] {
  const forms = new Set([term]);
  if (term.endsWith('ies')) forms.add(`${term.slice(0, -3)}y`);
  else if (term.endsWith('s')) forms.add(term.slice(0, -1));
  if (/[^aeiou]y$/.test(term)) forms.add(`${term.slice(0, -1)}ies`);
  else forms.add(`${term}s`);
  for (const form of [...forms]) forms.add(`${form}’s`).add(`${form}'s`).add(`${form}’`);
  return [...forms];
}

/** The names the user typed: they are capitalised because they are names, not terms. */
function typedNames(draft: SlaDraft): string[] {
  const both = (text: LocalizedText | undefined): string[] => (text ? TEXT_LANGUAGES.map((language) => text[language]) : []);
  const names: string[] = [...both(draft.title), draft.mainAgreement.title];
  for (const role of ['provider', 'customer'] as const) {
    const party = draft.parties[role];
    names.push(party.legalName, ...both(party.address), party.signatoryName, ...both(party.signatoryTitle));
  }
  for (const service of draft.services) {
    names.push(...both(service.name));
    for (const metric of service.metrics) names.push(...both(metric.name), ...both(metric.dataSource), ...both(metric.unit));
  }
  // A probe location is a place ("US East (Virginia)"), with or without its bracket.
  names.push(
    ...draft.monitoring.probeLocations.flatMap(both).flatMap((location) => [location, location.replace(/\s*\(.*$/, '')]),
    draft.monitoring.statusPageUrl,
  );
  // A stakeholder's role is a job title, like a signatory's ("Director, Claims Platforms").
  names.push(
    ...draft.expectations.criticalPeriods.flatMap((period) => both(period.name)),
    ...draft.expectations.stakeholders.flatMap((s) => [s.name, ...both(s.role)]),
  );
  const { compliance } = draft;
  names.push(
    ...both(compliance.governingLaw),
    ...both(compliance.disputeResolution.venue),
    ...both(compliance.disputeResolution.institution),
    draft.expectations.businessHours.timeZone,
  );
  return names.filter((name) => name.trim() !== '');
}

/** Free text the user typed: its single capitalised words are often names (a product, a region), so only phrases count there. */
const TYPED_TEXT = /(?:description|measurementMethod|claimProcess|downtimeDefinition|note|restrictions|exclusions|exclusions\[\d+\]|other|other\[\d+\])$/;

interface Occurrence {
  words: string[];
  atSentenceStart: boolean;
  typed: boolean;
}

/** The capitalised sequences of a passage, typed names and quoted terms taken out. */
function capitalisedSequences(passage: ContractPassage, names: readonly string[]): Occurrence[] {
  const found: Occurrence[] = [];
  let before = '';
  for (const run of passage.runs) {
    let text = run.text;
    // A typed name is one name, whatever its capitals; so is a quoted term where it is defined.
    for (const name of names) text = text.split(name).join(' ◦ ');
    text = text.replace(QUOTED_TERM, ' ◦ ');
    const typed = run.source !== undefined && TYPED_TEXT.test(run.source.path);
    for (const match of text.matchAll(CAPITALISED_SEQUENCE)) {
      if (REGULATION_TITLE_OPENING.test(text.slice(0, match.index))) continue;
      const atSentenceStart = SENTENCE_START.test(before + text.slice(0, match.index));
      // In typed text "and" joins two things ("the Customer and Defects in third-party software"), not the words of one term.
      const parts = typed ? match[0].split(/\s+and\s+/) : [match[0]];
      parts.forEach((part, i) => found.push({ words: part.split(/\s+/), atSentenceStart: atSentenceStart && i === 0, typed }));
    }
    before += text;
  }
  return found;
}

const isOrdinary = (word: string) =>
  ORDINARY.has(word.replace(/(?:['’]s|['’])$/, '')) || /^(?:of|and)$/.test(word) || /\d/.test(word) || /^[A-Z]{2,}s?$/.test(word) || /^[IVX]+$/.test(word);

export function definedTermFindings(draft: SlaDraft, doc: ContractDoc): ContractFinding[] {
  const passages = contractPassages(doc);
  const defined = new Map<string, ContractPassage>();
  // A value's own wording may define a name in passing (a regime: 'the Personal Information Protection Law … (the “PIPL”)'): a definition, but one the template cannot use only when it applies.
  const inPassing = new Set<string>();
  for (const passage of passages) {
    if (passage.defines && !defined.has(passage.defines)) defined.set(passage.defines, passage);
    // The template may set a term in bold between its quotes: read the passage's text whole.
    for (const match of runsText(passage.runs).matchAll(QUOTED_TERM)) if (!defined.has(match[1]!)) defined.set(match[1]!, passage);
    for (const run of passage.runs) {
      if (run.source === undefined || TYPED_TEXT.test(run.source.path)) continue;
      for (const match of run.text.matchAll(QUOTED_TERM)) inPassing.add(match[1]!);
    }
  }
  // "Parties" is a form of "Party" and a term of its own: a use counts for both.
  const termsOfForm = new Map<string, string[]>();
  for (const term of defined.keys()) for (const form of variants(term)) termsOfForm.set(form, [...(termsOfForm.get(form) ?? []), term]);
  const names = typedNames(draft).sort((a, b) => b.length - a.length);

  const used = new Set<string>();
  const undefinedAt = new Map<string, ContractPassage>();
  for (const passage of passages) {
    for (const { words, atSentenceStart, typed } of capitalisedSequences(passage, names)) {
      if (INSTRUMENT.test(words.join(' '))) continue;
      const unknown: string[][] = [[]];
      let start = 0;
      while (start < words.length) {
        // The longest defined term starting here.
        let end = words.length;
        let terms: string[] | undefined;
        for (; end > start; end--) {
          terms = termsOfForm.get(words.slice(start, end).join(' '));
          if (terms) break;
        }
        if (terms) {
          for (const term of terms) used.add(term);
          unknown.push([]);
          start = end;
          continue;
        }
        const word = words[start]!;
        if (isOrdinary(word) || (start === 0 && atSentenceStart)) unknown.push([]);
        else unknown[unknown.length - 1]!.push(word);
        start++;
      }
      // In typed text a single capitalised word is most often a name (a product, a region): only a phrase looks like a term.
      // A phrase there is reported whole ("Downtime Minute": a term and a word), when two of its words are not ordinary.
      const phrase = words.filter((word, i) => i > 0 || !atSentenceStart);
      const phrases = typed ? (unknown.some((part) => part.length > 0) && phrase.filter((word) => !isOrdinary(word)).length >= 2 ? [phrase] : []) : unknown;
      for (const phrase of phrases) {
        if (phrase.length === 0) continue;
        const text = phrase.join(' ');
        if (!undefinedAt.has(text)) undefinedAt.set(text, passage);
      }
    }
  }

  const findings: ContractFinding[] = [];
  for (const [word, passage] of undefinedAt) {
    findings.push({
      level: 'warning',
      rule: 'definedTerms',
      step: passage.step,
      path: [],
      clause: passage.clause,
      key: 'contractCheck.definedTerms.notDefined',
      fixKey: 'contractCheck.definedTerms.notDefinedFix',
      params: { term: word },
    });
  }
  for (const [term, passage] of defined) {
    if (used.has(term) || inPassing.has(term)) continue;
    findings.push({
      level: 'warning',
      rule: 'definedTerms',
      step: passage.step,
      path: [],
      clause: passage.clause,
      key: 'contractCheck.definedTerms.notUsed',
      fixKey: 'contractCheck.definedTerms.notUsedFix',
      params: { term },
    });
  }
  return findings;
}
