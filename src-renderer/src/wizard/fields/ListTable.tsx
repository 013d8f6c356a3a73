/**
 * A list of the draft edited as a table (credit tiers, severities,
 * objectives…): one row per entry, controls in the cells named by column
 * and row ("Threshold, tier 2"), row actions to reorder and remove, and an
 * add button that puts the focus into the new row.
 */
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemPath } from '../../../../src-shared/model';
import { fieldId, moveItem } from '../../common/draftPath';
import { useDraftEditor, useListProblems } from '../../common/editor';
import { AddButton, focusSoon, ItemActions, ListProblems } from './ListControls';

/** The item types that have list labels in the i18n files (`lists.<type>.add`, `.remove`, `.cell`…). */
export type ListType = 'criticalPeriod' | 'request' | 'stakeholder' | 'objective' | 'severity' | 'window' | 'notification' | 'tier';

export interface ListColumn<T> {
  key: string;
  title: string;
  width?: number | string;
  /** Long free text: shown on a line of its own under the item's row, the table's full width. */
  fullRow?: boolean;
  /** `cellLabel` names the control of this cell for assistive technology. */
  render: (item: T, index: number, cellLabel: string) => ReactNode;
}

interface ListTableProps<T> {
  path: ProblemPath;
  type: ListType;
  items: readonly T[];
  itemKey: (item: T, index: number) => string;
  columns: ListColumn<T>[];
  /** The new entry; null when nothing more can be added. */
  create: () => T | null;
  /** The column whose control gets the focus in a new row. */
  focusColumn: string;
  reorder?: boolean;
  empty?: ReactNode;
}

export function ListTable<T>({ path, type, items, itemKey, columns, create, focusColumn, reorder = false, empty }: ListTableProps<T>) {
  const { t } = useTranslation();
  const { edit } = useDraftEditor();
  const listProblems = useListProblems(path);
  const addId = `add-${path.join('-')}`;
  const candidate = create();

  const rows = items.map((item, index) => ({ key: itemKey(item, index), item, index }));
  type Row = (typeof rows)[number];
  const cellLabel = (column: ListColumn<T>, row: Row) => t(`lists.${type}.cell`, { column: column.title, n: row.index + 1 });
  const fullRowColumns = columns.filter((column) => column.fullRow);
  const tableColumns: ColumnsType<Row> = columns
    .filter((column) => !column.fullRow)
    .map((column) => ({
      key: column.key,
      title: column.title,
      width: column.width,
      render: (_: unknown, row: Row) => column.render(row.item, row.index, cellLabel(column, row)),
    }));
  tableColumns.push({
    key: 'actions',
    title: <span className="visually-hidden">{t('common.actions')}</span>,
    width: reorder ? 112 : 48,
    align: 'right',
    render: (_: unknown, row: Row) => (
      <ItemActions
        labels={{
          moveUp: t(`lists.${type}.moveUp`, { n: row.index + 1 }),
          moveDown: t(`lists.${type}.moveDown`, { n: row.index + 1 }),
          remove: t(`lists.${type}.remove`, { n: row.index + 1 }),
        }}
        index={row.index}
        count={items.length}
        reorder={reorder}
        onMove={(offset) => edit<T[]>(path, (list) => moveItem(list, row.index, offset))}
        onRemove={() => {
          edit<T[]>(path, (list) => list.filter((_, i) => i !== row.index));
          focusSoon(addId);
        }}
      />
    ),
  });

  return (
    <div className="list-table">
      <ListProblems problems={listProblems} />
      <Table<Row>
        size="small"
        pagination={false}
        columns={tableColumns}
        dataSource={rows}
        // Fixed layout: the widths given hold, long select labels end in an ellipsis (the list shows them whole).
        tableLayout="fixed"
        expandable={
          fullRowColumns.length === 0
            ? undefined
            : {
                showExpandColumn: false,
                expandedRowKeys: rows.map((row) => row.key),
                expandedRowRender: (row: Row) => (
                  <div className="list-row-detail">
                    {fullRowColumns.map((column) => (
                      <div key={column.key} className="list-row-detail-field">
                        <Typography.Text type="secondary">{column.title}</Typography.Text>
                        {column.render(row.item, row.index, cellLabel(column, row))}
                      </div>
                    ))}
                  </div>
                ),
              }
        }
        locale={{ emptyText: empty ?? <Typography.Text type="secondary">{t(`lists.${type}.empty`)}</Typography.Text> }}
      />
      <AddButton
        id={addId}
        disabled={candidate === null}
        onClick={() => {
          const created = create();
          if (created === null) return;
          edit<T[]>(path, (list) => [...list, created]);
          focusSoon(fieldId([...path, items.length, focusColumn]));
        }}
      >
        {t(`lists.${type}.add`)}
      </AddButton>
    </div>
  );
}
