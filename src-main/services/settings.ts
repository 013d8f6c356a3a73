/** User settings: so far the language, which the first start leaves unset (the UI then follows the system). */
import type { SettingsRepository } from '../db';
import { isLocale, type Locale } from '../../src-shared/i18n';

const LOCALE_KEY = 'locale';

export interface SettingsService {
  get(): { locale: Locale | null };
  setLocale(locale: Locale): { locale: Locale };
}

export function createSettingsService(repository: SettingsRepository): SettingsService {
  return {
    get() {
      const stored = repository.get(LOCALE_KEY);
      return { locale: isLocale(stored) ? stored : null };
    },
    setLocale(locale) {
      repository.set(LOCALE_KEY, locale);
      return { locale };
    },
  };
}
