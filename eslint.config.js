// Lint, and the layer rules of docs/ARCHITECTURE.md: src-shared is pure,
// the renderer never reaches into main, and only the Electron shell files
// import 'electron'; inside the renderer, the screens import common/ but not
// the shell (app/) nor each other, and common/ imports neither. A
// wrong-direction import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'url',
  'stream',
  'http',
  'https',
  'net',
  'worker_threads',
  'zlib',
  'util',
  'events',
  'readline',
  'process',
  'buffer',
];
const nodeModules = [...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `${m}/*`)];

const layer = (message, patterns, paths = []) => ({
  'no-restricted-imports': ['error', { paths: paths.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] }],
});

/** What no file of the renderer imports (main, Electron, Node). */
const RENDERER_OUTER = {
  group: ['node:*', ...nodeModules, 'electron', 'electron/*', 'better-sqlite3', '**/src-main/**', '**/src-main'],
  message: 'The renderer talks to main only through window.sla (src-shared/api.ts).',
};

/** The screen folders of src-renderer/src; app/ is the shell around them, common/ what they share. */
const SCREENS = ['home', 'wizard', 'preview', 'export', 'versions', 'compare', 'playbook', 'reports', 'calculator', 'backups'];

/** The only screen-to-screen imports: a screen that shows another's part (the wizard shows the live preview, …). */
const SCREEN_EMBEDS = {
  wizard: ['preview', 'export', 'versions', 'playbook'],
  versions: ['playbook'],
  compare: ['playbook'],
  home: ['backups'],
};

/** A relative import that climbs to src-renderer/src and enters one of `folders`. */
const intoFolders = (folders) => `^(?:\\.\\./)+(?:${folders.join('|')})(?:/|$)`;

const rendererLayer = (...inner) => ({ 'no-restricted-imports': ['error', { patterns: [RENDERER_OUTER, ...inner] }] });

const NO_SHELL = { regex: intoFolders(['app']), message: 'A screen does not import the shell (app/); what the shell and the screens share lives in common/.' };

const screenRules = SCREENS.map((screen) => {
  const embeds = SCREEN_EMBEDS[screen] ?? [];
  const others = SCREENS.filter((other) => other !== screen && !embeds.includes(other));
  const allowed = embeds.length > 0 ? ` (${screen} may import ${embeds.join(', ')})` : '';
  return {
    files: [`src-renderer/src/${screen}/**/*.{ts,tsx}`],
    rules: rendererLayer(NO_SHELL, {
      regex: intoFolders(others),
      message: `A screen does not import another screen${allowed}; what screens share lives in common/.`,
    }),
  };
});

/** The only files of src-main allowed to import 'electron'. */
const ELECTRON_SHELL = ['src-main/index.ts', 'src-main/ipc.ts', 'src-main/preload.ts', 'src-main/electron/**'];

const MAIN_OUTER = {
  group: ['electron', 'electron/*', '**/src-renderer/**'],
  message: "Only src-main/index.ts, ipc.ts, preload.ts and src-main/electron/ may import 'electron'; services take ports.",
};
const mainLayer = (...inner) => ({ 'no-restricted-imports': ['error', { patterns: [MAIN_OUTER, ...inner] }] });
/** A relative import that climbs out of its folder into one of `folders` of src-main. */
const intoMainFolders = (folders) => `^(?:\\.\\./)+(?:${folders.join('|')})(?:/|\\.|$)`;

/** The folders inside src-main, each with what it may not import (docs/ARCHITECTURE.md). */
const MAIN_FOLDERS = [
  {
    folder: 'docx',
    not: ['services', 'db', 'cli', 'electron'],
    message: 'docx/ turns plain data into Word files and back: it imports neither services/, db/, cli/ nor electron/.',
  },
  {
    folder: 'db',
    not: ['services', 'docx', 'cli', 'electron'],
    message: 'db/ is SQL on better-sqlite3: it imports neither services/, docx/, cli/ nor electron/.',
  },
  {
    folder: 'services',
    not: ['cli', 'electron', 'index', 'ipc', 'api-handlers', 'preload'],
    message: 'services/ run under plain Node for the app, the command line and the harness: they import neither cli/ nor the Electron shell.',
  },
  {
    folder: 'cli',
    not: ['electron', 'index', 'ipc', 'api-handlers', 'preload'],
    message: 'cli/ runs the services without Electron: it imports nothing of the Electron shell.',
  },
];
const mainRules = MAIN_FOLDERS.map(({ folder, not, message }) => ({
  files: [`src-main/${folder}/**/*.ts`],
  // A test may set up its fixtures through the layer above (a db test through the services).
  ignores: [`src-main/${folder}/**/*.test.ts`, `src-main/${folder}/testing/**`],
  rules: mainLayer({ regex: intoMainFolders(not), message }),
}));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: layer('src-shared is pure TypeScript: no Node, DOM, Electron, or other layers.', [
      'node:*',
      ...nodeModules,
      'electron',
      'electron/*',
      'better-sqlite3',
      'react',
      'react-dom',
      'react-dom/*',
      'antd',
      '**/src-main/**',
      '**/src-renderer/**',
      '../src-main/*',
      '../src-renderer/*',
    ]),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...rendererLayer(),
    },
  },
  ...screenRules,
  {
    files: ['src-renderer/src/common/**/*.{ts,tsx}'],
    rules: rendererLayer({
      regex: intoFolders(['app', ...SCREENS]),
      message: 'common/ is shared by the shell and the screens: it imports neither app/ nor a screen.',
    }),
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ELECTRON_SHELL,
    rules: mainLayer(),
  },
  ...mainRules,
  {
    files: ELECTRON_SHELL,
    rules: layer('src-main never imports the renderer.', ['**/src-renderer/**']),
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value='better-sqlite3']", message: 'SQL and the database driver live in src-main/db only.' },
      ],
    },
  },
);
