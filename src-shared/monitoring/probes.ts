/**
 * Probe samples aggregated while they stream in: per service and month, the
 * number of samples, how many were up, and a latency histogram in whole
 * milliseconds. A million rows become a few kilobytes, and the latency
 * percentile is still exact — nearest rank over the histogram is a
 * counting sort.
 *
 * Availability from probes is up samples ÷ samples. Samples rather than
 * "down samples × probe interval" because several locations probe the same
 * service and files have gaps: the share of failed samples is the share of
 * time down whatever the number of locations, and a missing sample neither
 * adds nor removes downtime.
 */
import { isValidTimeZone } from '../math/downtime';
import type { BusinessHours } from '../model/schema';
import { businessIntervalsOfMonth, isWithin } from './coverage';
import { normalizedBusinessHours, type ProbeData, type ProbeMonth, type ProbeScope } from './data';
import { monthOf, monthRangeMs, utcMonthOf, type Interval } from './intervals';

/** Latencies up to a minute are counted in a dense array; slower ones (rare) in a map. */
const DENSE_LATENCY_LIMIT = 65_536;

class MonthBucket {
  samples = 0;
  upSamples = 0;
  private dense = new Uint32Array(1024);
  private sparse: Map<number, number> | null = null;

  constructor(
    readonly serviceIndex: number,
    readonly month: string,
    readonly scope: ProbeScope,
  ) {}

  addLatency(ms: number): void {
    if (ms < DENSE_LATENCY_LIMIT) {
      if (ms >= this.dense.length) {
        const grown = new Uint32Array(Math.min(DENSE_LATENCY_LIMIT, Math.max(this.dense.length * 2, ms + 1)));
        grown.set(this.dense);
        this.dense = grown;
      }
      this.dense[ms]!++;
    } else {
      this.sparse ??= new Map();
      this.sparse.set(ms, (this.sparse.get(ms) ?? 0) + 1);
    }
  }

  histogram(): Array<[number, number]> {
    const pairs: Array<[number, number]> = [];
    for (let ms = 0; ms < this.dense.length; ms++) {
      const count = this.dense[ms]!;
      if (count > 0) pairs.push([ms, count]);
    }
    if (this.sparse) pairs.push(...[...this.sparse].sort(([a], [b]) => a - b));
    return pairs;
  }
}

interface Cursor {
  from: number;
  to: number;
  bucket: MonthBucket;
  /** Business hours of the month (businessHours scope only). */
  covered: Interval[];
}

/**
 * Collects probe samples into ProbeData. Samples may come in any order;
 * each service remembers the month it saw last, so sorted input costs one
 * comparison per sample.
 */
export class ProbeAccumulator {
  private readonly buckets = new Map<string, MonthBucket>();
  private readonly utcCursors: Array<Cursor | undefined> = [];
  private readonly businessCursors: Array<Cursor | undefined> = [];
  private readonly businessIntervals = new Map<string, Interval[]>();
  private readonly classifiesBusinessHours: boolean;

  constructor(private readonly businessHours: BusinessHours) {
    // A draft with an unknown zone is invalid and reported elsewhere; without it
    // samples can still be counted round the clock.
    this.classifiesBusinessHours = isValidTimeZone(businessHours.timeZone);
  }

  add(serviceIndex: number, epochMs: number, up: boolean, latencyMs: number | null): void {
    let utc = this.utcCursors[serviceIndex];
    if (!utc || epochMs < utc.from || epochMs >= utc.to) {
      const range = monthRangeMs(utcMonthOf(epochMs), 'UTC');
      utc = { from: range.from, to: range.to, bucket: this.bucket(serviceIndex, range.month, '24x7'), covered: [] };
      this.utcCursors[serviceIndex] = utc;
    }
    record(utc.bucket, up, latencyMs);
    if (!this.classifiesBusinessHours) return;
    let business = this.businessCursors[serviceIndex];
    if (!business || epochMs < business.from || epochMs >= business.to) {
      const range = monthOf(epochMs, this.businessHours.timeZone);
      let covered = this.businessIntervals.get(range.month);
      if (!covered) {
        covered = businessIntervalsOfMonth(this.businessHours, range.month);
        this.businessIntervals.set(range.month, covered);
      }
      business = { from: range.from, to: range.to, bucket: this.bucket(serviceIndex, range.month, 'businessHours'), covered };
      this.businessCursors[serviceIndex] = business;
    }
    if (isWithin(business.covered, epochMs)) record(business.bucket, up, latencyMs);
  }

  /** The aggregates, by service (in the order of `serviceIds`), scope and month; months without a sample are left out. */
  result(serviceIds: readonly string[]): ProbeData {
    const months: ProbeMonth[] = [];
    for (const bucket of this.buckets.values()) {
      if (bucket.samples === 0) continue;
      const serviceId = serviceIds[bucket.serviceIndex];
      if (serviceId === undefined) continue;
      months.push({
        serviceId,
        month: bucket.month,
        scope: bucket.scope,
        samples: bucket.samples,
        upSamples: bucket.upSamples,
        latency: bucket.histogram(),
      });
    }
    const order = (month: ProbeMonth) => serviceIds.indexOf(month.serviceId);
    months.sort((a, b) => order(a) - order(b) || (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0) || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
    return { businessHours: normalizedBusinessHours(this.businessHours), months };
  }

  private bucket(serviceIndex: number, month: string, scope: ProbeScope): MonthBucket {
    const key = `${serviceIndex}|${scope}|${month}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new MonthBucket(serviceIndex, month, scope);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}

function record(bucket: MonthBucket, up: boolean, latencyMs: number | null): void {
  bucket.samples++;
  if (up) bucket.upSamples++;
  if (latencyMs !== null) bucket.addLatency(latencyMs);
}

/** Number of latency samples in a histogram. */
export function histogramCount(histogram: ReadonlyArray<readonly [number, number]>): number {
  let count = 0;
  for (const [, samples] of histogram) count += samples;
  return count;
}

/**
 * The nearest-rank percentile of a latency histogram: the smallest value
 * with at least p % of the samples at or below it, i.e. the sample of rank
 * ⌈p/100 × N⌉ in ascending order. p95 of 20 samples is the 19th; of 1 sample,
 * that sample. It is always a measured value, never an interpolation — the
 * method a customer can check by sorting the data. null without samples.
 */
export function nearestRankPercentile(histogram: ReadonlyArray<readonly [number, number]>, percentile: number): number | null {
  if (!(percentile > 0 && percentile <= 100)) throw new RangeError(`A percentile must be above 0 and at most 100, got ${percentile}`);
  const total = histogramCount(histogram);
  if (total === 0) return null;
  // 99.9 × 1000 / 100 is 999.0000000000001 in binary; cut the noise before rounding up.
  const rank = Math.max(1, Math.ceil(Number(((percentile * total) / 100).toPrecision(12))));
  let seen = 0;
  for (const [ms, count] of histogram) {
    seen += count;
    if (seen >= rank) return ms;
  }
  return histogram[histogram.length - 1]?.[0] ?? null;
}
