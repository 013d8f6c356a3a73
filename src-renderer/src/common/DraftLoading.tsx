/**
 * What a screen of one draft shows before the draft is there: a spinner while
 * it loads, or why it could not be opened (a draft that no longer exists, or
 * another failure) with the way back to the list. The wizard, the versions and
 * the reports screens share it.
 */
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api';
import { errorMessage } from './client';
import { ResultHeading } from './ResultHeading';

export function DraftLoading({ load, failedTitleKey }: { load: { state: 'loading' } | { state: 'failed'; error: ApiError }; failedTitleKey: string }) {
  const { t } = useTranslation();
  if (load.state === 'loading') {
    return (
      <div className="boot" aria-busy="true">
        <Spin size="large" />
      </div>
    );
  }
  const notFound = load.error.code === 'notFound';
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={<ResultHeading>{notFound ? t('wizard.notFound') : t(failedTitleKey)}</ResultHeading>}
      subTitle={errorMessage(t, load.error)}
      extra={
        <Button type="primary" href="#/">
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
