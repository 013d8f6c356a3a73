/** The time zones a user can pick, in the wizard's business hours and in the calculator. */
let timeZoneCache: string[] | null = null;

/** IANA time zones the runtime knows, plus UTC (not every engine lists it). */
export function timeZones(): string[] {
  if (!timeZoneCache) {
    const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    timeZoneCache = ['UTC', ...supported.filter((zone) => zone !== 'UTC')];
  }
  return timeZoneCache;
}
