/**
 * LibreOffice headless as a second spreadsheet: writes rows of actuals and native formulas with
 * ExcelJS, lets soffice recalculate on load (a private profile whose settings force recalculation
 * of xlsx files) and reads the values back as raw CSV.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';

export const soffice = ['soffice', 'libreoffice'].find(
  (c) => spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0,
);

/**
 * Tests that need LibreOffice are skipped without it (vitest reports them as skipped, never as
 * passed); with PERF_REQUIRE_LIBREOFFICE=1 (.ci/run, which installs it) its absence fails instead.
 */
export function expectSofficeWhenRequired(): void {
  if (process.env.PERF_REQUIRE_LIBREOFFICE === '1')
    expect(soffice, 'soffice or libreoffice on PATH').toBeDefined();
}

export type CellIn = number | string | boolean | null | { formula: string };

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Writes the rows to one sheet, recalculates in LibreOffice, returns every cell as CSV text (raw values). */
export async function recalcInLibreOffice(dir: string, rows: CellIn[][]): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null) return;
      const cell = ws.getCell(i + 1, j + 1);
      cell.value = typeof v === 'object' ? { formula: v.formula.replace(/^=/, '') } : v;
    }),
  );
  const file = join(dir, 'native.xlsx');
  await wb.xlsx.writeFile(file);
  return recalcFile(dir, file);
}

/** Recalculates an xlsx file in LibreOffice; returns its first sheet as CSV text (raw values). */
export function recalcFile(dir: string, file: string): string[][] {
  return recalcFiles(dir, [file])[0]!;
}

/**
 * Recalculates xlsx files in LibreOffice, in one launch (a launch takes seconds); returns the first
 * sheet of each, in order, as CSV text (raw values).
 */
export function recalcFiles(dir: string, files: readonly string[]): string[][][] {
  const profile = join(dir, 'lo-profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
  const outDir = join(dir, 'csv');
  const r = spawnSync(
    soffice!,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      // UTF-8, comma, quote "; token 9 false: raw values, not as shown
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false',
      '--outdir',
      outDir,
      ...files,
    ],
    { encoding: 'utf8', timeout: 300_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  return files.map((file) =>
    parseCsv(readFileSync(join(outDir, basename(file).replace(/\.xlsx$/, '.csv')), 'utf8')),
  );
}

/** RFC 4180 CSV (quoted fields with "" and line breaks). */
export function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (q) {
      if (ch === '"' && s[i + 1] === '"') {
        f += '"';
        i++;
      } else if (ch === '"') q = false;
      else f += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(f);
      f = '';
    } else if (ch === '\n') {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
    } else if (ch !== '\r') f += ch;
  }
  if (f !== '' || row.length > 0) {
    row.push(f);
    rows.push(row);
  }
  return rows;
}
