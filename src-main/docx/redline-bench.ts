/**
 * The redline benchmark for `npm run bench` (issue #4 target: the
 * enterprise preset, median under 400 ms). Old = the preset, new = the
 * preset after a round of ten edits of the kinds a negotiation makes
 * (targets, a service removed, credit tiers, regimes, wording, a
 * signatory). One run is what the Redline action does before writing:
 * load both templates (cached after the first run, as in the app),
 * assemble both versions, merge them, write the .docx and hash it.
 * Writing to disk is left out, as in the export benchmark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDraftFile } from '../../src-shared/model/file';
import type { SlaDraft } from '../../src-shared/model/schema';
import { createClauseLibrary } from '../services/clause-library';
import type { ExportLanguage } from '../services/contract-export';
import { createRedlineExportService } from '../services/redline-export';

export interface RedlineBenchOptions {
  /** The templates folder with presets/ and the template folders (the repository's templates/). */
  templatesDir: string;
  language?: ExportLanguage;
  runs?: number;
  /** Runs before measuring: module loading, JIT and the template cache. */
  warmup?: number;
}

export interface RedlineBenchResult {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Size of the .docx produced and the tracked changes in it. */
  bytes: number;
  revisions: number;
}

/** Ten edits of one negotiation round on the enterprise preset; the result is still a valid draft. */
export function negotiationRound(draft: SlaDraft): SlaDraft {
  const next = structuredClone(draft);
  const exportMetrics = new Set(next.services.find((service) => service.id === 'data-export')?.metrics.map((metric) => metric.id) ?? []);
  next.services = next.services.filter((service) => service.id !== 'data-export');
  next.targets.objectives = next.targets.objectives.filter((objective) => !exportMetrics.has(objective.metricId));
  next.compensation.creditTiers = next.compensation.creditTiers.filter((tier) => !exportMetrics.has(tier.metricId));
  next.expectations.requests = next.expectations.requests.filter((request) => !exportMetrics.has(request.metricId));
  const availability = next.targets.objectives[0];
  if (availability) availability.objective = 99.99;
  next.compensation.creditTiers.push({ id: 'bench-tier', metricId: availability?.metricId ?? 'core-api-availability', threshold: 98, creditPercent: 30 });
  next.compensation.claimWindowDays = 45;
  next.compensation.chronicFailure.consecutiveMonths += 1;
  next.compliance.dataProtection.push('PIPL');
  next.parties.customer.signatoryName = `${next.parties.customer.signatoryName} (acting)`;
  next.title = `${next.title} (Revised)`;
  const service = next.services[0];
  if (service) service.description = `${service.description} Read replicas are included.`;
  next.compliance.exclusions.other.push('Failures of third-party payment networks');
  return next;
}

export async function benchRedline(options: RedlineBenchOptions): Promise<RedlineBenchResult> {
  const language = options.language ?? 'bilingual';
  const runs = options.runs ?? 20;
  const read = readDraftFile(readFileSync(join(options.templatesDir, 'presets', 'enterprise.sla.json'), 'utf8'));
  if (!read.ok) throw new Error('enterprise.sla.json is not a valid draft');
  const before = read.draft;
  const after = negotiationRound(before);
  const service = createRedlineExportService({
    clauseLibrary: createClauseLibrary({ dirs: [options.templatesDir] }),
    clock: { now: () => new Date().toISOString() },
  });
  const redlineOnce = () =>
    service.build({
      language,
      old: { draft: before, label: 'v1 — Our proposal', sha256: '0'.repeat(64) },
      new: { draft: after, label: 'v2 — Customer counter-proposal', sha256: 'f'.repeat(64), author: 'Bench', date: '2026-01-01T00:00:00Z' },
    });

  let last = await redlineOnce();
  for (let i = 1; i < (options.warmup ?? 3); i++) last = await redlineOnce();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await redlineOnce();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  const median = times.length % 2 === 1 ? times[middle]! : (times[middle - 1]! + times[middle]!) / 2;
  return {
    name: `redline enterprise, 10 edits (${language}) to .docx`,
    runs,
    medianMs: median,
    minMs: times[0]!,
    maxMs: times[times.length - 1]!,
    bytes: last.bytes.byteLength,
    revisions: last.revisions,
  };
}
