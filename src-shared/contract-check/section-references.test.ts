import { describe, expect, it } from 'vitest';
import { namedBlankDraft } from '../contract/fixtures';
import { sectionReferenceFindings } from './section-references';

describe('sectionReferenceFindings', () => {
  it('warns on "the … section", "this section" and 本节 in typed text, on the field', () => {
    const draft = namedBlankDraft();
    draft.services[0]!.metrics[0]!.measurementMethod.en = 'Downtime as defined in the Monitoring and Reporting section.';
    draft.monitoring.downtimeDefinition.en = 'As stated in this section, a probe failure counts.';
    draft.compensation.claimProcess['zh-CN'] = '按本节约定提出申请。';
    expect(sectionReferenceFindings(draft)).toEqual([
      expect.objectContaining({
        level: 'warning',
        step: 'services',
        path: ['services', 0, 'metrics', 0, 'measurementMethod', 'en'],
        params: { words: 'the Monitoring and Reporting section' },
      }),
      expect.objectContaining({ step: 'monitoring', path: ['monitoring', 'downtimeDefinition', 'en'], params: { words: 'this section' } }),
      expect.objectContaining({ step: 'compensation', path: ['compensation', 'claimProcess', 'zh-CN'], params: { words: '本节' } }),
    ]);
  });

  it('leaves a clause number alone', () => {
    const draft = namedBlankDraft();
    draft.compensation.claimProcess.en = 'Claims are made under Clause 10.2 through the support portal.';
    expect(sectionReferenceFindings(draft)).toEqual([]);
  });
});
