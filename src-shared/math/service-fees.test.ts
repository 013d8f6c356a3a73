/// <reference types="vite/client" />
/**
 * A Monthly Fee split by service: a service's credits are a share of its
 * own fee, the monthly cap a share of the whole fee — and a draft that does
 * not split its fee computes exactly as before.
 */
import { describe, expect, it } from 'vitest';
import enterpriseJson from '../../templates/presets/enterprise.sla.json';
import { enterpriseWithServiceFees } from '../contract/fixtures';
import { slaDraftSchema } from '../model/schema';
import { validateDraft } from '../model/validate';
import { creditForMetric, feeSplitByService, monthCredit, serviceFee, worstCaseYearlyExposure } from './credits';

const enterprise = slaDraftSchema.parse(enterpriseJson);

describe('a fee split by service', () => {
  it('is a draft that validates, and one without service fees does not split', () => {
    expect(validateDraft(enterpriseWithServiceFees()).problems).toEqual([]);
    expect(feeSplitByService(enterprise)).toBe(false);
    expect(feeSplitByService(enterpriseWithServiceFees())).toBe(true);
    expect(serviceFee(enterprise, 'web-console')).toBe(85_000);
    expect(serviceFee(enterpriseWithServiceFees(), 'web-console')).toBe(20_000);
  });

  it('computes a metric’s credit on its own service’s fee', () => {
    // Web Console availability of 99.4 %: below 99.5 → the 10 % tier.
    expect(creditForMetric(enterprise, 'web-console-availability', 99.4).amount).toBe(8_500);
    expect(creditForMetric(enterpriseWithServiceFees(), 'web-console-availability', 99.4).amount).toBe(2_000);
  });

  it('adds the services’ credits on their fees, and caps the sum at a share of the whole Monthly Fee', () => {
    // 25 % of 50,000 + 10 % of 20,000 = 14,500, which is 17.0588… % of 85,000: under the 30 % cap.
    const month = monthCredit(
      [
        { creditPercent: 25, fee: 50_000 },
        { creditPercent: 10, fee: 20_000 },
      ],
      30,
      85_000,
      'USD',
    );
    expect(month).toEqual({ totalPercent: 17.0588235294, cappedPercent: 17.0588235294, capped: false, amount: 14_500 });
    // 30 % of 50,000 + 30 % of 20,000 + 30 % of 10,000 + 30 % of 5,000 = 25,500 = 30 % of 85,000: at the cap, not cut.
    const all = monthCredit(
      [50_000, 20_000, 10_000, 5_000].map((fee) => ({ creditPercent: 30, fee })),
      30,
      85_000,
      'USD',
    );
    expect(all).toMatchObject({ totalPercent: 30, capped: false, amount: 25_500 });
    // With a 15 % cap the 14,500 is cut to 12,750.
    expect(
      monthCredit(
        [
          { creditPercent: 25, fee: 50_000 },
          { creditPercent: 10, fee: 20_000 },
        ],
        15,
        85_000,
        'USD',
      ),
    ).toMatchObject({ cappedPercent: 15, capped: true, amount: 12_750 });
    // Without fees, percentages of the Monthly Fee as always: 25 % + 10 % = 35 %, capped at 30 %.
    expect(monthCredit([{ creditPercent: 25 }, { creditPercent: 10 }], 30, 85_000, 'USD')).toEqual({
      totalPercent: 35,
      cappedPercent: 30,
      capped: true,
      amount: 25_500,
    });
  });

  it('puts the worst case on the services’ fees', () => {
    // Every credited metric at its highest tier: Core API availability 30 %, latency 10 %, error rate 10 % (of 50,000),
    // Web Console 10 % and Data Export 10 % (of 20,000 and 10,000): 25,000 + 2,000 + 1,000 = 28,000, capped at 25,500.
    expect(worstCaseYearlyExposure(enterpriseWithServiceFees())).toMatchObject({ monthlyMaxPercent: 30, monthlyMaxAmount: 25_500 });
    const lowerCap = enterpriseWithServiceFees();
    lowerCap.compensation.capPercent = 40;
    expect(worstCaseYearlyExposure(lowerCap)).toMatchObject({ monthlyMaxAmount: 28_000, yearlyMaxAmount: 336_000 });
    // Given only the compensation terms, as before: every metric on the whole fee.
    expect(worstCaseYearlyExposure({ compensation: lowerCap.compensation }).monthlyMaxAmount).toBe(34_000);
  });

  it('needs a fee for every service with credit tiers, and fees that fit in the Monthly Fee', () => {
    const missing = enterpriseWithServiceFees();
    delete missing.services[1]!.monthlyFee;
    delete missing.services[3]!.monthlyFee;
    // The Web Console has credit tiers; the support service has none, so it needs no fee.
    expect(missing.services[1]!.name.en).toBe('Web Console');
    expect(validateDraft(missing).problems).toEqual([
      { step: 'services', path: ['services', 1, 'monthlyFee'], key: 'rules.serviceFeeRequired', params: { service: missing.services[1]!.name } },
    ]);
    const tooMuch = enterpriseWithServiceFees();
    tooMuch.services[0]!.monthlyFee = 60_000;
    expect(validateDraft(tooMuch).problems).toEqual([
      { step: 'compensation', path: ['compensation', 'monthlyFee'], key: 'rules.serviceFeesAboveMonthlyFee', params: { total: 95_000 } },
    ]);
  });
});
