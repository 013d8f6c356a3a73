/**
 * The text of a clause as a lawyer writes it in YAML, tokenized once when
 * the template is parsed:
 *
 *   **bold**, *italic*            emphasis (\* for a literal asterisk)
 *   {{provider.legalName}}        a draft value or computed value
 *   {{tier.creditPercent | percent}}   …through a formatting filter
 *   {{window.day | term:weekday}}      …through a filter with an argument
 *   {{> metricName metric=tier.metric}}   a phrase (see phrases.yaml)
 *   {{ref:service-credits}}       the number of another clause ("Clause 9" / "第9条")
 *
 * Line breaks in the YAML are layout, not content: a break between two
 * words becomes a space, a break next to a Chinese character disappears
 * (Chinese has no spaces between words).
 */

export interface FilterCall {
  name: string;
  arg: string | null;
}

interface Styled {
  bold: boolean;
  italic: boolean;
}

export type Segment =
  | ({ t: 'text'; text: string } & Styled)
  | ({ t: 'value'; path: string[]; raw: string; filter: FilterCall | null } & Styled)
  | ({ t: 'phrase'; name: string; bindings: Array<{ name: string; path: string[] }>; raw: string } & Styled)
  | ({ t: 'ref'; clauseId: string; raw: string } & Styled);

export interface TokenizeResult {
  segments: Segment[];
  errors: string[];
}

const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
// A leading "__" is refused so that no name can reach an object's prototype (__proto__).
const IDENTIFIER = /^(?!__)[A-Za-z_][A-Za-z0-9_]*$/;
const CLAUSE_ID = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$/;

/** Joins the lines of a YAML text: a space between words, nothing next to Chinese. */
export function normalizeWhitespace(text: string): string {
  return text
    .replace(/[ \t]*\r?\n[ \t\r\n]*/g, (match, offset: number, whole: string) => {
      const before = whole[offset - 1] ?? '';
      const after = whole[offset + match.length] ?? '';
      return CJK.test(before) || CJK.test(after) ? '' : ' ';
    })
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

export function parsePath(text: string): string[] | null {
  const parts = text.split('.');
  return parts.every((part) => IDENTIFIER.test(part)) ? parts : null;
}

function parsePlaceholder(inner: string, style: Styled): { segment?: Segment; error?: string } {
  const raw = `{{${inner}}}`;
  const body = inner.trim();
  if (body === '') return { error: 'an empty placeholder {{}}' };

  if (body.startsWith('>')) {
    const [name, ...bindingTexts] = body.slice(1).trim().split(/\s+/);
    if (!name || !IDENTIFIER.test(name)) return { error: `${raw}: a phrase needs a name, e.g. {{> metricName}}` };
    const bindings: Array<{ name: string; path: string[] }> = [];
    for (const bindingText of bindingTexts) {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(bindingText);
      const path = match && IDENTIFIER.test(match[1]!) ? parsePath(match[2]!) : null;
      if (!match || !path) return { error: `${raw}: "${bindingText}" should read name=path, e.g. metric=tier.metric` };
      bindings.push({ name: match[1]!, path });
    }
    return { segment: { t: 'phrase', name, bindings, raw, ...style } };
  }

  if (body.startsWith('ref:')) {
    const clauseId = body.slice(4).trim();
    if (!CLAUSE_ID.test(clauseId)) return { error: `${raw}: "${clauseId}" is not a clause id` };
    return { segment: { t: 'ref', clauseId, raw, ...style } };
  }

  const [pathText, ...filterTexts] = body.split('|').map((part) => part.trim());
  const path = parsePath(pathText ?? '');
  if (!path) return { error: `${raw}: "${pathText ?? ''}" is not a field path such as provider.legalName` };
  if (filterTexts.length > 1) return { error: `${raw}: only one filter is allowed` };
  let filter: FilterCall | null = null;
  if (filterTexts.length === 1) {
    const match = /^([A-Za-z]+)(?::\s*([A-Za-z_][A-Za-z0-9_]*))?$/.exec(filterTexts[0]!);
    if (!match) return { error: `${raw}: "${filterTexts[0]!}" is not a filter such as percent or term:weekday` };
    filter = { name: match[1]!, arg: match[2] ?? null };
  }
  return { segment: { t: 'value', path, raw, filter, ...style } };
}

/** Tokenizes one language's text of one paragraph, cell or heading. */
export function tokenize(source: string): TokenizeResult {
  const text = normalizeWhitespace(source);
  const segments: Segment[] = [];
  const errors: string[] = [];
  const style: Styled = { bold: false, italic: false };
  let buffer = '';

  const flush = () => {
    if (buffer === '') return;
    const last = segments[segments.length - 1];
    if (last?.t === 'text' && last.bold === style.bold && last.italic === style.italic) last.text += buffer;
    else segments.push({ t: 'text', text: buffer, ...style });
    buffer = '';
  };

  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\' && (text[i + 1] === '*' || text[i + 1] === '{' || text[i + 1] === '\\')) {
      buffer += text[i + 1];
      i += 2;
    } else if (text.startsWith('{{', i)) {
      const end = text.indexOf('}}', i + 2);
      if (end < 0) {
        errors.push(`"{{" at "${text.slice(i, i + 30)}" is never closed with "}}"`);
        break;
      }
      flush();
      const { segment, error } = parsePlaceholder(text.slice(i + 2, end), { ...style });
      if (error) errors.push(error);
      if (segment) segments.push(segment);
      i = end + 2;
    } else if (text.startsWith('}}', i)) {
      errors.push(`"}}" without a matching "{{" near "${text.slice(Math.max(0, i - 20), i + 2)}"`);
      buffer += '}}';
      i += 2;
    } else if (text.startsWith('**', i)) {
      flush();
      style.bold = !style.bold;
      i += 2;
    } else if (char === '*') {
      flush();
      style.italic = !style.italic;
      i += 1;
    } else {
      buffer += char;
      i += 1;
    }
  }
  flush();
  if (style.bold) errors.push('"**" (bold) is opened but never closed');
  if (style.italic) errors.push('"*" (italic) is opened but never closed');
  return { segments, errors };
}

/** Whether the text has no words of its own (only placeholders, digits and punctuation): then one text serves both languages. */
export function isLanguageNeutral(segments: readonly Segment[]): boolean {
  return segments.every((segment) => segment.t !== 'text' || !/\p{L}/u.test(segment.text));
}
