/**
 * View 2 of the comparison: the two contracts side by side, aligned clause
 * by clause (by stable clause id, never by number), with the words deleted
 * struck through in the older text and the words inserted underlined in
 * the newer one. Deletions and insertions are real <del> and <ins> with a
 * spoken prefix, so they read as such without colour. "Only changed
 * clauses" hides the rest; next / previous change (buttons, N / P or
 * Alt+↓ / Alt+↑) scrolls to the change and says which one it is.
 */
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Space, Switch, Tag, Typography } from 'antd';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  adjacentAnchor,
  changeSummary,
  isClauseChanged,
  type ChangeAnchor,
  type ComparedClause,
  type ContractComparison,
  type WordSegment,
} from '../../../src-shared/compare';

/** DOM id of a change's first segment, or of a whole clause's row. */
export function anchorDomId(key: string): string {
  return `cmp-${key}`;
}

function rowDomId(clauseId: string): string {
  return `cmp-row-${clauseId}`;
}

/** Is the key press meant for a form control rather than for the comparison? */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.getAttribute('role') === 'combobox';
}

/** The segments one change stop covers: from its first segment up to the next unchanged text. */
function runEnd(segments: readonly WordSegment[], from: number): number {
  let end = from;
  while (end + 1 < segments.length && segments[end + 1]!.kind !== 'equal') end++;
  return end;
}

interface ActiveRun {
  from: number;
  to: number;
}

function Segments({ clause, side, active }: { clause: ComparedClause; side: 'old' | 'new'; active: ActiveRun | null }) {
  const { t } = useTranslation();
  const hidden = side === 'old' ? 'inserted' : 'deleted';
  return (
    <>
      {clause.segments.map((segment, index) => {
        if (segment.kind === hidden) return null;
        const current = active !== null && index >= active.from && index <= active.to && segment.kind !== 'equal';
        const id = isAnchorStart(clause.segments, index) ? anchorDomId(`${clause.id}@${index}`) : undefined;
        if (segment.kind === 'equal') return <span key={index}>{segment.text}</span>;
        const Element = segment.kind === 'deleted' ? 'del' : 'ins';
        return (
          <Element key={index} id={id} className={`cmp-${segment.kind === 'deleted' ? 'del' : 'ins'}${current ? ' cmp-current' : ''}`}>
            <span className="visually-hidden">{t(`compareView.contract.${segment.kind}`)}</span>
            {segment.text}
          </Element>
        );
      })}
    </>
  );
}

function isAnchorStart(segments: readonly WordSegment[], index: number): boolean {
  const previous = segments[index - 1];
  return segments[index]!.kind !== 'equal' && (previous === undefined || previous.kind === 'equal');
}

const ClauseRow = memo(function ClauseRow({ clause, active, activeClause }: { clause: ComparedClause; active: ActiveRun | null; activeClause: boolean }) {
  const { t } = useTranslation();
  const depth = (clause.new ?? clause.old)!.depth;
  const badges: string[] = [];
  if (clause.status === 'added') badges.push(t('compareView.contract.added'));
  if (clause.status === 'removed') badges.push(t('compareView.contract.removed'));
  if (clause.replaced) badges.push(t('compareView.contract.replaced'));
  if (clause.moved) badges.push(t('compareView.contract.moved'));
  if (clause.renumbered && clause.old && clause.new) {
    badges.push(t('compareView.contract.renumbered', { old: clause.old.numberText || '—', new: clause.new.numberText || '—' }));
  }
  const cell = (side: 'old' | 'new') => {
    const present = clause[side];
    if (!present) return <span className="cmp-absent">{t(side === 'old' ? 'compareView.contract.notInOld' : 'compareView.contract.notInNew')}</span>;
    return (
      <div className="cmp-clause" style={{ paddingInlineStart: depth * 16 }}>
        {present.numberText !== '' && <span className="cmp-number">{present.numberText}</span>}
        <span className="cmp-text">
          <Segments clause={clause} side={side} active={active} />
        </span>
      </div>
    );
  };
  return (
    <tr
      id={rowDomId(clause.id)}
      tabIndex={-1}
      className={`cmp-row cmp-row-${clause.status}${activeClause ? ' cmp-row-current' : ''}`}
      data-status={clause.status}
      data-clause={clause.id}
    >
      <td className="cmp-cell cmp-old">{cell('old')}</td>
      <td className="cmp-cell cmp-new">
        {badges.length > 0 && (
          <div className="cmp-badges">
            {badges.map((badge) => (
              <Tag key={badge} color={clause.replaced && badge === t('compareView.contract.replaced') ? 'volcano' : 'default'}>
                {badge}
              </Tag>
            ))}
          </div>
        )}
        {cell('new')}
      </td>
    </tr>
  );
});

function clauseName(clause: ComparedClause, t: (key: string) => string): string {
  const side = clause.new ?? clause.old!;
  const title = side.clause.title ?? '';
  const number = side.numberText;
  if (number === '' && title === '') return t('compareView.contract.unnumbered');
  return [number, title].filter((part) => part !== '').join(' ');
}

export function ContractCompareView({
  comparison,
  oldLabel,
  newLabel,
  active,
}: {
  comparison: ContractComparison;
  oldLabel: string;
  newLabel: string;
  /** Whether this view is the one on screen (keyboard shortcuts only then). */
  active: boolean;
}) {
  const { t } = useTranslation();
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [current, setCurrent] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const anchors = comparison.anchors;
  const currentAnchor: ChangeAnchor | null = current !== null ? (anchors[current] ?? null) : null;
  const scrollPending = useRef(false);

  const go = useCallback(
    (direction: 'next' | 'previous') => {
      const next = adjacentAnchor(anchors, current, direction);
      if (next === null) {
        setAnnouncement(t(anchors.length === 0 ? 'compareView.contract.noChanges' : 'compareView.contract.noMore'));
        return;
      }
      const anchor = anchors[next]!;
      scrollPending.current = true;
      setCurrent(next);
      setAnnouncement(
        t('compareView.contract.announce', { index: next + 1, total: anchors.length, clause: clauseName(comparison.clauses[anchor.clauseIndex]!, t) }),
      );
    },
    [anchors, current, comparison, t],
  );

  // Bring the change into view once it is rendered as current; the row takes the focus so reading continues there.
  useEffect(() => {
    if (!scrollPending.current || !currentAnchor) return;
    scrollPending.current = false;
    const row = document.getElementById(rowDomId(currentAnchor.clauseId));
    const target = (currentAnchor.segmentIndex !== null ? document.getElementById(anchorDomId(currentAnchor.key)) : null) ?? row;
    target?.scrollIntoView({ block: 'center' });
    row?.focus({ preventScroll: true });
  }, [currentAnchor]);

  const goRef = useRef(go);
  useEffect(() => {
    goRef.current = go;
  }, [go]);
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      let direction: 'next' | 'previous' | null = null;
      if (event.altKey && event.key === 'ArrowDown') direction = 'next';
      else if (event.altKey && event.key === 'ArrowUp') direction = 'previous';
      else if (!event.altKey && !event.shiftKey && (event.key === 'n' || event.key === 'N')) direction = 'next';
      else if (!event.altKey && !event.shiftKey && (event.key === 'p' || event.key === 'P')) direction = 'previous';
      if (!direction) return;
      event.preventDefault();
      goRef.current(direction);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

  const visible = comparison.clauses.map((clause, index) => ({ clause, index })).filter(({ clause }) => !onlyChanged || isClauseChanged(clause));
  const activeRunOf = (clause: ComparedClause, index: number): ActiveRun | null => {
    if (!currentAnchor || currentAnchor.clauseIndex !== index || currentAnchor.segmentIndex === null) return null;
    return { from: currentAnchor.segmentIndex, to: runEnd(clause.segments, currentAnchor.segmentIndex) };
  };
  const { counts } = comparison;
  // In the units of the controls: the changes next / previous walks through, in the clauses "only changed" keeps.
  const summary = changeSummary(comparison);

  return (
    <div className="contract-compare" data-testid="contract-compare">
      <div className="cmp-toolbar">
        <Space wrap size="middle">
          <label className="cmp-switch">
            <Switch checked={onlyChanged} onChange={setOnlyChanged} aria-describedby="cmp-counts" data-testid="only-changed" />
            <span>{t('compareView.contract.onlyChanged')}</span>
          </label>
          <Typography.Text id="cmp-counts" type="secondary" data-testid="cmp-counts">
            {t('compareView.contract.counts', {
              ...counts,
              count: summary.changes,
              clauses: t('compareView.contract.clauses', { count: summary.clauses }),
            })}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button icon={<ArrowUpOutlined aria-hidden />} onClick={() => go('previous')} disabled={anchors.length === 0} aria-keyshortcuts="P Alt+ArrowUp">
            {t('compareView.contract.previous')}
          </Button>
          <Button icon={<ArrowDownOutlined aria-hidden />} onClick={() => go('next')} disabled={anchors.length === 0} aria-keyshortcuts="N Alt+ArrowDown">
            {t('compareView.contract.next')}
          </Button>
          <Typography.Text type="secondary" data-testid="cmp-position">
            {anchors.length === 0
              ? t('compareView.contract.noChanges')
              : current !== null
                ? t('compareView.contract.position', { index: current + 1, total: anchors.length })
                : t('compareView.contract.shortcuts')}
          </Typography.Text>
        </Space>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="cmp-announcement">
        {announcement}
      </div>
      <table className="cmp-table">
        <colgroup>
          <col className="cmp-col" />
          <col className="cmp-col" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{oldLabel}</th>
            <th scope="col">{newLabel}</th>
          </tr>
        </thead>
        <tbody>
          {visible.map(({ clause, index }) => (
            <ClauseRow key={clause.id} clause={clause} active={activeRunOf(clause, index)} activeClause={currentAnchor?.clauseIndex === index} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
