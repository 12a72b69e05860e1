/**
 * The pane's host inside Excel: Office.js globals are read here and only here (and in
 * addin/excel/office.ts). Not loaded by tests or the preview.
 */
import { defaultEnv } from '../addin/excel/requirements';
import { runExcel } from '../addin/excel/office';
import { excelWriteModes, type PaneHost, type ThemeName } from './host';

/** Office's theme → ours: dark when the pane background is dark; high contrast when the system forces colours. */
function officeTheme(): ThemeName {
  if (typeof window !== 'undefined' && window.matchMedia?.('(forced-colors: active)').matches)
    return 'contrast';
  const bg = Office.context.officeTheme?.bodyBackgroundColor;
  if (typeof bg === 'string' && /^#?[0-9a-f]{6}$/i.test(bg)) {
    const hex = bg.replace('#', '');
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
    if (0.299 * r + 0.587 * g + 0.114 * b < 128) return 'dark';
  }
  return 'light';
}

export function officeHost(): PaneHost {
  const env = defaultEnv();
  const writeModes = excelWriteModes(env);
  return {
    kind: 'excel',
    env,
    ...(writeModes ? { writeModes } : {}),
    displayLanguage: Office.context.displayLanguage ?? 'zh-CN',
    theme: officeTheme(),
    run: (work) => runExcel(work),
  };
}
