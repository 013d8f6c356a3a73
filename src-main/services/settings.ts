/** User settings: so far the language, which the first start leaves unset (the UI then follows the system). */
import type { SettingsRepository } from '../db';
import { isLocale, type Locale } from '../../src-shared/i18n';

const LOCALE_KEY = 'locale';

export interface SettingsService {
  get(): { locale: Locale | null };
  /** Saves the language, then tells the listeners (the main process rebuilds its menu in it). */
  setLocale(locale: Locale): { locale: Locale };
  /** Listens for a saved language; returns the way to stop listening. */
  onLocaleChanged(listener: (locale: Locale) => void): () => void;
}

export function createSettingsService(repository: SettingsRepository): SettingsService {
  const listeners = new Set<(locale: Locale) => void>();
  return {
    get() {
      const stored = repository.get(LOCALE_KEY);
      return { locale: isLocale(stored) ? stored : null };
    },
    setLocale(locale) {
      repository.set(LOCALE_KEY, locale);
      for (const listener of listeners) {
        try {
          listener(locale);
        } catch {
          // The language is saved: a listener that fails (a menu that could not be rebuilt) reports
          // its own failure and must not turn the saved setting into an error.
        }
      }
      return { locale };
    },
    onLocaleChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
