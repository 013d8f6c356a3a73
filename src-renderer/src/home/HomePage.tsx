/**
 * The home screen: the user's drafts, searchable (full text over title,
 * parties and services), sorted by last change or title, with the trash one
 * switch away. Deleting moves a draft to the trash and offers Undo.
 */
import { CalculatorOutlined, DatabaseOutlined, DeleteOutlined, ExclamationCircleOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFT_LIST_PAGE, type DraftSummary } from '../../../src-shared/api';
import { useAppActions } from '../common/actions';
import { BackupsDialog } from '../backups/BackupsDialog';
import { formatTimestamp } from '../common/formatTime';
import { useLocale } from '../common/locale';
import { navigate } from '../common/route';
import { call, errorMessage } from '../common/client';
import { flushAllDrafts } from '../common/autosave';
import { useDebouncedValue } from './useDebouncedValue';

const STATUS_COLORS: Record<DraftSummary['status'], string> = { drafting: 'default', negotiating: 'processing', agreed: 'success', signed: 'gold' };

type View = 'active' | 'trash';
type Sort = 'updated' | 'title';

const SEARCH_DELAY_MS = 250;

export function HomePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const actions = useAppActions();
  const [query, setQuery] = useState('');
  const [view, setView] = useState<View>('active');
  const [sort, setSort] = useState<Sort>('updated');
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  // How many drafts to ask for: the first page, longer after each "Show more" —
  // for this search, view and order only; a new one starts again from the first page.
  const [extended, setExtended] = useState<{ filter: string; limit: number } | null>(null);
  const [reloads, setReloads] = useState(0);
  const [backupsOpen, setBackupsOpen] = useState(false);
  const debouncedQuery = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const filter = JSON.stringify([debouncedQuery, view, sort]);
  const limit = extended?.filter === filter ? extended.limit : DRAFT_LIST_PAGE;
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Coming back from a draft, start reading (and tabbing) from the top of the list screen.
  useEffect(() => headingRef.current?.focus({ preventScroll: true }), []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      // A draft left a moment ago may still be saving; list what the user last typed.
      await flushAllDrafts();
      const result = await call('drafts.list', { query: debouncedQuery, view, sort, limit });
      if (cancelled) return;
      if (result.ok) setDrafts(result.value);
      else {
        setDrafts([]);
        void message.error(errorMessage(t, result.error));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [debouncedQuery, view, sort, limit, reloads, message, t]);

  const mayHaveMore = drafts !== null && drafts.length === limit;

  // A draft whose title was cleared still needs a name to be found and announced by.
  const titleOf = (draft: DraftSummary) => (draft.title.trim() !== '' ? draft.title : t('wizard.untitled'));

  const open = (draft: DraftSummary) => navigate({ screen: 'draft', draftId: draft.id, step: 'services' });

  const duplicate = async (draft: DraftSummary) => {
    const result = await call('drafts.duplicate', { id: draft.id });
    if (!result.ok) return void message.error(errorMessage(t, result.error));
    void message.success(t('home.duplicated', { title: result.value.title }));
    reload();
  };

  const restore = async (draft: DraftSummary) => {
    const result = await call('drafts.restore', { id: draft.id });
    if (!result.ok) return void message.error(errorMessage(t, result.error));
    void message.success(t('home.restored', { title: titleOf(draft) }));
    reload();
  };

  const trash = async (draft: DraftSummary) => {
    const result = await call('drafts.trash', { id: draft.id });
    if (!result.ok) return void message.error(errorMessage(t, result.error));
    const key = `trashed-${draft.id}`;
    void message.open({
      key,
      type: 'success',
      duration: 8,
      content: (
        <span>
          {t('home.trashed', { title: titleOf(draft) })}{' '}
          <Button
            type="link"
            size="small"
            onClick={() => {
              message.destroy(key);
              void restore(draft);
            }}
          >
            {t('common.undo')}
          </Button>
        </span>
      ),
    });
    reload();
  };

  // A blank cell reads as a rendering fault; a draft whose parties are not filled in yet says so.
  const partyName = (name: string) => (name.trim() !== '' ? name : <Typography.Text type="secondary">{t('common.notGiven')}</Typography.Text>);

  const columns: ColumnsType<DraftSummary> = [
    {
      key: 'title',
      title: t('home.columns.title'),
      render: (_, draft) =>
        view === 'active' ? (
          <a href={`#/drafts/${draft.id}/services`} className="draft-title-link">
            {titleOf(draft)}
          </a>
        ) : (
          <Typography.Text>{titleOf(draft)}</Typography.Text>
        ),
    },
    { key: 'provider', title: t('home.columns.provider'), render: (_, draft) => partyName(draft.providerName) },
    { key: 'customer', title: t('home.columns.customer'), render: (_, draft) => partyName(draft.customerName) },
    {
      key: 'status',
      title: t('home.columns.status'),
      width: 170,
      // Where each negotiation stands, at a glance: a signed agreement is locked against edits.
      // A working copy with problems is marked: it cannot become a version or go out for signature yet.
      render: (_, draft) => (
        <div className="draft-status">
          <Tag color={STATUS_COLORS[draft.status]}>{t(`versions.status.${draft.status}`)}</Tag>
          {draft.problemCount ? (
            <Tag icon={<ExclamationCircleOutlined aria-hidden className="draft-incomplete-icon" />} className="draft-incomplete">
              {t('home.incomplete', { count: draft.problemCount })}
            </Tag>
          ) : null}
        </div>
      ),
    },
    {
      key: 'updated',
      title: view === 'trash' ? t('home.columns.deleted') : t('home.columns.updated'),
      width: 200,
      render: (_, draft) => formatTimestamp(view === 'trash' && draft.deletedAt ? draft.deletedAt : draft.updatedAt, locale),
    },
    {
      key: 'actions',
      title: <span className="visually-hidden">{t('common.actions')}</span>,
      width: 300,
      align: 'right',
      render: (_, draft) =>
        view === 'active' ? (
          <Space size={0} wrap>
            <Button type="link" onClick={() => open(draft)} aria-label={t('home.actions.openNamed', { title: titleOf(draft) })}>
              {t('home.actions.open')}
            </Button>
            <Button type="link" onClick={() => void duplicate(draft)} aria-label={t('home.actions.duplicateNamed', { title: titleOf(draft) })}>
              {t('home.actions.duplicate')}
            </Button>
            <Button
              type="link"
              danger
              icon={<DeleteOutlined aria-hidden />}
              onClick={() => void trash(draft)}
              aria-label={t('home.actions.deleteNamed', { title: titleOf(draft) })}
            >
              {t('home.actions.delete')}
            </Button>
          </Space>
        ) : (
          <Button type="link" onClick={() => void restore(draft)} aria-label={t('home.actions.restoreNamed', { title: titleOf(draft) })}>
            {t('home.actions.restore')}
          </Button>
        ),
    },
  ];

  const emptyState = (() => {
    if (debouncedQuery !== '') return <Empty description={t('home.empty.noMatch', { query: debouncedQuery })} />;
    if (view === 'trash') return <Empty description={t('home.empty.trash')} />;
    return (
      <Empty description={t('home.empty.noDrafts')}>
        <Space>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={actions.newDraft}>
            {t('home.newDraftButton')}
          </Button>
          <Button icon={<ImportOutlined aria-hidden />} onClick={actions.importDraft}>
            {t('home.importButton')}
          </Button>
        </Space>
      </Empty>
    );
  })();

  return (
    <div className="home">
      <div className="home-heading-row">
        <Typography.Title level={1} id="home-heading" className="page-title" tabIndex={-1} ref={headingRef}>
          {t('home.heading')}
        </Typography.Title>
        <Space>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={actions.newDraft}>
            {t('home.newDraftButton')}
          </Button>
          <Button icon={<ImportOutlined aria-hidden />} onClick={actions.importDraft}>
            {t('home.importButton')}
          </Button>
          <Button icon={<CalculatorOutlined aria-hidden />} href="#/calculator">
            {t('calculator.open')}
          </Button>
          <Button icon={<DatabaseOutlined aria-hidden />} onClick={() => setBackupsOpen(true)}>
            {t('backups.open')}
          </Button>
        </Space>
      </div>
      {backupsOpen ? <BackupsDialog onClose={() => setBackupsOpen(false)} onRestored={reload} /> : null}
      <div className="home-toolbar">
        <Input.Search
          allowClear
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('home.searchPlaceholder')}
          aria-label={t('home.searchLabel')}
          className="home-search"
        />
        <Space>
          <label htmlFor="draft-sort">{t('home.sortLabel')}</label>
          <Select<Sort>
            id="draft-sort"
            value={sort}
            onChange={setSort}
            className="home-sort"
            options={[
              { value: 'updated', label: t('home.sort.updated') },
              { value: 'title', label: t('home.sort.title') },
            ]}
          />
        </Space>
        <Radio.Group
          optionType="button"
          value={view}
          onChange={(event) => setView(event.target.value as View)}
          aria-label={t('home.viewLabel')}
          options={[
            { value: 'active', label: t('home.view.active') },
            { value: 'trash', label: t('home.view.trash') },
          ]}
        />
      </div>
      <Table<DraftSummary>
        rowKey="id"
        columns={columns}
        dataSource={drafts ?? []}
        loading={drafts === null}
        pagination={false}
        locale={{ emptyText: drafts === null ? ' ' : emptyState }}
      />
      {mayHaveMore && (
        <div className="home-more">
          <Button onClick={() => setExtended({ filter, limit: limit + DRAFT_LIST_PAGE })}>{t('home.showMore')}</Button>
        </div>
      )}
    </div>
  );
}
