/**
 * View 2 of the comparison: the two contracts side by side, aligned clause
 * by clause (by stable clause id, never by number), with the words deleted
 * struck through in the older text and the words inserted underlined in
 * the newer one. Deletions and insertions are real <del> and <ins> with a
 * spoken prefix, so they read as such without colour. A table of the
 * contract stays a table on each side, named for what it lists, its rows
 * matched across the two versions and the marks in its cells. "Only
 * changed clauses" hides the rest; next / previous change (buttons, N / P
 * or Alt+↓ / Alt+↑) scrolls to the change and says which one it is.
 */
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Space, Switch, Tag, Typography } from 'antd';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  adjacentAnchor,
  changeKey,
  changeSummary,
  isClauseChanged,
  type ChangeAnchor,
  type ChangePlace,
  type ComparedClause,
  type ComparedRow,
  type ComparedTable,
  type ContractComparison,
  type WordSegment,
} from '../../../src-shared/compare';

/** DOM id of a change's first segment, of a table row or table, or of a whole clause's row. */
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

/** Every changed segment: a whole row or table that is the current change. */
const WHOLE: ActiveRun = { from: 0, to: Number.MAX_SAFE_INTEGER };

/**
 * The segments of the current change within one text part or table cell, if
 * it is there: a run of words, or every mark of a row or table that was
 * added or removed whole.
 */
function activeRunIn(place: ChangePlace | null, segments: readonly WordSegment[], part: number, row: number | null, cell: number | null): ActiveRun | null {
  if (place === null || place.part !== part) return null;
  if (place.row === null && place.segment === null) return row !== null ? WHOLE : null;
  if (place.row !== row) return null;
  if (place.cell === null && place.segment === null) return WHOLE;
  if (place.cell !== cell || place.segment === null) return null;
  return { from: place.segment, to: runEnd(segments, place.segment) };
}

function Segments({
  segments,
  side,
  active,
  anchorKey,
}: {
  segments: readonly WordSegment[];
  side: 'old' | 'new';
  active: ActiveRun | null;
  /** The key of a change starting at this segment. */
  anchorKey: (segment: number) => string;
}) {
  const { t } = useTranslation();
  const hidden = side === 'old' ? 'inserted' : 'deleted';
  return (
    <>
      {segments.map((segment, index) => {
        if (segment.kind === hidden) return null;
        const current = active !== null && index >= active.from && index <= active.to && segment.kind !== 'equal';
        const id = isAnchorStart(segments, index) ? anchorDomId(anchorKey(index)) : undefined;
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

/**
 * One version's side of a compared table, drawn as a table: its header row
 * as column headers, the rows of that version (a removed row only in the
 * older, an added row only in the newer), and the changed words marked in
 * their cells as in a paragraph.
 */
function TableSide({
  clause,
  part,
  table,
  side,
  name,
  place,
}: {
  clause: ComparedClause;
  part: number;
  table: ComparedTable;
  side: 'old' | 'new';
  name: string;
  place: ChangePlace | null;
}) {
  const own = table[side];
  if (!own) return null;
  const columns = own.widths.length;
  const total = own.widths.reduce((sum, width) => sum + width, 0) || 1;
  const hidden = side === 'old' ? 'added' : 'removed';
  const wholeTableStop = table.status === 'added' || table.status === 'removed';
  const rows = table.rows.map((row, index) => ({ row, index })).filter(({ row }) => row.status !== hidden);
  const rowView = ({ row, index }: { row: ComparedRow; index: number }) => {
    const Cell = row.header ? 'th' : 'td';
    const rowStop = !wholeTableStop && (row.status === 'added' || row.status === 'removed');
    return (
      <tr
        key={index}
        id={rowStop ? anchorDomId(changeKey(clause.id, { part, row: index, cell: null, segment: null })) : undefined}
        className={`cmp-tr-${row.status}`}
        data-status={row.status}
      >
        {row.cells.slice(0, columns).map((segments, cell) => (
          <Cell key={cell} scope={row.header ? 'col' : undefined} style={{ textAlign: own.align[cell] ?? 'left' }}>
            <Segments
              segments={segments}
              side={side}
              active={activeRunIn(place, segments, part, index, cell)}
              anchorKey={(segment) => changeKey(clause.id, { part, row: index, cell, segment })}
            />
          </Cell>
        ))}
      </tr>
    );
  };
  return (
    <div className="cmp-doc-table-wrap">
      <table
        className={`cmp-doc-table cmp-doc-table-${table.tableKind}`}
        aria-label={name}
        id={wholeTableStop ? anchorDomId(changeKey(clause.id, { part, row: null, cell: null, segment: null })) : undefined}
        data-table-kind={table.tableKind}
      >
        <colgroup>
          {own.widths.map((width, i) => (
            <col key={i} style={{ width: `${((width / total) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>{rows.filter(({ row }) => row.header).map(rowView)}</thead>
        <tbody>{rows.filter(({ row }) => !row.header).map(rowView)}</tbody>
      </table>
    </div>
  );
}

const ClauseRow = memo(function ClauseRow({
  clause,
  place,
  activeClause,
  oldLabel,
  newLabel,
}: {
  clause: ComparedClause;
  /** Where the current change is, when it is in this clause. */
  place: ChangePlace | null;
  activeClause: boolean;
  oldLabel: string;
  newLabel: string;
}) {
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
        {clause.parts.map((part, index) =>
          part.kind === 'text' ? (
            <span key={index} className="cmp-text">
              <Segments
                segments={part.segments}
                side={side}
                active={activeRunIn(place, part.segments, index, null, null)}
                anchorKey={(segment) => changeKey(clause.id, { part: index, row: null, cell: null, segment })}
              />
            </span>
          ) : (
            <TableSide
              key={index}
              clause={clause}
              part={index}
              table={part}
              side={side}
              place={place}
              name={t('compareView.contract.tableName', { table: tableName(part, clause, t), side: side === 'old' ? oldLabel : newLabel })}
            />
          ),
        )}
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

/** What a table lists ("Service credit tiers"), or for a table of no particular kind, the clause it is in. */
function tableName(table: ComparedTable, clause: ComparedClause, t: (key: string, options?: Record<string, unknown>) => string): string {
  return t(`compareView.contract.tables.${table.tableKind}`, { clause: clauseName(clause, t) });
}

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
    const target = (currentAnchor.place !== null ? document.getElementById(anchorDomId(currentAnchor.key)) : null) ?? row;
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
            <ClauseRow
              key={clause.id}
              clause={clause}
              place={currentAnchor?.clauseIndex === index ? currentAnchor.place : null}
              activeClause={currentAnchor?.clauseIndex === index}
              oldLabel={oldLabel}
              newLabel={newLabel}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
