/**
 * Validation of a whole draft: each section is parsed on its own, so the
 * wizard can show every step's problems at once, then the cross-field rules
 * run over the sections that parsed.
 */
import { upgradeContent } from './migrate';
import { problem, problemFromZodIssue, type Problem } from './problems';
import { crossFieldProblems, type ParsedSections } from './rules';
import { SCHEMA_VERSION, slaDraftSchema, type SlaDraft } from './schema';

export interface DraftValidation {
  /** The parsed draft when every section has the right shape (it may still have rule problems). */
  draft: SlaDraft | null;
  problems: Problem[];
}

const SECTION_KEYS = Object.keys(slaDraftSchema.shape) as (keyof SlaDraft)[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates a draft of the current version, or of an older one upgraded
 * first (migrate.ts): stored working copies and saved versions keep the form
 * they were written in, and read as today's drafts.
 */
export function validateDraft(content: unknown): DraftValidation {
  if (!isRecord(content)) return { draft: null, problems: [problem([], 'file.notObject')] };
  const input = upgradeContent(content);

  const problems: Problem[] = [];
  const parsed: Record<string, unknown> = {};
  for (const key of SECTION_KEYS) {
    const result = slaDraftSchema.shape[key].safeParse(input[key], { reportInput: true });
    if (result.success) parsed[key] = result.data;
    else problems.push(...result.error.issues.flatMap((issue) => problemFromZodIssue(issue, [key])));
  }
  for (const key of Object.keys(input)) {
    // An own-property check: `in` would take "__proto__" and "constructor" for fields, from Object.prototype.
    if (!Object.hasOwn(slaDraftSchema.shape, key)) problems.push(problem([key], 'validation.unknownField', { field: key }));
  }
  if (input.schemaVersion !== SCHEMA_VERSION) {
    // The file layer migrates older versions; here any other value is simply wrong.
    problems.splice(0, problems.length, ...problems.filter((p) => p.path[0] !== 'schemaVersion'));
    problems.unshift(problem(['schemaVersion'], 'file.schemaVersion', { supported: SCHEMA_VERSION }));
  }

  const sections = parsed as ParsedSections;
  problems.push(...crossFieldProblems(sections));
  const complete = SECTION_KEYS.every((key) => key in parsed);
  return { draft: complete ? (sections as SlaDraft) : null, problems };
}
