/**
 * The banner of a signed draft (in the wizard and on the timeline): the
 * draft is locked, and "Start amendment" opens a new draft made from the
 * signed version and linked to it.
 */
import { Alert, App as AntApp, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionSummary } from '../../../src-shared/api';
import { formatTimestamp } from '../common/formatTime';
import { useLocale } from '../common/locale';
import { asLocalizedText, displayText } from '../../../src-shared/model/localized';
import { navigate } from '../common/route';
import { call, errorMessage } from '../common/client';
import { roundLabel } from './labels';

/** The newest signed round: what an amendment starts from. */
export function latestSigned(versions: readonly VersionSummary[]): VersionSummary | null {
  return [...versions].reverse().find((version) => version.party === 'signed') ?? null;
}

export function SignedBanner({ draftId, versions }: { draftId: string; versions?: readonly VersionSummary[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const [fetched, setFetched] = useState<readonly VersionSummary[] | null>(null);
  const [busy, setBusy] = useState(false);

  // The timeline passes the rounds it shows; the wizard lets the banner ask for them.
  const given = versions !== undefined;
  useEffect(() => {
    if (given) return;
    let cancelled = false;
    void call('versions.list', { draftId }).then((result) => {
      if (!cancelled && result.ok) setFetched(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, [draftId, given]);

  const known = versions ?? fetched;
  const signed = known ? latestSigned(known) : null;

  const startAmendment = async () => {
    if (!signed) return;
    setBusy(true);
    const result = await call('versions.startAmendment', { versionId: signed.id });
    setBusy(false);
    if (!result.ok) return void message.error(errorMessage(t, result.error));
    void message.success(t('versions.locked.amendmentCreated', { title: displayText(asLocalizedText(result.value.content.title), locale) }));
    navigate({ screen: 'draft', draftId: result.value.id, step: 'services' });
  };

  return (
    <Alert
      type="info"
      showIcon
      className="signed-banner"
      title={t('versions.locked.title')}
      description={
        signed
          ? t('versions.locked.description', { version: roundLabel(t, signed), time: formatTimestamp(signed.createdAt, locale) })
          : t('versions.locked.descriptionShort')
      }
      action={
        <Button type="primary" onClick={() => void startAmendment()} loading={busy} disabled={!signed}>
          {t('versions.locked.startAmendment')}
        </Button>
      }
    />
  );
}
