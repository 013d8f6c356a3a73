/**
 * The export benchmark for `npm run bench` (issue #3 target: the enterprise
 * preset, bilingual, in process, median under 300 ms). One run is what the
 * Export action does before writing: load the template (cached after the
 * first run, as in the app), assemble both languages, write the .docx and
 * hash it. Writing to disk is left out: fsync time says more about the disk
 * than about SLA Studio.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDraftFile } from '../../src-shared/model/file';
import { createClauseLibrary } from '../services/clause-library';
import { createContractExportService, type ExportLanguage } from '../services/contract-export';

export interface ExportBenchOptions {
  /** The templates folder with presets/ and the template folders (the repository's templates/). */
  templatesDir: string;
  /** A file name in templates/presets. */
  presetFile?: string;
  language?: ExportLanguage;
  runs?: number;
  /** Runs before measuring: module loading, JIT and the template cache. */
  warmup?: number;
}

export interface ExportBenchResult {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Size of the .docx produced. */
  bytes: number;
}

export async function benchContractExport(options: ExportBenchOptions): Promise<ExportBenchResult> {
  const presetFile = options.presetFile ?? 'enterprise.sla.json';
  const language = options.language ?? 'bilingual';
  const runs = options.runs ?? 20;
  const read = readDraftFile(readFileSync(join(options.templatesDir, 'presets', presetFile), 'utf8'));
  if (!read.ok) throw new Error(`${presetFile} is not a valid draft`);
  const service = createContractExportService({
    clauseLibrary: createClauseLibrary({ dirs: [options.templatesDir] }),
    clock: { now: () => new Date().toISOString() },
  });
  const exportOnce = async () => (await service.build({ draft: read.draft, language })).bytes.byteLength;

  let bytes = 0;
  for (let i = 0; i < (options.warmup ?? 3); i++) bytes = await exportOnce();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = await exportOnce();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  const median = times.length % 2 === 1 ? times[middle]! : (times[middle - 1]! + times[middle]!) / 2;
  return {
    name: `export ${presetFile.replace(/\.sla\.json$/, '')} (${language}) to .docx`,
    runs,
    medianMs: median,
    minMs: times[0]!,
    maxMs: times[times.length - 1]!,
    bytes,
  };
}
