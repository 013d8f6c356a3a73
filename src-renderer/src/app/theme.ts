/**
 * The app's colours, as antd theme tokens: every text colour reads at a
 * contrast of at least 4.5:1 on white and on the light fills it sits on
 * (WCAG 2.1 AA, checked by axe-core in e2e/accessibility.spec.ts). antd's
 * defaults do not: its secondary text (#00000073), success green, link blue
 * and error red fall to 2.5–4.1:1. The stylesheets use the same colours
 * through antd's CSS variables (`var(--ant-color-text-description)`), so a
 * colour is changed here only. The text of antd's coloured tags is not a
 * token (it is derived from each preset palette), so styles.css darkens the
 * presets the app uses, next to a note pointing here.
 */
import type { ThemeConfig } from 'antd';

/** The firm's blue: primary buttons, links, the header. */
const NAVY = '#1f4e79';

export const APP_THEME: ThemeConfig = {
  token: {
    colorPrimary: NAVY,
    colorLink: NAVY,
    borderRadius: 4,
    // Secondary text, descriptions, step subtitles, form hints: 7:1.
    colorTextSecondary: '#4d4d4d',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    // Placeholders: 5.3:1 (still lighter than typed text).
    colorTextPlaceholder: '#6e6e6e',
    // Status colours whose text is read: "Saved", errors, warnings, a draft's status tag ("In negotiation").
    colorSuccess: '#237804',
    colorError: '#c41d1d',
    colorWarning: '#ad5700',
    colorInfo: '#0958d9',
  },
  components: {
    // An empty table says so ("No data") in text that must be read, not in the disabled grey.
    Table: { colorTextDisabled: '#595959' },
  },
};
