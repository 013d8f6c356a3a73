/**
 * The visible text of a contract as the draft part records it: what a
 * reader sees, whatever runs, tabs, breaks and tracked deletions carry it.
 */
import { describe, expect, it } from 'vitest';
import { bodyDigest, changedParagraphs, openingWords, visibleParagraphs } from './visible-text';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;

describe('visibleParagraphs', () => {
  it('reads each paragraph as one line, however its runs are cut, with tabs and breaks as spaces', () => {
    const xml = documentXml(
      '<w:p><w:r><w:t>Service</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> Credit</w:t></w:r><w:r><w:tab/><w:t>10 %</w:t></w:r></w:p>' +
        '<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>' +
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>P1</w:t><w:br/><w:t>15 minutes</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    );
    expect(visibleParagraphs(xml)).toEqual(['Service Credit 10 %', 'P1 15 minutes']);
    const resaved = documentXml(
      '<w:p><w:r><w:t>Service Credit</w:t></w:r><w:r><w:t xml:space="preserve">  10 %</w:t></w:r></w:p><w:p><w:r><w:t>P1 15 minutes</w:t></w:r></w:p>',
    );
    expect(bodyDigest(visibleParagraphs(resaved))).toEqual(bodyDigest(visibleParagraphs(xml)));
  });

  it('leaves out text a tracked change deleted and field codes, and keeps inserted text', () => {
    const xml = documentXml(
      '<w:p><w:del w:id="1" w:author="A"><w:r><w:delText>30</w:delText><w:t>stray</w:t></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>60</w:t></w:r></w:ins>' +
        '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t xml:space="preserve"> days</w:t></w:r></w:p>',
    );
    expect(visibleParagraphs(xml)).toEqual(['60 days']);
  });
});

describe('changedParagraphs', () => {
  it('names the paragraphs whose text is not among the recorded ones, in order', () => {
    const recorded = bodyDigest(['A', 'B', 'B', 'C']).paragraphs;
    expect(changedParagraphs(['A', 'B', 'B', 'C'], recorded)).toEqual([]);
    expect(changedParagraphs(['A', 'B', 'X', 'C', 'Y'], recorded)).toEqual(['X', 'Y']);
    expect(changedParagraphs(['A', 'B', 'B', 'B', 'C'], recorded)).toEqual(['B']);
  });

  it('cuts a long paragraph at a word for its opening words', () => {
    expect(openingWords('“Business Day” means a day on which banks are open')).toBe('“Business Day” means a day on which…');
    expect(openingWords('Short.')).toBe('Short.');
  });
});
