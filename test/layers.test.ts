/**
 * The layer rules of docs/ARCHITECTURE.md are enforced by eslint.config.js;
 * these tests prove the rules bite, so a config edit cannot silently disable them.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('layer rules', () => {
  it('keeps src-shared free of Node, Electron and the other layers', async () => {
    expect(await layerErrors('src-shared/model/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n")).toHaveLength(1);
    expect(await layerErrors('src-shared/model/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await layerErrors('src-shared/model/x.ts', "import { x } from '../../src-main/db/connection';\nexport const y = x;\n")).toHaveLength(1);
    expect(await layerErrors('src-shared/model/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toHaveLength(0);
  });

  it('keeps the renderer away from main, Electron and Node', async () => {
    expect(await layerErrors('src-renderer/src/x.tsx', "import { createServices } from '../../src-main/services';\nexport const c = createServices;\n")).toHaveLength(1);
    expect(await layerErrors('src-renderer/src/x.tsx', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).toHaveLength(1);
    expect(await layerErrors('src-renderer/src/x.tsx', "import { validateDraft } from '../../src-shared/model';\nexport const v = validateDraft;\n")).toHaveLength(0);
  });

  it("lets only the Electron shell of src-main import 'electron', and only src-main/db the driver", async () => {
    expect(await layerErrors('src-main/services/x.ts', "import { dialog } from 'electron';\nexport const d = dialog;\n")).toHaveLength(1);
    expect(await layerErrors('src-main/ipc.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n")).toHaveLength(0);
    expect(await layerErrors('src-main/services/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n")).toHaveLength(1);
    expect(await layerErrors('src-main/db/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n")).toHaveLength(0);
  });
});
