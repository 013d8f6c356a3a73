/**
 * The renderer's i18next instance, on the same resources as the command line
 * and the services (src-shared/i18n), bound to React through react-i18next.
 * Switching language also switches dayjs (date pickers) and the document's
 * lang attribute, so screen readers pronounce the text in the right language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { INTERPOLATION, LOCALIZED_TEXT_FORMATTER, resources, type Locale } from '../../../src-shared/i18n';

export const i18n = i18next.createInstance();

// The formatter writes a text the user typed in both languages ("{{name}}") in the language of the screen.
void i18n.use(initReactI18next).use(LOCALIZED_TEXT_FORMATTER).init({
  lng: 'en',
  fallbackLng: 'en',
  resources,
  initAsync: false,
  interpolation: INTERPOLATION,
  returnNull: false,
});

const DAYJS_LOCALE: Record<Locale, string> = { en: 'en', 'zh-CN': 'zh-cn' };

export function applyLocale(locale: Locale): void {
  void i18n.changeLanguage(locale);
  dayjs.locale(DAYJS_LOCALE[locale]);
  document.documentElement.lang = locale;
}
