/**
 * The top of the renderer: reads the saved language (or follows the system
 * on first start), then renders the shell inside antd's ConfigProvider with
 * the matching antd locale.
 */
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { localeFromSystem, type Locale } from '../../../src-shared/i18n';
import { call, hasClient } from '../common/client';
import { applyLocale, i18n } from './i18n';
import { LocaleContext } from '../common/locale';
import { Shell } from './Shell';
import { APP_THEME } from './theme';

/** A user who asked the system for less motion gets dialogs and menus that appear at once, without zooming or sliding (WCAG 2.3.3). */
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

/**
 * antd puts a space between the two characters of a two-character Chinese
 * button ("取 消", "关 闭") but not in longer ones ("新建草案"); the same
 * dialog then reads unevenly, so the labels are shown exactly as written.
 */
const BUTTON_CONFIG = { autoInsertSpace: false } as const;

const ANTD_LOCALES = { en: enUS, 'zh-CN': zhCN } as const;

/**
 * Notices stay six seconds rather than antd's three: long enough to read a
 * sentence that names a file or a field, in either language, before it goes
 * (a notice also waits while the pointer rests on it).
 */
const NOTICES = { duration: 6 } as const;

/** Shown when the page was opened without the desktop app or the dev:web harness behind it. */
function NoBridge() {
  const lng = localeFromSystem(navigator.language);
  return <Result status="warning" title={i18n.t('app.name', { lng })} subTitle={i18n.t('common.noBridge', { lng })} />;
}

export function Root() {
  const [locale, setLocaleState] = useState<Locale | null>(null);

  useEffect(() => {
    if (!hasClient()) return;
    let cancelled = false;
    void call('settings.get', {}).then((result) => {
      if (cancelled) return;
      const chosen = result.ok && result.value.locale ? result.value.locale : localeFromSystem(navigator.language);
      applyLocale(chosen);
      setLocaleState(chosen);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    setLocaleState(next);
    return call('settings.setLocale', { locale: next });
  }, []);

  const localeState = useMemo(() => ({ locale: locale ?? 'en', setLocale }), [locale, setLocale]);

  if (!hasClient()) return <NoBridge />;
  if (!locale) {
    return (
      <div className="boot">
        <Spin size="large" />
      </div>
    );
  }
  return (
    <ConfigProvider
      locale={ANTD_LOCALES[locale]}
      theme={reducedMotion ? { ...APP_THEME, token: { ...APP_THEME.token, motion: false } } : APP_THEME}
      button={BUTTON_CONFIG}
    >
      <AntApp message={NOTICES}>
        <LocaleContext.Provider value={localeState}>
          <Shell />
        </LocaleContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
