/**
 * Support times counted within Business Hours, as the contract prints them.
 * The contract writes such a time in Business Days or Business Hours, never
 * in calendar days (format: formatBusinessDurationMinutes: "10 Business
 * Days" when exact, else "120 Business Hours"). This check finds what is
 * still ambiguous: a business-hours time printed in days or 天 (a template
 * that formats it as a calendar duration) — a problem on the field.
 */
import type { ContractDoc } from '../contract/doc';
import { runsText } from '../contract/doc';
import type { SlaDraft } from '../model/schema';
import { contractPassages } from './contract-text';
import type { ContractFinding } from './finding';

const SUPPORT_TIME = /^targets\.severities\[(\d+)\]\.(responseMinutes|resolutionMinutes)$/;
/** Calendar days: "5 days" but not "5 Business Days"; "5天" / "5日" but not "5个工作日". */
const CALENDAR_DAYS = /\d\s*(?:(?<!Business )days?\b|天|(?<!工作)日)/;

export function businessTimeFindings(draft: SlaDraft, docs: readonly ContractDoc[]): ContractFinding[] {
  const findings: ContractFinding[] = [];
  const seen = new Set<string>();
  const severities = draft.targets.severities;
  for (const doc of docs) {
    for (const passage of contractPassages(doc)) {
      for (const run of passage.runs) {
        const match = run.source ? SUPPORT_TIME.exec(run.source.path) : null;
        if (!match) continue;
        const severity = severities[Number(match[1])];
        if (severity?.coverage !== 'businessHours' || !CALENDAR_DAYS.test(runsText([run]))) continue;
        if (seen.has(run.source!.path)) continue;
        seen.add(run.source!.path);
        findings.push({
          level: 'problem',
          rule: 'businessTime',
          step: 'targets',
          path: ['targets', 'severities', Number(match[1]), match[2]!],
          clause: passage.clause,
          key: 'contractCheck.businessTime.calendarDays',
          fixKey: 'contractCheck.businessTime.calendarDaysFix',
          params: { level: severity.level, printed: runsText([run]) },
        });
      }
    }
  }
  return findings;
}
