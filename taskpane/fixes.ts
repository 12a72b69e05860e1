/** Which findings have a fix in place (as Excel's 错误检查 offers): the pane shows the button, the workbench does it. */
import type { Finding } from '../engine/model';

export type FixKind = 'toNumber' | 'unhideRow' | 'unhideColumn';

/** The fix in place a finding offers (as Excel's 错误检查 does), or null. */
export function fixFor(f: Pick<Finding, 'code' | 'cell' | 'data'>): FixKind | null {
  if (!f.cell) return null;
  if (f.code === 'NUMBER_AS_TEXT' && typeof f.data.number === 'number' && Number.isFinite(f.data.number))
    return 'toNumber';
  if (f.code === 'HIDDEN_ROW') return 'unhideRow';
  if (f.code === 'HIDDEN_COLUMN') return 'unhideColumn';
  return null;
}
