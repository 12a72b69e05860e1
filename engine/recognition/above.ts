/** The lines above a header: the table's title, its section row and its unit line. */
import { cellAddress } from '../address';
import type { SheetView } from '../sheet-view';
import { compactLabel, nfkc } from '../text';
import { ANNEX, MAX_TITLE_DISTANCE, SECTION_ROW, UNIT_LINE } from './patterns';

export interface Above {
  title: string | null;
  titleCell: string | null;
  section: string | null;
  sectionCell: string | null;
  unitLine: string | null;
}

/** Title, section and unit lines between the previous table and this header. */
export function readAbove(view: SheetView, headerTop: number, scanFrom: number, right: number): Above {
  const out: Above = { title: null, titleCell: null, section: null, sectionCell: null, unitLine: null };
  const from = Math.max(scanFrom, headerTop - MAX_TITLE_DISTANCE);
  for (let r = headerTop - 1; r >= from; r--) {
    const own = view.filledCellsIn(r).filter((c) => c.value.kind === 'text');
    if (own.length === 0) continue;
    const first = own[0]!;
    const t = (first.value as { value: string }).value.trim();
    const joined = own.map((c) => (c.value as { value: string }).value.trim()).join(' ');
    if (UNIT_LINE.test(joined)) {
      out.unitLine ??= joined;
      continue;
    }
    if (ANNEX.test(t)) continue;
    if (own.length > 2) continue;
    if (SECTION_ROW.test(nfkc(t))) {
      if (out.section === null) {
        out.section = compactLabel(t);
        out.sectionCell = cellAddress(r, first.col);
      }
      continue;
    }
    if (out.title === null && first.col <= right + 1 && own.length <= 2) {
      out.title = compactLabel(t);
      out.titleCell = cellAddress(r, first.col);
    }
  }
  return out;
}
