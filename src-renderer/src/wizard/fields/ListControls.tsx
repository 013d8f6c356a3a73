/**
 * Buttons that change a list of the draft (services, metrics, tiers…). Each
 * names its item in words — "Remove metric 2", "Move service 1 down" — so a
 * screen-reader or keyboard user knows which entry the button acts on. A
 * signed draft changes no list: it shows none of them.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, DownOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { Problem } from '../../../../src-shared/model';
import { ProblemMessages } from '../../common/ProblemMessages';
import { useReadOnly } from '../../common/editor';

export interface ItemActionLabels {
  moveUp: string;
  moveDown: string;
  remove: string;
}

export function ItemActions({
  labels,
  index,
  count,
  onMove,
  onRemove,
  reorder = true,
}: {
  labels: ItemActionLabels;
  index: number;
  count: number;
  onMove?: (offset: -1 | 1) => void;
  onRemove: () => void;
  reorder?: boolean;
}) {
  if (useReadOnly()) return null;
  return (
    <Space size={4}>
      {reorder && onMove && (
        <>
          <Tooltip title={labels.moveUp}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined aria-hidden />}
              aria-label={labels.moveUp}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            />
          </Tooltip>
          <Tooltip title={labels.moveDown}>
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined aria-hidden />}
              aria-label={labels.moveDown}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            />
          </Tooltip>
        </>
      )}
      <Tooltip title={labels.remove}>
        <Button type="text" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={labels.remove} onClick={onRemove} />
      </Tooltip>
    </Space>
  );
}

/**
 * Collapses or expands a long entry (a service, a metric) to its heading;
 * its name says which and what the press does ("Expand metric 2").
 */
export function CollapseToggle({
  collapsed,
  onToggle,
  labels,
  controls,
}: {
  collapsed: boolean;
  onToggle: () => void;
  labels: { collapse: string; expand: string };
  /** The id of the part it shows or hides. */
  controls: string;
}) {
  const label = collapsed ? labels.expand : labels.collapse;
  return (
    <Tooltip title={label}>
      <Button
        type="text"
        size="small"
        icon={collapsed ? <RightOutlined aria-hidden /> : <DownOutlined aria-hidden />}
        aria-label={label}
        aria-expanded={!collapsed}
        aria-controls={controls}
        onClick={onToggle}
      />
    </Tooltip>
  );
}

export function AddButton({ id, onClick, children, disabled }: { id: string; onClick: () => void; children: ReactNode; disabled?: boolean }) {
  if (useReadOnly()) return null;
  return (
    <Button id={id} type="dashed" icon={<PlusOutlined aria-hidden />} onClick={onClick} disabled={disabled}>
      {children}
    </Button>
  );
}

/** Problems about a list as a whole ("add at least one service"), shown above it. */
export function ListProblems({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return <Alert type="error" showIcon className="list-problems" title={<ProblemMessages problems={problems} />} />;
}

/** Move keyboard focus to a control once React has rendered it (after adding or removing an entry). */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'center' });
  });
}
