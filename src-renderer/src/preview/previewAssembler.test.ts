/**
 * The preview's assembly as the user types: each keystroke gives a contract
 * that shares its untouched clauses with the last one, in the language
 * chosen, quickly enough for the enterprise preset to follow typing; and a
 * draft that cannot be assembled mid-edit keeps the last contract on screen,
 * marked as not up to date, instead of an empty panel.
 */
import { describe, expect, it } from 'vitest';
import { runsText, walkClauses, type ContractDoc } from '../../../src-shared/contract/doc';
import { preset, standardTemplate } from '../../../src-shared/contract/fixtures';
import type { SlaDraft } from '../../../src-shared/model';
import { PreviewAssembler } from './previewAssembler';

const template = standardTemplate();

function clauseText(doc: ContractDoc, id: string): string {
  const found = walkClauses(doc).find(({ clause }) => clause.id === id);
  if (!found) throw new Error(`no clause ${id}`);
  return walkClauses({ clauses: [found.clause] })
    .flatMap(({ clause }) => clause.blocks.flatMap((block) => (block.kind === 'paragraph' ? [runsText(block.runs)] : [])))
    .join('\n');
}

describe('the preview assembler', () => {
  it('follows each change, sharing every clause it did not touch with the previous contract', () => {
    const assembler = new PreviewAssembler();
    const draft = preset('enterprise');
    const first = assembler.assemble(draft, template, 'en');
    if (first?.kind !== 'single') throw new Error('expected a single-language contract');
    expect(first.stale).toBe(false);
    expect(clauseText(first.doc, 'claims.steps')).toContain('60 days');

    draft.compensation.claimWindowDays = 45;
    const second = assembler.assemble(draft, template, 'en');
    if (second?.kind !== 'single') throw new Error('expected a single-language contract');
    expect(clauseText(second.doc, 'claims.steps')).toContain('45 days');
    const untouched = second.doc.clauses.filter((clause, i) => clause === first.doc.clauses[i]);
    expect(untouched.length).toBeGreaterThanOrEqual(second.doc.clauses.length - 2);
    expect(second.doc.clauses.find((clause) => clause.id === 'claims')).not.toBe(first.doc.clauses.find((clause) => clause.id === 'claims'));
  });

  it('writes a value out of its range as the blank [●], as it writes a missing one', () => {
    const assembler = new PreviewAssembler();
    const draft = preset('enterprise');
    draft.compensation.claimWindowDays = 400;
    const result = assembler.assemble(draft, template, 'en');
    if (result?.kind !== 'single') throw new Error('expected a single-language contract');
    expect(clauseText(result.doc, 'claims.steps')).not.toContain('400');
    expect(clauseText(result.doc, 'claims.steps')).toContain('within [●] after');
    // The working copy keeps what the user typed: the wizard still shows it, with its error.
    expect(draft.compensation.claimWindowDays).toBe(400);
  });

  it('assembles both languages for the bilingual preview, each side in its language', () => {
    const result = new PreviewAssembler().assemble(preset('china-hosted'), template, 'bilingual');
    if (result?.kind !== 'bilingual') throw new Error('expected a bilingual contract');
    expect(result.en.meta.language).toBe('en');
    expect(result.zh.meta.language).toBe('zh-CN');
    expect(result.en.clauses.map((clause) => clause.id)).toEqual(result.zh.clauses.map((clause) => clause.id));
  });

  it('keeps the last contract, marked stale, while the draft cannot be assembled — and nothing before the first one', () => {
    const assembler = new PreviewAssembler();
    const broken = (): SlaDraft => {
      const draft = preset('standard-saas');
      // A shape no form produces but a half-migrated file might: assembly throws on it.
      (draft as unknown as { services: unknown }).services = null;
      return draft;
    };
    expect(assembler.assemble(broken(), template, 'en')).toBeNull();

    const good = assembler.assemble(preset('standard-saas'), template, 'en');
    expect(good?.stale).toBe(false);
    const stale = assembler.assemble(broken(), template, 'zh-CN');
    expect(stale?.stale).toBe(true);
    if (stale?.kind !== 'single' || good?.kind !== 'single') throw new Error('expected single-language contracts');
    expect(stale.doc).toBe(good.doc);
  });
});
