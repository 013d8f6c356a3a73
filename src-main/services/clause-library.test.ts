/**
 * A firm adds its own template by dropping a folder next to the bundled
 * ones: it must be found, a broken one must say what is wrong without
 * taking the app down, and an edit must show without a restart.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assembleContract } from '../../src-shared/contract/assemble';
import { documentText } from '../../src-shared/contract/doc';
import { blankDraft } from '../../src-shared/model/defaults';
import { createClauseLibrary } from './clause-library';

const BUNDLED = join(process.cwd(), 'templates');

let firmDir: string;
beforeEach(() => {
  firmDir = mkdtempSync(join(tmpdir(), 'sla-templates-'));
});
afterEach(() => {
  rmSync(firmDir, { recursive: true, force: true });
});

/** A copy of the standard template as a firm's own, with its id changed. */
function copyAsFirmTemplate(id: string): string {
  const folder = join(firmDir, id);
  cpSync(join(BUNDLED, 'standard-saas'), folder, { recursive: true });
  const templateFile = join(folder, 'template.yaml');
  writeFileSync(templateFile, readFileSync(templateFile, 'utf8').replace('id: standard-saas', `id: ${id}`));
  return folder;
}

/** Moves a file's modification time forward, as a later save would. */
function touchLater(path: string): void {
  const later = new Date(Date.now() + 5_000);
  utimesSync(path, later, later);
}

describe('the clause library', () => {
  it('lists and loads the bundled template, and skips the presets folder', () => {
    const library = createClauseLibrary({ dirs: [BUNDLED] });
    const list = library.list();
    expect(list.map((t) => t.id)).toEqual(['standard-saas']);
    expect(list[0]).toMatchObject({ builtIn: true, errors: [], name: { en: 'Standard SaaS Service Level Agreement', 'zh-CN': '标准SaaS服务水平协议' } });
    const loaded = library.load('standard-saas');
    expect(loaded.ok).toBe(true);
  });

  it("finds a firm's own template folder after the bundled ones", () => {
    copyAsFirmTemplate('acme-enterprise');
    const library = createClauseLibrary({ dirs: [BUNDLED, firmDir] });
    expect(library.list().map((t) => [t.id, t.builtIn, t.errors.length])).toEqual([
      ['standard-saas', true, 0],
      ['acme-enterprise', false, 0],
    ]);
    const loaded = library.load('acme-enterprise');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const draft = blankDraft({ title: 'Firm SLA', effectiveDate: '2026-03-01' });
    expect(assembleContract(draft, loaded.template, 'en').doc.meta.templateId).toBe('acme-enterprise');
  });

  it('lists a broken template with errors naming the file and clause, and refuses to load it', () => {
    const folder = copyAsFirmTemplate('acme-broken');
    const claims = join(folder, 'clauses', 'claims.yaml');
    writeFileSync(claims, readFileSync(claims, 'utf8').replace('{{compensation.claimProcess}}', '{{compensation.claimProces}}'));
    const library = createClauseLibrary({ dirs: [BUNDLED, firmDir] });
    const broken = library.list().find((t) => t.id === 'acme-broken');
    expect(broken?.name).toBeNull();
    expect(broken?.errors).toEqual([
      expect.objectContaining({ file: 'clauses/claims.yaml', clauseId: 'claims.process', message: expect.stringContaining('did you mean "claimProcess"') }),
    ]);
    const loaded = library.load('acme-broken');
    expect(loaded.ok).toBe(false);
    expect(library.load('standard-saas').ok).toBe(true);
  });

  it('picks up an edit to a clause file without a restart', () => {
    const folder = copyAsFirmTemplate('acme-live');
    const library = createClauseLibrary({ dirs: [firmDir] });
    const draft = blankDraft({ title: 'Firm SLA', effectiveDate: '2026-03-01' });
    const first = library.load('acme-live');
    if (!first.ok) throw new Error('unparsed');
    expect(library.load('acme-live')).toBe(first);

    const term = join(folder, 'clauses', 'term.yaml');
    writeFileSync(
      term,
      readFileSync(term, 'utf8').replace('The Parties may extend the Term by written agreement.', 'The Parties may renew the Term by written agreement.'),
    );
    touchLater(term);
    const second = library.load('acme-live');
    if (!second.ok) throw new Error('unparsed');
    expect(documentText(assembleContract(draft, second.template, 'en').doc)).toContain('The Parties may renew the Term');
  });

  it('refuses a folder whose name is not the template id, and a second template with the same id', () => {
    const folder = copyAsFirmTemplate('acme-one');
    cpSync(folder, join(firmDir, 'acme-two'), { recursive: true });
    cpSync(join(BUNDLED, 'standard-saas'), join(firmDir, 'standard-saas'), { recursive: true });
    const library = createClauseLibrary({ dirs: [BUNDLED, firmDir] });
    const byFolder = new Map(library.list().map((t) => [t.folder, t]));
    expect(byFolder.get(join(firmDir, 'acme-two'))?.errors.map((e) => e.message)).toEqual(['the id "acme-one" must be the folder\'s name, "acme-two"']);
    expect(byFolder.get(join(firmDir, 'standard-saas'))?.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^another template with the id "standard-saas" comes first/),
    ]);
    expect(library.load('standard-saas').ok).toBe(true);
  });

  it('answers a missing template or templates folder with an error, not an exception', () => {
    const library = createClauseLibrary({ dirs: [join(firmDir, 'does-not-exist')] });
    expect(library.list()).toEqual([]);
    expect(library.load('standard-saas')).toEqual({ ok: false, errors: [expect.objectContaining({ message: 'there is no template "standard-saas"' })] });
  });

  it('asks for .yaml when a clause file is saved as .yml', () => {
    const folder = copyAsFirmTemplate('acme-yml');
    writeFileSync(join(folder, 'clauses', 'extra.yml'), 'id: extra\n');
    const summary = createClauseLibrary({ dirs: [firmDir] }).list()[0];
    expect(summary?.errors).toEqual([expect.objectContaining({ file: 'clauses/extra.yml', message: 'clause files end in .yaml; rename this file' })]);
  });
});
