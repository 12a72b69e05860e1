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
    // The row's text cells, counted and joined in one loop: filter/map/join over rows with and
    // without text (arrays of different kinds) deoptimised this function.
    let firstCol = -1;
    let t = '';
    let count = 0;
    let joined = '';
    for (const c of view.filledCellsIn(r)) {
      if (c.value.kind !== 'text') continue;
      const v = c.value.value.trim();
      if (count++ === 0) {
        firstCol = c.col;
        t = v;
        joined = v;
      } else joined += ' ' + v;
    }
    if (count === 0) continue;
    if (UNIT_LINE.test(joined)) {
      out.unitLine ??= joined;
      continue;
    }
    if (ANNEX.test(t)) continue;
    if (count > 2) continue;
    if (SECTION_ROW.test(nfkc(t))) {
      if (out.section === null) {
        out.section = compactLabel(t);
        out.sectionCell = cellAddress(r, firstCol);
      }
      continue;
    }
    if (out.title === null && firstCol <= right + 1 && count <= 2) {
      out.title = compactLabel(t);
      out.titleCell = cellAddress(r, firstCol);
    }
  }
  return out;
}
