/**
 * The UI language: chosen at first start from the system (navigator.language),
 * afterwards from the saved setting; switching applies at once everywhere
 * (texts, antd components, date pickers, number formats) and is remembered.
 */
import { createContext, useContext } from 'react';
import type { ApiResult } from '../../../src-shared/api';
import type { Locale } from '../../../src-shared/i18n';

export interface LocaleState {
  locale: Locale;
  /** Applies the language at once; the result says whether it was also remembered. */
  setLocale: (locale: Locale) => Promise<ApiResult<unknown>>;
}

export const LocaleContext = createContext<LocaleState>({ locale: 'en', setLocale: () => Promise.resolve({ ok: true, value: null }) });

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}
