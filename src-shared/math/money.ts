/**
 * Amounts of money in a currency's minor unit: a credit statement must add
 * up to the cent, and JPY has no cents at all.
 */

/** Minor-unit decimals per ISO 4217; the currencies of CURRENCIES in model/schema.ts. */
const MINOR_UNIT_DECIMALS: Record<string, number> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CNY: 2,
  HKD: 2,
  SGD: 2,
  JPY: 0,
  AUD: 2,
  CAD: 2,
  CHF: 2,
};

/** Decimals of an ISO 4217 currency's minor unit: 0 for JPY, 2 for the others and for unknown codes. */
export function currencyDecimals(currency: string | undefined): number {
  return (currency !== undefined ? MINOR_UNIT_DECIMALS[currency] : undefined) ?? 2;
}

/**
 * Round to the currency's minor unit, half away from zero (commercial
 * rounding). The amount is first cut to 15 significant digits so that a
 * binary value such as 1.005 (stored as 1.00499999…) rounds as written.
 */
export function roundMoney(amount: number, currency?: string): number {
  if (!Number.isFinite(amount)) throw new RangeError(`An amount of money must be a finite number, got ${String(amount)}`);
  const factor = 10 ** currencyDecimals(currency);
  const scaled = Number((Math.abs(amount) * factor).toPrecision(15));
  const rounded = (Math.sign(amount) * Math.round(scaled)) / factor;
  return rounded === 0 ? 0 : rounded;
}
