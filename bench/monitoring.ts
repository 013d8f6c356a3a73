/**
 * Benchmark of the monitoring import (target: one million probe
 * rows in under 3 s, under 300 MB of memory). The probe file is generated
 * at run time in a temporary folder and deleted afterwards; nothing is
 * committed.
 *
 * Run alone:  npx tsx bench/monitoring.ts [rows]
 * From bench/run.ts:  const result = await benchMonitoringImport();
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDraftFile } from '../src-shared/model/file';
import type { SlaDraft } from '../src-shared/model/schema';
import { computeMonthlyReport } from '../src-shared/monitoring';
import { importMonitoringFile } from '../src-main/services/monitoring-import';

export interface ProbeFileOptions {
  rows: number;
  /** Service ids or names, probed in turn. */
  services: string[];
  /** The first sample's time, epoch ms. */
  startMs: number;
  /** Seconds between two rounds of probes (one sample per service per round). */
  intervalSeconds: number;
}

/**
 * A probe samples file like a monitoring export: one row per service per
 * round, about 0.05 % of samples down, latencies between 40 and 1,240 ms
 * with a slow tail. Deterministic (a fixed linear congruential sequence),
 * so two runs measure the same file.
 */
export async function writeProbeSampleFile(path: string, options: ProbeFileOptions): Promise<number> {
  const out = createWriteStream(path);
  let seed = 20_271_001;
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 4_294_967_296;
  };
  let bytes = 0;
  const header = 'timestamp,service,up,latency_ms\n';
  out.write(header);
  bytes += header.length;
  const services = options.services;
  let block: string[] = [];
  for (let row = 0; row < options.rows; row++) {
    const round = Math.floor(row / services.length);
    const timestamp = new Date(options.startMs + round * options.intervalSeconds * 1000).toISOString().replace('.000Z', 'Z');
    const up = random() >= 0.0005;
    const tail = random() < 0.02 ? 1_000 : 0;
    const latency = up ? String(40 + Math.floor(random() * 200) + tail) : '';
    block.push(`${timestamp},${services[row % services.length]},${up ? 1 : 0},${latency}\n`);
    if (block.length === 10_000) {
      const text = block.join('');
      bytes += text.length;
      block = [];
      if (!out.write(text)) await once(out, 'drain');
    }
  }
  const rest = block.join('');
  bytes += rest.length;
  out.end(rest);
  await once(out, 'finish');
  return bytes;
}

export interface MonitoringImportBench {
  rows: number;
  fileBytes: number;
  /** Wall time of the import: read, hash, parse, check, aggregate. */
  importSeconds: number;
  /** CPU time (user + system) of the import: steadier than wall time on a busy machine. */
  importCpuSeconds: number;
  /** Wall time of one monthly report from the aggregate. */
  reportSeconds: number;
  /** Highest resident set size sampled during the import. */
  peakRssMB: number;
  /** Resident set size before the import started. */
  startRssMB: number;
  ok: boolean;
}

async function enterpriseDraft(): Promise<SlaDraft> {
  const path = fileURLToPath(new URL('../templates/presets/enterprise.sla.json', import.meta.url));
  const result = readDraftFile(await readFile(path, 'utf8'));
  if (!result.ok) throw new Error('The enterprise preset does not validate');
  return result.draft;
}

/** Generates a probe file of `rows` rows (default one million), imports it against the enterprise preset and measures. */
export async function benchMonitoringImport(options: { rows?: number } = {}): Promise<MonitoringImportBench> {
  const rows = options.rows ?? 1_000_000;
  const draft = await enterpriseDraft();
  const folder = await mkdtemp(join(tmpdir(), 'sla-monitoring-bench-'));
  try {
    const path = join(folder, 'probes.csv');
    const fileBytes = await writeProbeSampleFile(path, {
      rows,
      services: ['core-api', 'Web Console', 'data-export'],
      startMs: Date.UTC(2027, 8, 1),
      intervalSeconds: 30,
    });
    (globalThis as { gc?: () => void }).gc?.();
    const startRss = process.memoryUsage.rss();
    let peakRss = startRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 10);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await importMonitoringFile(path, {
      draft,
      onProgress: () => {
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
      },
      progressIntervalMs: 0,
    });
    const importSeconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    let reportSeconds = 0;
    if (result.ok) {
      const reportStarted = performance.now();
      computeMonthlyReport(draft, result.data, '2027-10');
      reportSeconds = (performance.now() - reportStarted) / 1000;
    }
    return {
      rows,
      fileBytes,
      importSeconds,
      importCpuSeconds: (cpu.user + cpu.system) / 1e6,
      reportSeconds,
      peakRssMB: peakRss / 2 ** 20,
      startRssMB: startRss / 2 ** 20,
      ok: result.ok,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const result = await benchMonitoringImport({ rows });
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  console.log(
    JSON.stringify({
      ...result,
      importSeconds: round(result.importSeconds, 3),
      importCpuSeconds: round(result.importCpuSeconds, 3),
      reportSeconds: round(result.reportSeconds, 4),
      peakRssMB: round(result.peakRssMB, 1),
      startRssMB: round(result.startRssMB, 1),
      maxRssOfProcessMB: round(process.resourceUsage().maxRSS / 1024, 1),
    }),
  );
}
