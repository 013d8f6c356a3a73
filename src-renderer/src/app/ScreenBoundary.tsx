/**
 * The frame around the current screen: if the screen fails to draw (a fault
 * in SLA Studio, or an answer from main it cannot read) it says so in the
 * user's language with the ways on — never a blank window or a stack trace.
 * What was typed is with the autosave, which a screen leaving flushes.
 */
import { Button, Result, Space } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ResultHeading } from '../common/ResultHeading';

function ScreenFailed() {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={<ResultHeading>{t('screen.failed.title')}</ResultHeading>}
      subTitle={t('screen.failed.detail')}
      extra={
        <Space>
          <Button type="primary" href="#/">
            {t('common.backHome')}
          </Button>
          <Button onClick={() => window.location.reload()}>{t('screen.failed.reload')}</Button>
        </Space>
      }
    />
  );
}

/** Give it a key per screen, so that going to another screen starts afresh. */
export class ScreenBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever reads the developer console; the user sees ScreenFailed.
    console.error('[sla-studio] a screen failed to render:', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <ScreenFailed /> : this.props.children;
  }
}
