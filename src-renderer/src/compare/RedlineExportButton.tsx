/**
 * "Redline (.docx)" on the compare screen: the two sides shown, as the
 * contract in the chosen language with the changes from the first side to
 * the second as Word tracked changes (redlines.export). Main builds the
 * redline before it asks where to save it, so a side with problems is
 * reported without a save dialog; a cancelled dialog writes nothing.
 */
import { DownOutlined, FileWordOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT_EXPORT_LANGUAGES, type ContractExportLanguage } from '../../../src-shared/api';
import { WORKING_COPY, type CompareSide } from '../common/route';
import { call, errorMessage } from '../common/client';

export interface RedlineExportButtonProps {
  draftId: string;
  old: CompareSide;
  new: CompareSide;
}

const versionIdOf = (side: CompareSide): string | null => (side === WORKING_COPY ? null : side);

export function RedlineExportButton({ draftId, old: oldSide, new: newSide }: RedlineExportButtonProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [running, setRunning] = useState(false);
  const sameSide = oldSide === newSide;

  const exportRedline = async (language: ContractExportLanguage) => {
    setRunning(true);
    const progress = message.loading({ content: t('redline.running'), duration: 0 });
    const result = await call('redlines.export', { draftId, oldVersionId: versionIdOf(oldSide), newVersionId: versionIdOf(newSide), language });
    progress();
    setRunning(false);
    if (!result.ok) return void message.error({ content: t('redline.failed', { reason: errorMessage(t, result.error) }), duration: 8 });
    const { exportId, path, revisions } = result.value;
    // The user cancelled the save dialog: nothing was written.
    if (exportId === null || path === null) return;
    void message.success({
      content: (
        <span data-testid="redline-saved">
          {t('redline.saved', { path, count: revisions })}{' '}
          <Button type="link" size="small" onClick={() => void call('exports.showInFolder', { exportId })}>
            {t('redline.showInFolder')}
          </Button>
        </span>
      ),
      duration: 10,
    });
  };

  const button = (
    <Dropdown
      disabled={sameSide || running}
      trigger={['click']}
      menu={{
        items: CONTRACT_EXPORT_LANGUAGES.map((language) => ({ key: language, label: t(`enums.contractLanguage.${language}`) })),
        onClick: ({ key }) => void exportRedline(key as ContractExportLanguage),
      }}
    >
      <Button icon={<FileWordOutlined aria-hidden />} loading={running} data-testid="redline-export">
        {t('redline.button')} <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
  return <Tooltip title={sameSide ? t('redline.sameSide') : t('redline.hint')}>{button}</Tooltip>;
}
