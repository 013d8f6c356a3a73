/**
 * The layer rules of docs/ARCHITECTURE.md are enforced by eslint.config.js;
 * these tests prove the rules bite, so a config edit cannot silently disable them.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('layer rules', () => {
  it('keeps src-shared free of Node, Electron and the other layers', async () => {
    expect(await layerErrors('src-shared/model/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n")).toHaveLength(1);
    expect(await layerErrors('src-shared/model/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await layerErrors('src-shared/model/x.ts', "import { x } from '../../src-main/db/connection';\nexport const y = x;\n")).toHaveLength(1);
    expect(await layerErrors('src-shared/model/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toHaveLength(0);
  });

  it('keeps the renderer away from main, Electron and Node', async () => {
    expect(
      await layerErrors('src-renderer/src/x.tsx', "import { createServices } from '../../src-main/services';\nexport const c = createServices;\n"),
    ).toHaveLength(1);
    expect(await layerErrors('src-renderer/src/x.tsx', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).toHaveLength(1);
    expect(
      await layerErrors('src-renderer/src/x.tsx', "import { validateDraft } from '../../src-shared/model';\nexport const v = validateDraft;\n"),
    ).toHaveLength(0);
  });

  it('keeps the screens off the shell and off each other, except the parts a screen embeds', async () => {
    // A screen importing the shell.
    expect(await layerErrors('src-renderer/src/home/x.tsx', "import { Shell } from '../app/Shell';\nexport const s = Shell;\n")).toHaveLength(1);
    expect(await layerErrors('src-renderer/src/wizard/steps/x.tsx', "import { Root } from '../../app/Root';\nexport const r = Root;\n")).toHaveLength(1);
    // A screen importing another screen, from the folder's top and from deeper in it.
    expect(
      await layerErrors('src-renderer/src/calculator/x.tsx', "import { formatLevel } from '../reports/reportText';\nexport const f = formatLevel;\n"),
    ).toHaveLength(1);
    expect(
      await layerErrors('src-renderer/src/wizard/fields/x.tsx', "import { ComparePage } from '../../compare/ComparePage';\nexport const c = ComparePage;\n"),
    ).toHaveLength(1);
    // An embedded part goes one way only: the wizard shows the preview, the preview does not reach back.
    expect(
      await layerErrors('src-renderer/src/wizard/x.tsx', "import { PreviewLayout } from '../preview/PreviewLayout';\nexport const p = PreviewLayout;\n"),
    ).toHaveLength(0);
    expect(
      await layerErrors('src-renderer/src/preview/x.tsx', "import { WizardPage } from '../wizard/WizardPage';\nexport const w = WizardPage;\n"),
    ).toHaveLength(1);
    // What screens share, and the outer rule still holding inside a screen.
    expect(await layerErrors('src-renderer/src/reports/x.tsx', "import { useLocale } from '../common/locale';\nexport const l = useLocale;\n")).toHaveLength(0);
    expect(
      await layerErrors('src-renderer/src/reports/x.tsx', "import { formatPercent } from '../../../src-shared/format';\nexport const f = formatPercent;\n"),
    ).toHaveLength(0);
    expect(await layerErrors('src-renderer/src/reports/x.tsx', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).toHaveLength(1);
  });

  it('keeps common/ free of the shell and the screens, and lets the shell import both', async () => {
    expect(
      await layerErrors('src-renderer/src/common/x.ts', "import { previousMonth } from '../reports/reportText';\nexport const p = previousMonth;\n"),
    ).toHaveLength(1);
    expect(await layerErrors('src-renderer/src/common/x.ts', "import { Shell } from '../app/Shell';\nexport const s = Shell;\n")).toHaveLength(1);
    expect(await layerErrors('src-renderer/src/common/x.ts', "import { call } from './client';\nexport const c = call;\n")).toHaveLength(0);
    expect(
      await layerErrors(
        'src-renderer/src/app/x.tsx',
        "import { HomePage } from '../home/HomePage';\nimport { navigate } from '../common/route';\nexport const h = [HomePage, navigate];\n",
      ),
    ).toHaveLength(0);
  });

  it("lets only the Electron shell of src-main import 'electron', and only src-main/db the driver", async () => {
    expect(await layerErrors('src-main/services/x.ts', "import { dialog } from 'electron';\nexport const d = dialog;\n")).toHaveLength(1);
    expect(await layerErrors('src-main/ipc.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n")).toHaveLength(0);
    expect(await layerErrors('src-main/services/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n")).toHaveLength(1);
    expect(await layerErrors('src-main/db/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n")).toHaveLength(0);
  });

  it('keeps the folders inside src-main in their order: docx and db below the services, the command line and the Electron shell above', async () => {
    const use = (path: string) => `import { x } from '${path}';\nexport const y = x;\n`;
    expect(await layerErrors('src-main/docx/x.ts', use('../services/exports'))).toHaveLength(1);
    expect(await layerErrors('src-main/docx/x.ts', use('../db'))).toHaveLength(1);
    expect(await layerErrors('src-main/db/x.ts', use('../services/backups'))).toHaveLength(1);
    expect(await layerErrors('src-main/db/x.ts', use('../docx/runs'))).toHaveLength(1);
    expect(await layerErrors('src-main/services/x.ts', use('../cli/index'))).toHaveLength(1);
    expect(await layerErrors('src-main/services/x.ts', use('../ipc'))).toHaveLength(1);
    expect(await layerErrors('src-main/cli/commands/x.ts', use('../../electron/menu'))).not.toHaveLength(0);
    expect(await layerErrors('src-main/cli/x.ts', use('../api-handlers'))).toHaveLength(1);
    // The outer rule still holds inside an inner folder.
    expect(await layerErrors('src-main/docx/x.ts', use('electron'))).toHaveLength(1);
    // The arrows that are meant.
    expect(await layerErrors('src-main/services/x.ts', use('../docx/contract-docx'))).toHaveLength(0);
    expect(await layerErrors('src-main/services/x.ts', use('../db'))).toHaveLength(0);
    expect(await layerErrors('src-main/cli/commands/x.ts', use('../../services/exports'))).toHaveLength(0);
    expect(await layerErrors('src-main/cli/commands/x.ts', use('../input'))).toHaveLength(0);
  });
});
