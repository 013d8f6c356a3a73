import { HomeOutlined } from '@ant-design/icons';
import { Layout, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../src-shared/i18n';
import { useLocale } from '../common/locale';

/** Each language named in itself, so a user who cannot read the current one still finds theirs. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '中文' };

export function AppHeader({ onChangeLocale }: { onChangeLocale: (locale: Locale) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Layout.Header className="app-header">
      <a href="#/" className="app-name">
        <Typography.Text strong className="app-name-text">
          {t('app.name')}
        </Typography.Text>
      </a>
      <nav aria-label={t('common.mainNavigation')} className="app-nav">
        <a href="#/" className="app-home-link">
          <HomeOutlined aria-hidden /> {t('common.home')}
        </a>
      </nav>
      <div className="app-language">
        <label htmlFor="language-select">{t('language.label')}</label>
        <Select<Locale>
          id="language-select"
          value={locale}
          className="language-select"
          options={LOCALES.map((value) => ({ value, label: LANGUAGE_NAMES[value], lang: value }))}
          onChange={onChangeLocale}
        />
      </div>
    </Layout.Header>
  );
}
