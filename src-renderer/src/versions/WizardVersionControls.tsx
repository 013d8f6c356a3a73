/**
 * The wizard header's way into negotiation: "Versions" opens the timeline,
 * "Save version" freezes what the user sees — the autosave is flushed first
 * and the save names the revision it was based on, so the version is
 * exactly the screen's content and not an older or a newer one.
 */
import { FlagOutlined, HistoryOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../src-shared/api';
import type { DraftStatus } from '../../../src-shared/model/version';
import { navigate } from '../common/route';
import { call } from '../common/client';
import type { DraftAutosaver } from '../common/autosave';
import { useDraftEditor } from '../common/editor';
import { roundLabel } from './labels';
import { RoundDialog, type FrozenVersion, type RoundRequest } from './RoundDialog';

export interface WizardVersionControlsProps {
  draftId: string;
  saver: DraftAutosaver;
  /** A signed draft takes no new version. */
  locked: boolean;
  onStatusChange: (status: DraftStatus) => void;
}

export function WizardVersionControls({ draftId, saver, locked, onStatusChange }: WizardVersionControlsProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const { store, goToProblem, registry } = useDraftEditor();

  const submit = async (request: RoundRequest): Promise<ApiResult<FrozenVersion>> => {
    await saver.flush();
    const state = saver.current;
    if (state.status === 'failed') return { ok: false, error: state.error };
    const result = await call('versions.save', { draftId, ...request, baseRevision: saver.currentRevision });
    // A version refused for the draft's problems: every field now shows its own, blank ones included.
    if (!result.ok && result.error.problems?.length) registry.revealAll();
    return result;
  };

  const done = (frozen: FrozenVersion) => {
    setOpen(false);
    onStatusChange(frozen.draftStatus);
    void message.success(t('versions.save.saved', { version: roundLabel(t, frozen.version) }));
  };

  return (
    // One item of the header's Space, so its two buttons keep the same gap as their neighbours.
    <Space size="middle" wrap>
      <Button icon={<HistoryOutlined aria-hidden />} onClick={() => navigate({ screen: 'versions', draftId })}>
        {t('versions.header.versions')}
      </Button>
      {!locked && (
        <Button icon={<FlagOutlined aria-hidden />} onClick={() => setOpen(true)}>
          {t('versions.header.saveVersion')}
        </Button>
      )}
      <RoundDialog
        mode={open ? { kind: 'save', draftId } : null}
        onClose={() => setOpen(false)}
        submit={submit}
        onDone={done}
        onGoToProblem={goToProblem}
        problemDraft={store.getDraft()}
      />
    </Space>
  );
}
