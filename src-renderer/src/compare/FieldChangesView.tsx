/**
 * View 1 of the comparison: what changed, field by field, in the wizard's
 * words — "Availability target (Core API): 99.9 % → 99.95 %" — grouped
 * under the six steps, each change that lands beyond the playbook tagged
 * (a customer's ask beyond it, or a position that needs an approval).
 */
import { Alert, Empty, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffDrafts, formatChange, groupChangesByStep, type ChangeKind } from '../../../src-shared/compare';
import type { SlaDraft } from '../../../src-shared/model';
import { findingsNeedingApproval, type Finding } from '../../../src-shared/playbook';
import { useLocale } from '../common/locale';
import { FindingLine } from '../playbook/PlaybookNotes';
import { findingsForChange } from './flags';

const KIND_COLOURS: Record<ChangeKind, string> = { added: 'green', removed: 'red', changed: 'blue', moved: 'default' };

export function FieldChangesView({ before, after, findings }: { before: SlaDraft; after: SlaDraft; findings: readonly Finding[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const changes = useMemo(() => diffDrafts(before, after), [before, after]);
  const groups = useMemo(() => groupChangesByStep(changes), [changes]);

  // The changes that land beyond the playbook, and of their findings which need an approval and which are the customer's asks.
  const beyond = useMemo(() => {
    const flagged = changes.map((change) => findingsForChange(change, findings)).filter((found) => found.length > 0);
    return {
      changes: flagged.length,
      needApproval: flagged.filter((found) => findingsNeedingApproval(found).length > 0).length,
      asks: flagged.filter((found) => found.some((finding) => finding.scope === 'ask')).length,
    };
  }, [changes, findings]);

  if (changes.length === 0) return <Empty description={t('compareView.fields.none')} />;
  return (
    <div className="field-changes" data-testid="field-changes">
      <Typography.Paragraph className="field-changes-summary" role="status">
        {t('compareView.fields.summary', { count: changes.length })}
      </Typography.Paragraph>
      {beyond.changes > 0 && (
        <Alert
          type="warning"
          showIcon
          className="field-changes-beyond"
          data-testid="changes-beyond"
          title={t('compareView.fields.beyond', { count: beyond.changes })}
          description={
            beyond.needApproval > 0 || beyond.asks > 0 ? (
              <>
                {beyond.needApproval > 0 && <div>{t('compareView.fields.beyondApproval', { count: beyond.needApproval })}</div>}
                {beyond.asks > 0 && <div>{t('compareView.fields.beyondAsks', { count: beyond.asks })}</div>}
              </>
            ) : undefined
          }
        />
      )}
      {groups.map((group) => (
        <section key={group.step} aria-labelledby={`changes-${group.step}`} className="field-changes-step">
          <Typography.Title level={3} id={`changes-${group.step}`}>
            {t(`steps.${group.step}`)}
          </Typography.Title>
          <ul>
            {group.changes.map((change, index) => {
              const text = formatChange(change, locale, t);
              const flagged = findingsForChange(change, findings);
              return (
                <li
                  key={`${change.kind}-${change.path.join('.')}-${index}`}
                  className="field-change"
                  data-kind={change.kind}
                  data-beyond={flagged.length > 0 || undefined}
                >
                  <Tag color={KIND_COLOURS[change.kind]} className="field-change-kind">
                    {t(`compareView.fields.kind.${change.kind}`)}
                  </Tag>
                  {change.kind === 'changed' && text.old !== null && text.new !== null && text.text !== t('compare.textEdited', { label: text.label }) ? (
                    <span className="field-change-text">
                      <span className="field-change-label">{t('compareView.fields.labelled', { label: text.label })}</span>
                      <del className="cmp-del">
                        <span className="visually-hidden">{t('compareView.fields.labelled', { label: t('compareView.fields.before') })}</span>
                        {text.old}
                      </del>
                      <span aria-hidden> → </span>
                      <ins className="cmp-ins">
                        <span className="visually-hidden">{t('compareView.fields.labelled', { label: t('compareView.fields.after') })}</span>
                        {text.new}
                      </ins>
                    </span>
                  ) : (
                    <span className="field-change-text">{text.text}</span>
                  )}
                  {flagged.length > 0 && (
                    <div className="field-change-findings">
                      {flagged.map((finding, findingIndex) => (
                        <FindingLine key={`${finding.limitId}-${findingIndex}`} finding={finding} withNote={false} />
                      ))}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
