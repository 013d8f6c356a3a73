/**
 * The draft as the contract check reads it: the free text a user types
 * (printed as typed) and the fields that carry a quantity the contract
 * prints. Small accessors over the schema, so a field added or moved in
 * schema.ts is one line here.
 */
import { TEXT_LANGUAGES, type LocalizedText, type TextLanguage } from '../model/localized';
import { metricSemantics } from '../model/metrics';
import type { ProblemPath } from '../model/problems';
import type { SlaDraft } from '../model/schema';

/** What a typed text is about, so its numbers are compared with the fields of the same thing only. */
export type TextScope =
  | { kind: 'draft' }
  | { kind: 'service'; serviceIndex: number }
  | { kind: 'metric'; serviceIndex: number; metricId: string }
  | { kind: 'severity'; level: string };

export interface FreeText {
  /** The field's path and the language's: `services[0].description.zh-CN`. */
  path: ProblemPath;
  text: string;
  language: TextLanguage;
  scope: TextScope;
}

/** Every free text the contract prints as the user typed it, once per language it is written in. */
export function freeTexts(draft: SlaDraft): FreeText[] {
  const texts: FreeText[] = [];
  const add = (path: ProblemPath, value: LocalizedText | undefined, scope: TextScope) => {
    for (const language of TEXT_LANGUAGES) {
      const text = value?.[language];
      if (text !== undefined && text.trim() !== '') texts.push({ path: [...path, language], text, language, scope });
    }
  };
  draft.services.forEach((service, s) => {
    add(['services', s, 'description'], service.description, { kind: 'service', serviceIndex: s });
    service.metrics.forEach((metric, m) => {
      const scope: TextScope = { kind: 'metric', serviceIndex: s, metricId: metric.id };
      add(['services', s, 'metrics', m, 'measurementMethod'], metric.measurementMethod, scope);
      metric.exclusions.forEach((exclusion, e) => add(['services', s, 'metrics', m, 'exclusions', e], exclusion, scope));
    });
  });
  draft.targets.severities.forEach((severity, i) =>
    add(['targets', 'severities', i, 'description'], severity.description, { kind: 'severity', level: severity.level }),
  );
  add(['monitoring', 'downtimeDefinition'], draft.monitoring.downtimeDefinition, { kind: 'draft' });
  add(['compensation', 'claimProcess'], draft.compensation.claimProcess, { kind: 'draft' });
  add(['compliance', 'dataResidency', 'restrictions'], draft.compliance.dataResidency.restrictions, { kind: 'draft' });
  draft.compliance.exclusions.other.forEach((exclusion, e) => add(['compliance', 'exclusions', 'other', e], exclusion, { kind: 'draft' }));
  return texts;
}

/** The units a typed quantity and a field are compared in. */
export type QuantityKind = 'percent' | 'calendarDays' | 'businessDays' | 'minutes';

export interface QuantityField {
  path: ProblemPath;
  kind: QuantityKind;
  value: number;
  /** The field's name: `contractCheck.fields.<label>`, with `level` for a severity's times. */
  label: string;
  level?: string;
  /** Words that say a sentence is about this field (English and Chinese). */
  about: RegExp;
  /** Which typed texts may restate it. */
  applies: (scope: TextScope, sentence: string) => boolean;
}

const everywhere = () => true;
const CLAIM = /claim|申请|索赔/i;
const TERMINATION = /terminat.*notice|notice.*terminat|(?:终止|解除).*通知|通知.*(?:终止|解除)/i;
const REPORT = /\breport|报告/i;
const ROOT_CAUSE = /root[- ]cause|\bRCA\b|根本原因|根因/i;
const DATA_REQUEST = /\bdata\b.*\brequest|\brequest.*\bdata\b|数据.*(?:请求|要求)|(?:请求|要求).*数据/i;
const NOTICE = /notice|notify|通知|提前/i;
const EMERGENCY = /emergency|紧急/i;
const RESPONSE = /respon|响应/i;
const RESOLUTION = /resol|restor|解决|恢复/i;
const NOTIFICATION = /notif|通知|告知/i;
const AVAILABILITY = /availab|uptime|target|service level|可用|目标|服务水平/i;
const ERROR_RATE = /error|错误/i;
const RPO = /\bRPO\b|recovery point|恢复点/i;
const RTO = /\bRTO\b|recovery time|恢复时间/i;
const CREDIT = /credit|减免|赔偿/i;
const CAP = /\bcap|maximum|上限|最高/i;
const TICKETS = /ticket|incident|工单|事件/i;

/** A severity's times: in its own description, or in another text that names the level. */
const forSeverity = (level: string) => (scope: TextScope, sentence: string) =>
  scope.kind === 'severity' ? scope.level === level : new RegExp(`\\b${level}\\b`).test(sentence);

/** A metric's target or tier: in texts about that metric, its service, or the whole draft. */
function forMetric(draft: SlaDraft, metricId: string) {
  const serviceIndex = draft.services.findIndex((service) => service.metrics.some((metric) => metric.id === metricId));
  return (scope: TextScope) =>
    scope.kind === 'draft' || (scope.kind === 'service' && scope.serviceIndex === serviceIndex) || (scope.kind === 'metric' && scope.metricId === metricId);
}

/** The fields whose quantities the contract prints, with the words that mark a sentence about each. */
export function quantityFields(draft: SlaDraft): QuantityField[] {
  const fields: QuantityField[] = [];
  const { compensation, monitoring, targets } = draft;
  fields.push({
    path: ['compensation', 'claimWindowDays'],
    label: 'claimWindowDays',
    kind: 'calendarDays',
    value: compensation.claimWindowDays,
    about: CLAIM,
    applies: everywhere,
  });
  if (compensation.chronicFailure.enabled) {
    fields.push({
      path: ['compensation', 'chronicFailure', 'terminationNoticeDays'],
      label: 'terminationNoticeDays',
      kind: 'calendarDays',
      value: compensation.chronicFailure.terminationNoticeDays,
      about: TERMINATION,
      applies: everywhere,
    });
  }
  fields.push({
    path: ['monitoring', 'reportDueDays'],
    label: 'reportDueDays',
    kind: 'businessDays',
    value: monitoring.reportDueDays,
    about: REPORT,
    applies: everywhere,
  });
  fields.push({
    path: ['monitoring', 'rcaDeadlineDays'],
    label: 'rcaDeadlineDays',
    kind: 'businessDays',
    value: monitoring.rcaDeadlineDays,
    about: ROOT_CAUSE,
    applies: everywhere,
  });
  if (monitoring.customerDataRequest) {
    fields.push({
      path: ['monitoring', 'dataRequestDays'],
      label: 'dataRequestDays',
      kind: 'businessDays',
      value: monitoring.dataRequestDays,
      about: DATA_REQUEST,
      applies: everywhere,
    });
  }
  monitoring.incidentNotification.forEach((notification, i) =>
    fields.push({
      path: ['monitoring', 'incidentNotification', i, 'minutes'],
      label: 'notificationMinutes',
      level: notification.level,
      kind: 'minutes',
      value: notification.minutes,
      about: NOTIFICATION,
      applies: forSeverity(notification.level),
    }),
  );
  const maintenance = targets.maintenance;
  fields.push({
    path: ['targets', 'maintenance', 'noticeHours'],
    label: 'noticeHours',
    kind: 'minutes',
    value: maintenance.noticeHours * 60,
    about: NOTICE,
    applies: (_scope, sentence) => !EMERGENCY.test(sentence),
  });
  fields.push({
    path: ['targets', 'maintenance', 'emergencyNoticeHours'],
    label: 'emergencyNoticeHours',
    kind: 'minutes',
    value: maintenance.emergencyNoticeHours * 60,
    about: EMERGENCY,
    applies: (_scope, sentence) => NOTICE.test(sentence),
  });
  if (targets.supportAttainmentPercent !== undefined) {
    const supportMetricIds = new Set(
      draft.services.flatMap((service) => service.metrics.filter((metric) => metricSemantics(metric).targetFromSeverities).map((metric) => metric.id)),
    );
    fields.push({
      path: ['targets', 'supportAttainmentPercent'],
      label: 'supportAttainmentPercent',
      kind: 'percent',
      value: targets.supportAttainmentPercent,
      about: TICKETS,
      // The severity table's texts and the support metrics' own.
      applies: (scope) => scope.kind === 'severity' || (scope.kind === 'metric' && supportMetricIds.has(scope.metricId)),
    });
  }
  targets.severities.forEach((severity, i) => {
    const applies = forSeverity(severity.level);
    fields.push({
      path: ['targets', 'severities', i, 'responseMinutes'],
      label: 'responseMinutes',
      level: severity.level,
      kind: 'minutes',
      value: severity.responseMinutes,
      about: RESPONSE,
      applies,
    });
    fields.push({
      path: ['targets', 'severities', i, 'resolutionMinutes'],
      label: 'resolutionMinutes',
      level: severity.level,
      kind: 'minutes',
      value: severity.resolutionMinutes,
      about: RESOLUTION,
      applies,
    });
  });
  const kindOf = new Map(draft.services.flatMap((service) => service.metrics.map((metric) => [metric.id, metric] as const)));
  targets.objectives.forEach((objective, i) => {
    const metric = kindOf.get(objective.metricId);
    if (!metric) return;
    const path = ['targets', 'objectives', i, 'objective'];
    const applies = forMetric(draft, metric.id);
    const unit = metricSemantics(metric).unit;
    if (unit === 'percent') {
      const about = metric.kind === 'errorRate' ? ERROR_RATE : AVAILABILITY;
      fields.push({ path, label: 'objective', kind: 'percent', value: objective.objective, about, applies });
    } else if (unit === 'minutes' && (metric.kind === 'rpo' || metric.kind === 'rto')) {
      fields.push({ path, label: 'objective', kind: 'minutes', value: objective.objective, about: metric.kind === 'rpo' ? RPO : RTO, applies });
    }
  });
  compensation.creditTiers.forEach((tier, i) => {
    const metric = kindOf.get(tier.metricId);
    const applies = forMetric(draft, tier.metricId);
    if (metric && metricSemantics(metric).unit === 'percent') {
      fields.push({
        path: ['compensation', 'creditTiers', i, 'threshold'],
        label: 'tierThreshold',
        kind: 'percent',
        value: tier.threshold,
        about: CREDIT,
        applies,
      });
    }
    fields.push({
      path: ['compensation', 'creditTiers', i, 'creditPercent'],
      label: 'tierCredit',
      kind: 'percent',
      value: tier.creditPercent,
      about: CREDIT,
      applies,
    });
  });
  if (compensation.capPercent !== null) {
    fields.push({
      path: ['compensation', 'capPercent'],
      label: 'capPercent',
      kind: 'percent',
      value: compensation.capPercent,
      about: CAP,
      applies: everywhere,
    });
  }
  return fields;
}
