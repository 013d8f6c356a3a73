/**
 * The negotiation round the redline benchmark measures (bench/run.ts;
 * target: the enterprise preset, median under 400 ms): ten
 * edits of the kinds a negotiation makes (targets, a service removed,
 * credit tiers, regimes, wording, a signatory).
 */
import { localized, TEXT_LANGUAGES, type LocalizedText } from '../../src-shared/model/localized';
import type { SlaDraft } from '../../src-shared/model/schema';

/** `addition` added to each language the text is written in, as a negotiator rewords both. */
function amended(text: LocalizedText, addition: LocalizedText): LocalizedText {
  const result = { ...text };
  for (const language of TEXT_LANGUAGES) if (text[language].trim() !== '') result[language] = `${text[language]}${addition[language]}`;
  return result;
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
  next.title = amended(next.title, localized(' (Revised)', '（修订版）'));
  const service = next.services[0];
  if (service) service.description = amended(service.description, localized(' Read replicas are included.', '包括只读副本。'));
  next.compliance.exclusions.other.push(localized('Failures of third-party payment networks', '第三方支付网络的故障'));
  return next;
}
