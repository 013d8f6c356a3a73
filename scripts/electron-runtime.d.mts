// Types of scripts/electron-runtime.mjs for the TypeScript that imports it (e2e/electron.spec.ts, its test).
export type RuntimeFailure = { kind: 'offline' } | { kind: 'other'; detail: string };
export type RuntimeOutcome = { status: 'present' | 'downloaded'; executable: string } | { status: 'failed'; reason: RuntimeFailure };
export interface InstallerResult {
  code: number;
  output: string;
}
type Env = Record<string, string | undefined>;
export const ELECTRON_PACKAGE_DIR: string;
export function installedElectron(packageDir?: string, env?: Env): string | null;
export function runElectronInstaller(packageDir?: string, env?: Env): Promise<InstallerResult>;
export function failureReason(output: string): RuntimeFailure;
export function ensureElectronRuntime(options?: {
  packageDir?: string;
  env?: Env;
  install?: (packageDir: string, env: Env) => Promise<InstallerResult>;
}): Promise<RuntimeOutcome>;
export function localeFromEnvironment(env?: Env): 'en' | 'zh-CN';
export function runtimeMissingMessage(locale: 'en' | 'zh-CN', purpose: 'dev' | 'dist', reason: RuntimeFailure): string;
