/**
 * What the playbook and the market say about one field, shown under it:
 * a finding as a tag ("Needs approval", "Beyond the playbook") with its
 * sentence and the company's reason — amber, with its own icon, never the
 * red of a validation error, because the position is valid, just not ours
 * to give without asking — and where the value stands against the market,
 * with the published sources one click away.
 */
import { AuditOutlined, ExclamationCircleOutlined, LineChartOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Popover, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { findingTag, formatFinding, formatMarketPosition, formatMarketSource, type Finding, type MarketPosition } from '../../../src-shared/playbook';
import { useLocale } from '../common/locale';
import type { FieldNotes } from './playbookStore';
import './playbook.css';

/** The tag of a finding: the same look in the wizard, the step summary, the gap table and the compare view. */
export function FindingTag({ finding, label }: { finding: Pick<Finding, 'scope' | 'severity'>; label?: string }) {
  const { t } = useTranslation();
  const icon =
    finding.scope === 'ask' ? (
      <AuditOutlined aria-hidden />
    ) : finding.severity === 'needsApproval' ? (
      <SafetyCertificateOutlined aria-hidden />
    ) : (
      <ExclamationCircleOutlined aria-hidden />
    );
  const colour = finding.scope === 'ask' ? 'purple' : finding.severity === 'needsApproval' ? 'orange' : 'gold';
  return (
    <Tag icon={icon} color={colour} className="playbook-tag" data-severity={finding.scope === 'ask' ? 'ask' : finding.severity}>
      {label ?? findingTag(finding, t)}
    </Tag>
  );
}

export function FindingLine({ finding, withNote = true }: { finding: Finding; withNote?: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <span className="playbook-finding" data-limit={finding.limitId}>
      <FindingTag finding={finding} />
      <span className="playbook-finding-text">{formatFinding(finding, locale, t)}</span>
      {withNote && finding.note && <span className="playbook-note">{t('playbook.why', { note: finding.note[locale] })}</span>}
    </span>
  );
}

function MarketSources({ position }: { position: MarketPosition }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const term = t(`playbook.market.term.${position.term}`);
  return (
    <div className="playbook-sources" role="group" aria-label={t('playbook.market.sourcesLabel', { term })}>
      <div className="playbook-sources-title">{t('playbook.market.sourcesTitle', { count: position.entries.length })}</div>
      <ul>
        {position.entries.map(({ offering, figure }) => (
          <li key={offering.id}>
            <div>{formatMarketSource(offering, figure.value, position.unit, figure.approximate, locale, t)}</div>
            {figure.note && <div className="playbook-source-note">{figure.note[locale]}</div>}
            <div className="playbook-source-url">{figure.source ?? offering.source}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function MarketLine({ position }: { position: MarketPosition }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <span className="playbook-market" data-term={position.term} data-relation={position.relation}>
      <LineChartOutlined aria-hidden />
      <span>{formatMarketPosition(position, locale, t)}</span>
      <Popover trigger="click" content={<MarketSources position={position} />} placement="bottomLeft">
        <Button type="link" size="small" className="playbook-sources-button">
          {t('playbook.market.sourcesButton')}
        </Button>
      </Popover>
    </span>
  );
}

/** In a table cell there is no room for sentences: a tag and a market button, each opening the full text. */
function CompactNotes({ notes }: { notes: FieldNotes }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <>
      {notes.findings.map((finding, index) => (
        <Popover
          key={`${finding.limitId}-${index}`}
          trigger="click"
          content={
            <div className="playbook-popover">
              <FindingLine finding={finding} />
            </div>
          }
        >
          <button type="button" className="playbook-compact-button" aria-hidden tabIndex={-1}>
            <FindingTag finding={finding} />
          </button>
        </Popover>
      ))}
      {notes.market.map((position) => (
        <Popover
          key={position.term}
          trigger="click"
          content={
            <div className="playbook-popover">
              <p>{formatMarketPosition(position, locale, t)}</p>
              <MarketSources position={position} />
            </div>
          }
        >
          <Button
            type="link"
            size="small"
            className="playbook-sources-button"
            icon={<LineChartOutlined aria-hidden />}
            data-term={position.term}
            data-relation={position.relation}
          >
            {t('playbook.market.compactButton')}
          </Button>
        </Popover>
      ))}
      {/* What a screen reader reads with the field (aria-describedby): the full sentences. */}
      <span className="visually-hidden">
        {notes.findings.map(
          (finding) =>
            `${findingTag(finding, t)}: ${formatFinding(finding, locale, t)}. ${finding.note ? `${t('playbook.why', { note: finding.note[locale] })} ` : ''}`,
        )}
        {notes.market.map((position) => `${formatMarketPosition(position, locale, t)}. `)}
      </span>
    </>
  );
}

/**
 * Everything under one field; `id` is what the control's aria-describedby
 * points at. `compact` for controls in a table cell, where a sentence would
 * stretch the row.
 */
export function FieldPlaybookNotes({ id, notes, compact = false }: { id: string; notes: FieldNotes; compact?: boolean }) {
  return (
    <span id={id} className={compact ? 'playbook-notes playbook-notes-compact' : 'playbook-notes'}>
      {compact ? (
        <CompactNotes notes={notes} />
      ) : (
        <>
          {notes.findings.map((finding, index) => (
            <FindingLine key={`${finding.limitId}-${index}`} finding={finding} />
          ))}
          {notes.market.map((position) => (
            <MarketLine key={position.term} position={position} />
          ))}
        </>
      )}
    </span>
  );
}
