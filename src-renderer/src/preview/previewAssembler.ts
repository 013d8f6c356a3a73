/**
 * Assembly for the live preview: the working copy → ContractDoc(s) in the
 * chosen language, with each document sharing every unchanged clause with
 * the previous one (stabilize.ts) and the time the assembly took.
 *
 * The working copy may be half-typed (a number cleared, a list item without
 * its fields yet). Assembly copes with missing values, but a value of the
 * wrong shape can still make it throw: then the preview keeps showing the
 * last contract it could assemble, marked as not up to date. A value out of
 * its range (a 120 % target) is written as the blank "[●]", as a missing one
 * is: the contract never reads as if it were valid wording.
 */
import { assembleBilingual, assembleContract, type AssemblyProblem } from '../../../src-shared/contract/assemble';
import type { ContractDoc, ContractLanguage } from '../../../src-shared/contract/doc';
import type { Template } from '../../../src-shared/contract/template-types';
import type { SlaDraft } from '../../../src-shared/model';
import { withInvalidValuesBlank } from '../../../src-shared/model/invalid-values';
import { stabilize } from './stabilize';

export const PREVIEW_LANGUAGES = ['en', 'zh-CN', 'bilingual'] as const;
export type PreviewLanguage = (typeof PREVIEW_LANGUAGES)[number];

interface Timing {
  /** How long assembling took, in ms. */
  assemblyMs: number;
  /** performance.now() when it finished: the start of rendering it. */
  assembledAt: number;
  /** The draft could not be assembled as it stands; this is the last contract that could. */
  stale: boolean;
}

export type PreviewContract =
  | ({ kind: 'single'; doc: ContractDoc; problems: AssemblyProblem[] } & Timing)
  | ({ kind: 'bilingual'; en: ContractDoc; zh: ContractDoc; problems: AssemblyProblem[] } & Timing);

export class PreviewAssembler {
  private readonly previous: Record<ContractLanguage, ContractDoc | null> = { en: null, 'zh-CN': null };
  private lastGood: PreviewContract | null = null;

  private keep(language: ContractLanguage, doc: ContractDoc): ContractDoc {
    const stable = stabilize(this.previous[language], doc);
    this.previous[language] = stable;
    return stable;
  }

  /** null only when not even one contract could be assembled yet. */
  assemble(workingCopy: SlaDraft, template: Template, language: PreviewLanguage): PreviewContract | null {
    const started = performance.now();
    let result: PreviewContract;
    try {
      const draft = withInvalidValuesBlank(workingCopy);
      if (language === 'bilingual') {
        const pair = assembleBilingual(draft, template);
        result = {
          kind: 'bilingual',
          en: this.keep('en', pair.en),
          zh: this.keep('zh-CN', pair.zh),
          problems: pair.problems,
          assemblyMs: 0,
          assembledAt: 0,
          stale: false,
        };
      } else {
        const single = assembleContract(draft, template, language);
        result = { kind: 'single', doc: this.keep(language, single.doc), problems: single.problems, assemblyMs: 0, assembledAt: 0, stale: false };
      }
    } catch {
      const last = this.lastGood;
      if (!last) return null;
      // A language switch while the draft cannot be assembled still shows the last contract, in its language.
      return { ...last, assembledAt: performance.now(), stale: true };
    }
    result.assembledAt = performance.now();
    result.assemblyMs = result.assembledAt - started;
    this.lastGood = result;
    return result;
  }
}
