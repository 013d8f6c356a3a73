/**
 * "New draft": start from a preset (a complete, realistic SLA to adjust) or
 * from a blank draft, give it a title, and go straight to the wizard.
 */
import { App as AntApp, Form, Input, Modal, Radio, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetSummary } from '../../../src-shared/api';
import { useLocale } from '../common/locale';
import { navigate } from '../common/route';
import { call, errorMessage } from '../common/client';

const BLANK = '__blank__';

/** Mounted while open, so every opening starts from a fresh title and choice. */
export function NewDraftDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const [presets, setPresets] = useState<PresetSummary[] | null>(null);
  // null until the user picks: the first preset is then the choice, however late the list arrives.
  const [picked, setPicked] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void call('presets.list', {}).then((result) => {
      if (cancelled) return;
      const list = result.ok ? result.value : [];
      if (!result.ok) void message.error(errorMessage(t, result.error));
      setPresets(list);
    });
    return () => {
      cancelled = true;
    };
  }, [message, t]);

  const choice = picked ?? presets?.[0]?.id ?? BLANK;
  const create = async () => {
    setCreating(true);
    const trimmed = title.trim();
    const result = await call('drafts.create', {
      presetId: choice === BLANK ? null : choice,
      ...(trimmed !== '' ? { title: trimmed } : {}),
    });
    setCreating(false);
    if (!result.ok) {
      void message.error(errorMessage(t, result.error));
      return;
    }
    onClose();
    navigate({ screen: 'draft', draftId: result.value.id, step: 'services' });
  };

  const chosenPreset = presets?.find((preset) => preset.id === choice);
  return (
    <Modal
      open
      title={t('home.newDraft.title')}
      okText={t('home.newDraft.create')}
      cancelText={t('common.cancel')}
      onOk={() => void create()}
      onCancel={onClose}
      confirmLoading={creating}
      okButtonProps={{ disabled: presets === null }}
      width={640}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('home.newDraft.draftTitle')} htmlFor="new-draft-title" extra={t('home.newDraft.titleHint')}>
          <Input
            id="new-draft-title"
            value={title}
            maxLength={200}
            placeholder={chosenPreset ? chosenPreset.title[locale] : t('home.newDraft.blankTitle')}
            onChange={(event) => setTitle(event.target.value)}
            onPressEnter={() => void create()}
            autoFocus
          />
        </Form.Item>
        <Form.Item label={<span id="new-draft-start-label">{t('home.newDraft.startFrom')}</span>}>
          {presets === null ? (
            <Spin />
          ) : (
            <Radio.Group
              aria-labelledby="new-draft-start-label"
              value={choice}
              onChange={(event) => setPicked(event.target.value as string)}
              className="preset-choices"
            >
              {presets.map((preset) => (
                <Radio key={preset.id} value={preset.id} className="preset-choice">
                  <Typography.Text strong>{preset.title[locale]}</Typography.Text>
                  <Typography.Paragraph type="secondary" className="preset-description">
                    {preset.description[locale]}
                  </Typography.Paragraph>
                </Radio>
              ))}
              <Radio value={BLANK} className="preset-choice">
                <Typography.Text strong>{t('home.newDraft.blank')}</Typography.Text>
                <Typography.Paragraph type="secondary" className="preset-description">
                  {t('home.newDraft.blankDescription')}
                </Typography.Paragraph>
              </Radio>
            </Radio.Group>
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
