// A module-resolution hook: `electron` resolves to the stand-in beside this file,
// so the built main process loads under plain Node exactly as it was bundled.
const STAND_IN = new URL('./stand-in-electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STAND_IN, shortCircuit: true };
  return nextResolve(specifier, context);
}
