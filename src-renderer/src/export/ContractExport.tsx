/**
 * The wizard's "Export contract" button, and the dialog it opens — also
 * opened by the application menu's Export… while this draft is open.
 */
import { FileWordOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractFinding } from '../../../src-shared/contract-check';
import type { AmendedVersion } from '../common/amendedVersion';
import type { DraftAutosaver } from '../common/autosave';
import { ContractExportDialog } from './ContractExportDialog';
import { onContractExportRequest } from './exportRequests';

export interface ContractExportProps {
  draftId: string;
  saver: DraftAutosaver;
  /** The contract check's findings on the working copy, listed in the dialog. */
  contractFindings?: readonly ContractFinding[];
  /** The signed version the draft amends: the dialog then offers the amendment instrument. */
  amended?: AmendedVersion;
}

export function ContractExport({ draftId, saver, contractFindings = [], amended }: ContractExportProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useEffect(() => onContractExportRequest(draftId, () => setOpen(true)), [draftId]);
  return (
    <>
      <Button type="primary" icon={<FileWordOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('export.button')}
      </Button>
      {open && <ContractExportDialog draftId={draftId} saver={saver} onClose={() => setOpen(false)} contractFindings={contractFindings} amended={amended} />}
    </>
  );
}
