/**
 * The banner of an amendment draft (in the wizard and on the timeline): the
 * signed version it amends, named and dated, with a link to the signed
 * agreement and the comparison against it.
 */
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AmendedVersion } from '../common/amendedVersion';
import { signedTitle } from '../common/amendedVersion';
import { formatTimestamp } from '../common/formatTime';
import { useLocale } from '../common/locale';
import { navigate, WORKING_COPY } from '../common/route';
import { roundLabel } from './labels';
import './versions.css';

export function AmendsBanner({ draftId, amended }: { draftId: string; amended: AmendedVersion }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (amended.state === 'none' || amended.state === 'loading') return null;
  const signed = amended.state === 'ready' ? amended.version : null;
  return (
    <Alert
      type="info"
      showIcon
      className="amends-banner"
      data-testid="amends-banner"
      title={t('versions.amends.title')}
      description={
        signed
          ? t('versions.amends.description', {
              title: signedTitle(signed, locale) || t('wizard.untitled'),
              version: roundLabel(t, signed),
              time: formatTimestamp(signed.createdAt, locale),
            })
          : t('versions.amends.descriptionUnknown')
      }
      action={
        signed && (
          <div className="amends-banner-actions">
            <Button size="small" type="link" href={`#/drafts/${signed.draftId}/services`}>
              {t('versions.amends.openSigned')}
            </Button>
            <Button size="small" onClick={() => navigate({ screen: 'compare', draftId, old: signed.id, new: WORKING_COPY })}>
              {t('versions.amends.compare')}
            </Button>
          </div>
        )
      }
    />
  );
}
