/**
 * A template is edited by lawyers, not programmers: every mistake must come
 * back as an error naming the file, the clause and the field — and never as
 * a crash, and never as a template that quietly drops a clause.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardTemplateFiles } from './fixtures';
import { formatTemplateError, negotiableClauses, parseTemplate } from './template';
import type { TemplateError } from './template-types';

/** The standard template with one file replaced or its text edited. */
function edited(file: string, edit: (text: string) => string): Record<string, string> {
  const files = standardTemplateFiles();
  const text = files[file];
  if (text === undefined) throw new Error(`no ${file}`);
  const changed = edit(text);
  if (changed === text) throw new Error(`the edit of ${file} changed nothing`);
  return { ...files, [file]: changed };
}

function errorsOf(files: Record<string, string>): TemplateError[] {
  const result = parseTemplate(files);
  if (result.ok) throw new Error('expected the template to be refused');
  return result.errors;
}

describe('the standard SaaS template', () => {
  it('parses without errors', () => {
    const result = parseTemplate(standardTemplateFiles());
    expect(result.ok ? [] : result.errors.map(formatTemplateError)).toEqual([]);
  });

  it('offers alternative positions on the clauses that are negotiated', () => {
    const result = parseTemplate(standardTemplateFiles());
    if (!result.ok) throw new Error('unparsed');
    const ids = negotiableClauses(result.template).map((clause) => clause.id);
    expect(ids).toEqual(
      expect.arrayContaining(['claims.procedure', 'cap-and-remedy.sole-remedy', 'chronic-failure.termination', 'exclusions.application', 'incidents.rca']),
    );
    for (const clause of negotiableClauses(result.template)) {
      expect(clause.title?.en, clause.id).toBeTruthy();
      expect(clause.title?.['zh-CN'], clause.id).toBeTruthy();
    }
  });

  it('is plain data that survives JSON (it travels from main to the renderer)', () => {
    const result = parseTemplate(standardTemplateFiles());
    if (!result.ok) throw new Error('unparsed');
    expect(JSON.parse(JSON.stringify(result.template))).toEqual(result.template);
  });
});

describe('a malformed template', () => {
  it('reports broken YAML with the file and line', () => {
    const errors = errorsOf(
      edited('clauses/claims.yaml', (text) =>
        text.replace('title: { en: Claim Procedure, zh-CN: 申请程序 }', 'title: { en: Claim Procedure, zh-CN: [申请程序 }'),
      ),
    );
    expect(errors[0]).toMatchObject({ file: 'clauses/claims.yaml', line: 2 });
    expect(errors[0]!.message).toMatch(/not valid YAML/);
  });

  it('names the clause, the field and a likely fix for an unknown placeholder', () => {
    const errors = errorsOf(
      edited('clauses/claims.yaml', (text) =>
        text.replace('{{compensation.claimWindowDays | count:day}} after the end', '{{compensation.claimWindowDay | count:day}} after the end'),
      ),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'clauses/claims.yaml', clauseId: 'claims.steps', field: 'body[0].clause.body[0].text[1].text.en' });
    expect(errors[0]!.message).toContain('{{compensation.claimWindowDay | count:day}}');
    expect(errors[0]!.message).toContain('did you mean "claimWindowDays"');
    expect(errors[0]!.line).toBeGreaterThan(5);
  });

  it('refuses a text without its Chinese', () => {
    const errors = errorsOf(edited('clauses/term.yaml', (text) => text.replace(/ {6}zh-CN: >-\n {8}本协议自生效日起生效[^\n]*\n/, '')));
    expect(errors).toEqual([
      expect.objectContaining({ file: 'clauses/term.yaml', clauseId: 'term', field: 'body[0].text.zh-CN', message: 'the zh-CN text is missing' }),
    ]);
  });

  it('refuses words given once for both languages', () => {
    const errors = errorsOf(edited('clauses/language.yaml', (text) => text.replace('title: { en: Language, zh-CN: 语言 }', 'title: Language')));
    expect(errors[0]).toMatchObject({ clauseId: 'language', field: 'title' });
    expect(errors[0]!.message).toMatch(/both languages/);
  });

  it('refuses a condition on a field the draft does not have, or a value it can never take', () => {
    const unknownField = errorsOf(
      edited('clauses/data-protection.yaml', (text) =>
        text.replace('{ includes: [compliance.dataProtection, PIPL] }', '{ includes: [compliance.dataProtections, PIPL] }'),
      ),
    );
    expect(unknownField).toEqual([expect.objectContaining({ clauseId: 'data-protection.pipl', field: 'body[3].clause.when.any[0].includes[0]' })]);
    expect(unknownField[0]!.message).toMatch(/has no field "dataProtections".*did you mean "dataProtection"/);

    const impossibleValue = errorsOf(
      edited('clauses/data-protection.yaml', (text) =>
        text.replace('{ includes: [compliance.dataProtection, PIPL] }', '{ includes: [compliance.dataProtection, PIPLL] }'),
      ),
    );
    expect(impossibleValue[0]!.message).toMatch(/"PIPLL" is not one of its values: GDPR, UK_GDPR, PIPL/);
  });

  it('refuses a filter that does not fit the field, and a vocabulary missing a value', () => {
    const wrongFilter = errorsOf(edited('clauses/term.yaml', (text) => text.replace('{{termMonths | count:month}} (the', '{{termMonths | date}} (the')));
    expect(wrongFilter[0]!.message).toMatch(/the filter "date" needs a date \(text\), but the value is number/);

    const missingTerm = errorsOf(edited('vocabulary.yaml', (text) => text.replace(/ {4}sun: \{ en: Sunday, zh-CN: 星期日 \}\n/, '')));
    expect(missingTerm.some((error) => /the vocabulary "weekday" has no entry for sun/.test(error.message))).toBe(true);

    const enumWithoutTerm = errorsOf(edited('clauses/maintenance.yaml', (text) => text.replace('{{window.day | term:weekday}}', '{{window.day}}')));
    expect(enumWithoutTerm[0]!.message).toMatch(/print it through a vocabulary/);
  });

  it('refuses unknown keys, and blocks that are two things at once', () => {
    const unknownKey = errorsOf(edited('clauses/term.yaml', (text) => text.replace('steps: [services]', 'steps: [services]\nnumberd: false')));
    expect(unknownKey).toEqual([expect.objectContaining({ file: 'clauses/term.yaml', field: 'numberd', message: 'unknown key "numberd"', line: 4 })]);

    const twoKinds = errorsOf(edited('clauses/language.yaml', (text) => text.replace('  - text:\n', '  - list: { style: alpha, items: [] }\n    text:\n')));
    expect(twoKinds[0]!.message).toMatch(/only one of text, list/);
  });

  it('refuses a reference to a clause that does not exist', () => {
    const errors = errorsOf(
      edited('clauses/preamble.yaml', (text) => text.replace('described in\n        {{ref:scope}}', 'described in\n        {{ref:scopes}}')),
    );
    expect(errors[0]).toMatchObject({ file: 'clauses/preamble.yaml', clauseId: 'preamble' });
    expect(errors[0]!.message).toMatch(/no clause "scopes".*did you mean "scope"/);
  });

  it('notices clause files that are missing or never listed', () => {
    const files = standardTemplateFiles();
    delete files['clauses/term.yaml'];
    files['clauses/warranty.yaml'] =
      'id: warranty\ntitle: { en: Warranty, zh-CN: 保证 }\nbody:\n  - text: { en: The Provider warrants., zh-CN: 服务提供方保证。 }\n';
    const messages = errorsOf(files).map(formatTemplateError);
    expect(messages).toContainEqual(expect.stringMatching(/^template\.yaml:\d+ clauses\[2\]: lists "term", but there is no file clauses\/term\.yaml$/));
    expect(messages).toContainEqual('clauses/warranty.yaml: is not listed under "clauses" in template.yaml, so it would never appear');
  });

  it('reports a mistake inside a phrase where the phrase is written, saying who uses it', () => {
    const errors = errorsOf(edited('phrases.yaml', (text) => text.replace('"{{value | percent}}"', '"{{value | percentage}}"')));
    expect(errors[0]).toMatchObject({ file: 'phrases.yaml', field: 'level[0].text' });
    expect(errors[0]!.message).toMatch(/unknown filter "percentage".*\(where clauses\//);
  });

  it('never throws, whatever the files contain', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('template.yaml', 'phrases.yaml', 'vocabulary.yaml', 'clauses/claims.yaml'), (text, file) => {
        const result = parseTemplate({ ...standardTemplateFiles(), [file]: text });
        if (!result.ok) {
          for (const error of result.errors) expect(error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 40 },
    );
  });
});
