/**
 * The comparison screen, #/drafts/<id>/compare/<old>/<new>: any two saved
 * versions of a draft, or a version and the working copy, chosen with the
 * two pickers at the top. Two views of the same pair: the field-level
 * changes in the wizard's words, with positions beyond the playbook
 * flagged, and the two contracts side by side with word-level highlights.
 */
import { ArrowLeftOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Result, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionSummary } from '../../../src-shared/api';
import { compareContracts, type ContractComparison } from '../../../src-shared/compare';
import { assembleContract } from '../../../src-shared/contract/assemble';
import { evaluatePlaybook } from '../../../src-shared/playbook';
import { formatTimestamp } from '../common/formatTime';
import { useLocale } from '../common/locale';
import { navigate, WORKING_COPY, type CompareSide } from '../common/route';
import { errorMessage } from '../common/client';
import { ContractCompareView } from './ContractCompareView';
import { FieldChangesView } from './FieldChangesView';
import { RedlineExportButton } from './RedlineExportButton';
import { LOADING_TEMPLATE, useCompareData, useTemplates, type LoadedSide, type TemplateLoad } from './useCompareData';
import './compare.css';

type Translate = ReturnType<typeof useTranslation>['t'];

function versionName(version: Pick<VersionSummary, 'sequence' | 'party'>, t: Translate): string {
  return t('versions.label', { sequence: version.sequence, party: t(`versions.party.${version.party}`) });
}

function sideName(side: LoadedSide, t: Translate): string {
  return side.version ? versionName(side.version, t) : t('compareView.workingCopy');
}

export function ComparePage({ draftId, old: oldSide, new: newSide }: { draftId: string; old: CompareSide; new: CompareSide }) {
  const { t } = useTranslation();
  const data = useCompareData(draftId, oldSide, newSide);
  // The view chosen stays when the user picks other sides to compare.
  const [tab, setTab] = useState<CompareTab>('fields');

  if (data.state === 'loading') {
    return (
      <div className="boot" aria-busy="true">
        <Spin size="large" aria-label={t('compareView.loading')} />
      </div>
    );
  }
  if (data.state === 'failed') {
    return (
      <Result
        status={data.error.code === 'notFound' ? '404' : 'error'}
        title={t('compareView.loadFailed')}
        subTitle={errorMessage(t, data.error)}
        extra={
          <Button type="primary" href={`#/drafts/${draftId}/versions`}>
            {t('compareView.backToTimeline')}
          </Button>
        }
      />
    );
  }
  return (
    <Comparison
      draftId={draftId}
      title={data.title}
      versions={data.versions}
      amended={data.amended}
      before={data.old}
      after={data.new}
      tab={tab}
      onTab={setTab}
    />
  );
}

type CompareTab = 'fields' | 'contract';

type ContractState = { state: 'loading' } | { state: 'failed'; reason: string } | { state: 'ready'; comparison: ContractComparison };

function Comparison({
  draftId,
  title,
  versions,
  amended,
  before,
  after,
  tab,
  onTab,
}: {
  draftId: string;
  title: string;
  versions: VersionSummary[];
  amended: VersionSummary | null;
  before: LoadedSide;
  after: LoadedSide;
  tab: CompareTab;
  onTab: (tab: CompareTab) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const oldTemplateId = before.draft.contract.templateId;
  const newTemplateId = after.draft.contract.templateId;
  const templates = useTemplates([oldTemplateId, newTemplateId]);
  const [oldTemplate, newTemplate] = useMemo(
    (): [TemplateLoad, TemplateLoad] => [templates.get(oldTemplateId) ?? LOADING_TEMPLATE, templates.get(newTemplateId) ?? LOADING_TEMPLATE],
    [templates, oldTemplateId, newTemplateId],
  );
  const shownTitle = title.trim() !== '' ? title : t('wizard.untitled');

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    document.title = t('compareView.windowTitle', { title: shownTitle, app: t('app.name') });
    return () => {
      document.title = t('app.name');
    };
  }, [t, shownTitle]);

  // The newer side's positions against its template's playbook: the changes that land beyond it are flagged.
  const findings = useMemo(
    () => evaluatePlaybook(after.draft, newTemplate.state === 'ready' ? newTemplate.template.playbook : null),
    [after.draft, newTemplate],
  );

  const contract = useMemo((): ContractState => {
    if (oldTemplate.state === 'failed') return { state: 'failed', reason: t('compareView.contract.templateMissing', { id: oldTemplate.id }) };
    if (newTemplate.state === 'failed') return { state: 'failed', reason: t('compareView.contract.templateMissing', { id: newTemplate.id }) };
    if (oldTemplate.state !== 'ready' || newTemplate.state !== 'ready') return { state: 'loading' };
    try {
      const oldDoc = assembleContract(before.draft, oldTemplate.template, locale).doc;
      const newDoc = assembleContract(after.draft, newTemplate.template, locale).doc;
      return { state: 'ready', comparison: compareContracts(oldDoc, newDoc) };
    } catch (error) {
      // A working copy in the middle of an edit may not assemble; the field view still works.
      return { state: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
  }, [before.draft, after.draft, oldTemplate, newTemplate, locale, t]);

  const choose = (which: 'old' | 'new', side: CompareSide) =>
    navigate({ screen: 'compare', draftId, old: which === 'old' ? side : before.side, new: which === 'new' ? side : after.side }, { replace: true });

  const options = [
    // An amendment is compared with the signed version it amends first.
    ...(amended
      ? [{ value: amended.id, label: t('compareView.signedOption', { label: versionName(amended, t), time: formatTimestamp(amended.createdAt, locale) }) }]
      : []),
    ...versions.map((version) => ({
      value: version.id,
      label: t('compareView.versionOption', { label: versionName(version, t), author: version.author, time: formatTimestamp(version.createdAt, locale) }),
    })),
    { value: WORKING_COPY, label: t('compareView.workingCopy') },
  ];
  const oldName = sideName(before, t);
  const newName = sideName(after, t);

  return (
    <div className="compare-page">
      <div className="compare-header">
        <div>
          <Typography.Text type="secondary">{t('compareView.kicker')}</Typography.Text>
          <Typography.Title level={1} className="page-title" tabIndex={-1} ref={headingRef}>
            {t('compareView.heading', { title: shownTitle })}
          </Typography.Title>
        </div>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined aria-hidden />} href={`#/drafts/${draftId}/versions`}>
            {t('compareView.backToTimeline')}
          </Button>
          <Button href={`#/drafts/${draftId}/services`}>{t('compareView.openDraft')}</Button>
          <RedlineExportButton draftId={draftId} old={before.side} new={after.side} />
        </Space>
      </div>

      <Form layout="inline" component="div" className="compare-sides">
        <Form.Item label={t('compareView.from')} htmlFor="compare-old">
          <Select
            id="compare-old"
            data-testid="compare-old"
            className="compare-select"
            value={before.side}
            options={options}
            onChange={(side: string) => choose('old', side)}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Button
          icon={<SwapOutlined aria-hidden />}
          aria-label={t('compareView.swap')}
          title={t('compareView.swap')}
          onClick={() => navigate({ screen: 'compare', draftId, old: after.side, new: before.side }, { replace: true })}
        />
        <Form.Item label={t('compareView.to')} htmlFor="compare-new">
          <Select
            id="compare-new"
            data-testid="compare-new"
            className="compare-select"
            value={after.side}
            options={options}
            onChange={(side: string) => choose('new', side)}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
      </Form>
      {before.side === after.side && <Alert type="info" showIcon className="compare-same" title={t('compareView.sameSide')} />}

      <Tabs
        activeKey={tab}
        onChange={(key) => onTab(key as CompareTab)}
        items={[
          { key: 'fields', label: t('compareView.tabs.fields'), children: <FieldChangesView before={before.draft} after={after.draft} findings={findings} /> },
          {
            key: 'contract',
            label: t('compareView.tabs.contract'),
            children:
              contract.state === 'ready' ? (
                <ContractCompareView comparison={contract.comparison} oldLabel={oldName} newLabel={newName} active={tab === 'contract'} />
              ) : contract.state === 'failed' ? (
                <Alert type="error" showIcon title={t('compareView.contract.unavailable', { reason: contract.reason })} />
              ) : (
                <Spin />
              ),
          },
        ]}
      />
    </div>
  );
}
