/**
 * Text that says what it shows: a draft whose text holds a character that
 * makes it read differently (a direction override, an invisible character,
 * a control character, half a surrogate pair, a replacement character) is
 * refused at the field, with a message in both languages that names the
 * character without containing it; text is never changed on the way.
 */
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import enterpriseText from '../../templates/presets/enterprise.sla.json?raw';
import { createI18n } from '../i18n';
import { canonicalHash } from './canonical';
import { blankDraft } from './defaults';
import { localized } from './localized';
import { readDraftFile, writeDraftFile } from './file';
import type { Problem } from './problems';
import type { SlaDraft } from './schema';
import { findTextFlaw, withoutHiddenCharacters } from './text';
import { validateDraft } from './validate';

function validDraft(): SlaDraft {
  const draft = blankDraft({ title: 'Acme Cloud SLA', effectiveDate: '2027-01-01' });
  draft.parties.provider.legalName = 'Acme Cloud Ltd';
  draft.parties.customer.legalName = 'Globex Retail plc';
  return draft;
}

/** The problems of a draft after `edit`, as [path, key, params]. */
function problemsAfter(edit: (draft: SlaDraft) => void): [string, string, Problem['params']][] {
  const draft = validDraft();
  edit(draft);
  return validateDraft(draft).problems.map((p) => [p.path.join('.'), p.key, p.params]);
}

const BIDI_CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\uFEFF', '\u061C'];
const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

describe('text in a draft', () => {
  it('refuses a right-to-left override in a party name, naming the field and the character in both languages', () => {
    const name = 'Acme \u202Egpj.exe';
    const result = readDraftFile(
      writeDraftFile({ ...validDraft(), parties: { ...validDraft().parties, provider: { ...validDraft().parties.provider, legalName: name } } }),
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      { step: 'services', path: ['parties', 'provider', 'legalName'], key: 'validation.invisibleCharacter', params: { character: 'U+202E', position: 6 } },
    ]);
    for (const locale of ['en', 'zh-CN'] as const) {
      const message = createI18n(locale).t(problems[0]!.key, problems[0]!.params);
      expect(message).toContain('U+202E');
      expect(message).toContain('6');
      // The message names the character; it must not carry it, or it would turn itself around.
      expect(message).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    }
  });

  it('refuses every direction control and invisible format character in a title', () => {
    for (const character of [...BIDI_CONTROLS, ...INVISIBLE]) {
      expect(
        problemsAfter((draft) => (draft.title = localized(`Acme${character} SLA`))),
        codePoint(character),
      ).toEqual([['title.en', 'validation.invisibleCharacter', { character: codePoint(character), position: 5 }]]);
    }
  });

  it('refuses NUL and other control characters in any text field, single-line or multi-line', () => {
    expect(problemsAfter((draft) => (draft.parties.customer.legalName = 'Globex\u0000 Retail'))).toEqual([
      ['parties.customer.legalName', 'validation.controlCharacter', { character: 'U+0000', position: 7 }],
    ]);
    expect(problemsAfter((draft) => (draft.parties.customer.address = localized('1 Main St\u0000')))).toEqual([
      ['parties.customer.address.en', 'validation.controlCharacter', { character: 'U+0000', position: 10 }],
    ]);
    for (const character of ['\u0001', '\u0008', '\u000B', '\u000C', '\r', '\u001B', '\u001F', '\u007F', '\u0080', '\u0085', '\u009F']) {
      expect(
        problemsAfter((draft) => (draft.compensation.claimProcess = localized('', `补偿${character}`))),
        codePoint(character),
      ).toEqual([['compensation.claimProcess.zh-CN', 'validation.controlCharacter', { character: codePoint(character), position: 3 }]]);
    }
  });

  it('keeps tabs and line breaks in multi-line fields, and refuses them in one-line fields', () => {
    expect(problemsAfter((draft) => (draft.parties.provider.address = localized('1 Main St\nSpringfield\tUSA', '美国\n斯普林菲尔德\t大街 1 号')))).toEqual([]);
    expect(
      problemsAfter((draft) =>
        draft.expectations.stakeholders.push({
          id: 'sh-1',
          party: 'provider',
          name: 'Service desk',
          role: localized('First line\nSecond line'),
          email: '',
          phone: '',
        }),
      ),
    ).toEqual([]);
    expect(problemsAfter((draft) => (draft.title = localized('Acme\nCloud SLA')))).toEqual([
      ['title.en', 'validation.singleLine', { character: 'U+000A', position: 5 }],
    ]);
    expect(problemsAfter((draft) => (draft.parties.provider.signatoryTitle = localized('Chief Executive', '首席\t执行官')))).toEqual([
      ['parties.provider.signatoryTitle.zh-CN', 'validation.singleLine', { character: 'U+0009', position: 3 }],
    ]);
  });

  it('refuses half of a surrogate pair and keeps whole characters outside the basic plane', () => {
    expect(problemsAfter((draft) => (draft.parties.provider.legalName = 'Acme \uD800 Cloud'))).toEqual([
      ['parties.provider.legalName', 'validation.loneSurrogate', { character: 'U+D800', position: 6 }],
    ]);
    expect(problemsAfter((draft) => (draft.title = localized('', '😀\uDC00')))).toEqual([
      ['title.zh-CN', 'validation.loneSurrogate', { character: 'U+DC00', position: 2 }],
    ]);
    expect(problemsAfter((draft) => (draft.title = localized('😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 SLA', '😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 服务等级协议')))).toEqual([]);
  });

  it('refuses the replacement character left by a wrong encoding', () => {
    expect(problemsAfter((draft) => (draft.parties.customer.legalName = 'Soci\uFFFDt\uFFFD G\uFFFDn\uFFFDrale'))).toEqual([
      ['parties.customer.legalName', 'validation.replacementCharacter', { character: 'U+FFFD', position: 5 }],
    ]);
  });

  it('checks e-mail addresses, web addresses and list items too', () => {
    expect(problemsAfter((draft) => (draft.monitoring.statusPageUrl = 'https://status.example.com/\u202Efdp.exe'))).toEqual([
      ['monitoring.statusPageUrl', 'validation.invisibleCharacter', { character: 'U+202E', position: 28 }],
    ]);
    expect(problemsAfter((draft) => (draft.compliance.exclusions.other = [localized('Acts of God'), localized('Beta\u200B features')]))).toEqual([
      ['compliance.exclusions.other.1.en', 'validation.invisibleCharacter', { character: 'U+200B', position: 5 }],
    ]);
  });

  it('looks at a required text as written, so a trimmable invisible character is refused rather than removed', () => {
    expect(problemsAfter((draft) => (draft.title = localized('\uFEFFAcme Cloud SLA')))).toEqual([
      ['title.en', 'validation.invisibleCharacter', { character: 'U+FEFF', position: 1 }],
    ]);
  });

  it('changes no accepted text: a preset parses to itself, with the same hash', async () => {
    const document = JSON.parse(enterpriseText) as SlaDraft;
    const { draft, problems } = validateDraft(document);
    expect(problems).toEqual([]);
    expect(draft).toEqual(document);
    expect(await canonicalHash(draft)).toEqual(await canonicalHash(document));
  });
});

describe('findTextFlaw', () => {
  it('counts the position in characters as a reader does, not in UTF-16 units', () => {
    expect(findTextFlaw('😀😀\u202E', false)).toEqual({ kind: 'invisibleCharacter', character: 'U+202E', position: 3 });
  });

  it('finds nothing in ordinary text of any script', () => {
    for (const text of ['', 'Acme Cloud Ltd', 'Société Générale', '阿里云计算有限公司', 'שלום עולם', 'مرحبا', '“quoted” — 99.95 %']) {
      expect(findTextFlaw(text, false), text).toBeNull();
    }
  });

  it('keeps a zero-width (non-)joiner where a script spells with it, and refuses it anywhere else', () => {
    // Persian "I want" (ZWNJ between Arabic letters), Hindi conjunct (virama + ZWJ), Malayalam chillu, emoji ZWJ sequences.
    for (const text of ['می‌خواهم', 'क्‍ष', 'ന്‍', '👩‍💻', '🏳️‍🌈', '👍🏽‍👍']) {
      expect(findTextFlaw(`Zahra ${text} Ltd`, false), text).toBeNull();
    }
    expect(findTextFlaw('Ac‌me', false)).toEqual({ kind: 'invisibleCharacter', character: 'U+200C', position: 3 });
    expect(findTextFlaw('Ac‍me', false)).toEqual({ kind: 'invisibleCharacter', character: 'U+200D', position: 3 });
    expect(findTextFlaw('阿里‍云', false)).toEqual({ kind: 'invisibleCharacter', character: 'U+200D', position: 3 });
    expect(findTextFlaw('‌مرحبا', false)).toEqual({ kind: 'invisibleCharacter', character: 'U+200C', position: 1 });
    // A permitted joiner does not hide a flaw after it.
    expect(findTextFlaw('می‌خواهم ‮', false)).toEqual({ kind: 'invisibleCharacter', character: 'U+202E', position: 10 });
  });
});

describe('withoutHiddenCharacters', () => {
  it('takes out what would make a file name show another name, and turns control characters into spaces', () => {
    expect(withoutHiddenCharacters('Acme \u202Egpj.exe')).toBe('Acme gpj.exe');
    expect(withoutHiddenCharacters('In\u200Bvoice\u2066 \u2069SLA\uFEFF')).toBe('Invoice SLA');
    expect(withoutHiddenCharacters('Acme\u0000Cloud\tSLA\u0085v2')).toBe('Acme Cloud SLA v2');
    expect(withoutHiddenCharacters('Acme \uD800Cloud')).toBe('Acme Cloud');
  });

  it('keeps every visible character, and the joiners a script spells with', () => {
    expect(withoutHiddenCharacters('云数据库服务等级协议 😀 Société')).toBe('云数据库服务等级协议 😀 Société');
    expect(withoutHiddenCharacters('می‌خواهم Ac‌me 👩‍💻')).toBe('می‌خواهم Acme 👩‍💻');
  });
});
