/**
 * A plain, read-only view of the preview workbook's active sheet beside the pane: values, merges,
 * fills (so highlights show), the selected cell, and the cells the add-in wrote. Clicking a cell
 * selects it, as in Excel, for "仅识别选区".
 */
import { useEffect, useReducer } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { cellAddress, columnLetter } from '../../engine/address';
import type { CellRange } from '../../engine/grid';
import type { MemoryCell, MemoryExcel, MemorySheet } from '../../addin/excel/memory-excel';

const useStyles = makeStyles({
  wrap: { overflow: 'auto', flexGrow: 1, border: `1px solid ${tokens.colorNeutralStroke1}` },
  grid: { borderCollapse: 'collapse', fontSize: '12px', tableLayout: 'fixed' },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '0 4px',
    fontWeight: 'normal',
    position: 'sticky',
    top: 0,
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '0 4px',
    textAlign: 'right',
    fontWeight: 'normal',
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 4px',
    maxWidth: '220px',
    minWidth: '40px',
    whiteSpace: 'pre-wrap',
    verticalAlign: 'top',
    cursor: 'cell',
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  written: { boxShadow: `inset 3px 0 0 ${tokens.colorPaletteGreenBorderActive}` },
  hidden: { opacity: 0.45 },
  formula: { fontStyle: 'italic', color: tokens.colorPaletteBlueForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
  number: { textAlign: 'right' },
});

/** Rows and columns drawn at most; the rest of a big sheet is summarised. */
const MAX_ROWS = 400;
const MAX_COLS = 30;

function display(c: MemoryCell): string {
  if (c.formula) return c.value === '' ? c.formula : String(c.value);
  if (typeof c.value === 'number') {
    if (c.numberFormat?.includes('%')) return `${Number((c.value * 100).toPrecision(12))}%`;
    return String(Number(c.value.toPrecision(12)));
  }
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return c.value;
}

function inside(r: number, c: number, rect: CellRange): boolean {
  return r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right;
}

export function SheetPreview({ excel }: { excel: MemoryExcel }) {
  const styles = useStyles();
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => excel.onSync(() => redraw()), [excel]);

  const sheet: MemorySheet = excel.activeSheet;
  const used = sheet.usedRect(false);
  const bottom = Math.min((used?.bottom ?? 10) + 3, MAX_ROWS - 1);
  const right = Math.min((used?.right ?? 6) + 2, MAX_COLS - 1);
  const covered = new Set<string>();
  const mergeAt = new Map<string, CellRange>();
  for (const m of sheet.merges) {
    mergeAt.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const rows = [];
  for (let r = 0; r <= bottom; r++) {
    const tds = [];
    for (let c = 0; c <= right; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const m = mergeAt.get(`${r},${c}`);
      const cell = sheet.cell(r, c);
      const fill = cell?.fill && cell.fill.pattern !== 'None' ? cell.fill.color : undefined;
      const address = cellAddress(r, c);
      const selected = inside(r, c, excel.selection);
      const classes = [
        styles.cell,
        selected ? styles.selected : '',
        cell?.written ? styles.written : '',
        cell?.formula ? styles.formula : '',
        cell?.error ? styles.error : '',
        typeof cell?.value === 'number' ? styles.number : '',
      ].join(' ');
      tds.push(
        <td
          key={c}
          className={classes}
          data-address={address}
          data-fill={fill ?? ''}
          data-written={cell?.written ? 'true' : undefined}
          data-selected={selected ? 'true' : undefined}
          rowSpan={m ? Math.min(m.bottom, bottom) - m.top + 1 : undefined}
          colSpan={m ? Math.min(m.right, right) - m.left + 1 : undefined}
          style={fill ? { backgroundColor: fill, color: '#242424' } : undefined}
          onClick={() => excel.select({ top: r, left: c, bottom: r, right: c })}
        >
          {cell ? display(cell) : ''}
        </td>,
      );
    }
    rows.push(
      <tr key={r} className={sheet.hiddenRows.has(r) ? styles.hidden : undefined}>
        <th className={styles.rowHead} scope="row">
          {r + 1}
        </th>
        {tds}
      </tr>,
    );
  }
  return (
    // A region one can scroll with the keyboard (Tab to it, then the arrow keys), named by the sheet.
    <div
      className={styles.wrap}
      data-testid="sheet-preview"
      data-sheet={sheet.name}
      role="region"
      aria-label={sheet.name}
      tabIndex={0}
    >
      <table className={styles.grid} aria-label={sheet.name}>
        <thead>
          <tr>
            {/* The empty corner heads nothing: a plain cell, not an empty header. */}
            <td className={styles.head} />
            {Array.from({ length: right + 1 }, (_, c) => (
              <th key={c} className={styles.head} scope="col">
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
}
