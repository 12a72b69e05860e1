import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { captureIo, makeTempDir } from './helpers.js';

let tmp: { dir: string; cleanup: () => void };
beforeAll(() => {
  tmp = makeTempDir();
});
afterAll(() => tmp.cleanup());

async function run(argv: string[], opts: Parameters<typeof captureIo>[0] = {}) {
  const cap = captureIo(opts);
  const code = await main(argv, cap.io);
  return { code, out: cap.out(), err: cap.err() };
}

function oneLine(text: string): string {
  const lines = text.split('\n');
  expect(lines).toHaveLength(2); // one line plus the final newline
  expect(lines[1]).toBe('');
  expect(text).not.toMatch(/\n\s+at /); // no stack trace
  return lines[0]!;
}

describe('perf-check usage', () => {
  it.each([
    [[], '缺少命令'],
    [['frobnicate'], '未知命令「frobnicate」'],
    [['a.xlsx'], 'perf-check validate a.xlsx'],
    [['validate'], '没有给出要检查的文件'],
    [['validate', '--bogus', 'a.xlsx'], '未知选项 --bogus'],
    [['validate', '-x', 'a.xlsx'], '未知选项 -x'],
    [['validate', 'a.xlsx', '--sheet'], '--sheet 缺少参数'],
    [['validate', '--json=yes', 'a.xlsx'], '--json 不带参数'],
    [['validate', '--lang', 'fr', 'a.xlsx'], '--lang 只能是 zh 或 en'],
  ])('%j is a usage error', async (argv, text) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const line = oneLine(r.err);
    expect(line.startsWith('perf-check: ')).toBe(true);
    expect(line).toContain(text);
    expect(line).toMatch(/\(.*[a-z].*\)$/); // English in parentheses
  });

  it.each([['--help'], ['-h'], ['help'], ['validate', '--help']])('%s prints the help', async (...argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('用法 (usage)');
    expect(r.out).toContain('perf-check validate');
    expect(r.out).toContain('--json');
    expect(r.out).toContain('--sheet');
    expect(r.out).toContain('--lang');
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`perf-check ${pkg.version}\n`);
  });
});

describe('perf-check validate: unreadable input', () => {
  it('a file that is not an xlsx: exit 2, one line on stderr', async () => {
    const file = join(tmp.dir, 'a.xlsx');
    writeFileSync(file, Buffer.from([1, 2, 3, 0, 0, 250, 251, 252]));
    const r = await run(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(oneLine(r.err)).toBe(
      `perf-check: 无法读取 ${file}：不是有效的 .xlsx 文件 (not a valid .xlsx file)`,
    );
  });

  it('a missing file with --json: exit 2 and an error entry', async () => {
    const file = join(tmp.dir, 'missing.xlsx');
    const r = await run(['validate', '--json', file]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain('文件不存在');
    const doc = JSON.parse(r.out) as { files: unknown[] };
    expect(doc.files).toEqual([
      { file, error: { kind: 'not-found', message: '文件不存在', messageEn: 'file not found' } },
    ]);
  });

  it('--lang en gives the English message in JSON', async () => {
    const file = join(tmp.dir, 'empty.xlsx');
    writeFileSync(file, '');
    const r = await run(['validate', '--json', '--lang', 'en', file]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { files: { error: { kind: string; message: string } }[] };
    expect(doc.files[0]?.error.kind).toBe('empty');
    expect(doc.files[0]?.error.message).toMatch(/empty/);
  });
});

// ----------------------------------------------------------------------------------------------
// End to end on a workbook built here (needs the engine).

interface L1Options {
  /** Leave the points of 家庭医生签约 empty. */
  missingPoints?: boolean;
}

/** A small L1 table: title, 主管部门 line, header, merged level columns with points in labels. */
async function writeL1(file: string, opts: L1Options = {}, extraSheet = false): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务要点');
  ws.getCell('A1').value = '2022年度县卫生健康局绩效考核任务要点';
  ws.mergeCells('A1:E1');
  ws.getCell('A2').value = '主管部门：县卫生健康局    负责人：';
  ws.getRow(4).values = ['一级指标', '二级指标', '任务要点名称', '年度目标', '分值权重'];
  const rows: unknown[][] = [
    ['围绕中心履职尽责（100分）', '重点（职能）工作（80分）', '基本公共卫生服务', '健康档案建档率≥80%', 30],
    [null, null, '安全生产', '全年不发生较大安全生产事故', '一票否决\n10'],
    [null, null, '家庭医生签约', '重点人群签约率≥60%', opts.missingPoints ? null : 40],
    [null, '专项考核（20分）', '党风廉政建设', '落实全面从严治党主体责任', 20],
  ];
  rows.forEach((r, i) => {
    ws.getRow(5 + i).values = r as ExcelJS.CellValue[];
  });
  ws.mergeCells('A5:A8');
  ws.mergeCells('B5:B7');
  if (extraSheet) wb.addWorksheet('说明').getCell('A1').value = '本表由各单位填报';
  await wb.xlsx.writeFile(file);
}

interface JsonDoc {
  files: {
    file: string;
    error?: { kind: string; message: string };
    tables?: {
      sheet: string;
      range: string;
      headerRow: number;
      layout: string;
      columns: Record<string, string>;
      declaredTotal: number | null;
      groups: { path: string[]; label: string; cell: string; declared: number | null; sum: number }[];
      items: {
        row: number;
        path: string[];
        name: string;
        points: number | null;
        veto: boolean;
        vetoExcellence: boolean;
        target: string | null;
        owner: string | null;
        person: string | null;
      }[];
    }[];
    findings?: {
      code: string;
      severity: string;
      sheet: string;
      cell: string | null;
      message: string;
      messageEn: string;
    }[];
  }[];
}

describe('perf-check validate: end to end', () => {
  let clean: string;
  let broken: string;
  let twoSheets: string;
  beforeAll(async () => {
    clean = join(tmp.dir, '任务要点.xlsx');
    broken = join(tmp.dir, 'broken.xlsx');
    twoSheets = join(tmp.dir, 'two.xlsx');
    await writeL1(clean);
    await writeL1(broken, { missingPoints: true });
    await writeL1(twoSheets, {}, true);
  });

  it('JSON is one line for a program, indented at a terminal, the same document', async () => {
    const piped = await run(['validate', '--json', clean]);
    const tty = await run(['validate', '--json', clean], { tty: true });
    expect(piped.code).toBe(0);
    expect(tty.code).toBe(0);
    expect(oneLine(piped.out).startsWith('{"files":[{"file":')).toBe(true);
    expect(tty.out.startsWith('{\n  "files": [\n    {\n      "file": ')).toBe(true);
    expect(JSON.parse(tty.out)).toEqual(JSON.parse(piped.out));
  });

  // README: --json (every command) is one line when piped, indented at a terminal.
  it.each([['score'], ['recalc'], ['convert', '--to', 'native']])(
    '%s --json too: one line for a program, indented at a terminal',
    async (...command) => {
      const argv = [...command, '--json', join(__dirname, '../../examples/perf-formulas.xlsx')];
      const piped = await run(argv);
      const tty = await run(argv, { tty: true });
      expect(oneLine(piped.out).startsWith('{"')).toBe(true);
      expect(tty.out.startsWith('{\n  "')).toBe(true);
      expect(JSON.parse(tty.out)).toEqual(JSON.parse(piped.out));
    },
  );

  it('JSON of a clean L1 table', async () => {
    const r = await run(['validate', '--json', clean]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as JsonDoc;
    expect(doc.files).toHaveLength(1);
    const f = doc.files[0]!;
    expect(f.file).toBe(clean);
    expect(f.error).toBeUndefined();
    expect(f.findings?.filter((x) => x.severity === 'error')).toEqual([]);
    expect(f.tables).toHaveLength(1);
    const t = f.tables![0]!;
    expect(t.sheet).toBe('任务要点');
    expect(t.range).toBe('A4:E8');
    expect(t.headerRow).toBe(4);
    expect(t.layout).toBe('task');
    expect(t.columns).toMatchObject({ level1: 'A', level2: 'B', item: 'C', target: 'D', points: 'E' });
    expect(t.declaredTotal).toBe(100);
    expect(t.groups).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: ['围绕中心履职尽责', '重点（职能）工作'],
          label: '重点（职能）工作（80分）',
          cell: 'B5',
          declared: 80,
          sum: 80,
        }),
        expect.objectContaining({
          path: ['围绕中心履职尽责', '专项考核'],
          cell: 'B8',
          declared: 20,
          sum: 20,
        }),
      ]),
    );
    expect(t.items.map((i) => i.name)).toEqual([
      '基本公共卫生服务',
      '安全生产',
      '家庭医生签约',
      '党风廉政建设',
    ]);
    const safety = t.items[1]!;
    expect(safety).toMatchObject({
      row: 6,
      path: ['围绕中心履职尽责', '重点（职能）工作'],
      points: 10,
      veto: true,
      vetoExcellence: false,
      target: '全年不发生较大安全生产事故',
    });
    for (const item of t.items) {
      expect(item).toHaveProperty('owner');
      expect(item).toHaveProperty('person');
    }
  });

  it('human report of a clean table', async () => {
    const r = await run(['validate', clean]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`文件：${clean}`);
    expect(r.out).toContain('工作表「任务要点」');
    expect(r.out).toMatch(/表格 A4:E8（加权任务表），表头在第 4 行，4 个指标/);
    expect(r.out).toMatch(/识别的列：一级指标 A，二级指标 B，\S+ C，\S+ D，分值 E/);
    expect(r.out).toContain('总分：写明 100，各项合计 100');
    expect(r.out).toContain('一票否决 1 项');
    expect(r.out).toContain('未发现问题');
    expect(r.out).not.toContain('错误（');
    expect(lines.at(-2)).toBe(`小结：${clean} — 1 个表格，4 个指标；未发现问题`);
    expect(r.out).not.toContain('\x1b['); // no colour without a TTY
  });

  it('an error finding: exit 1, JSON finding and report line', async () => {
    const json = await run(['validate', '--json', broken]);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.out) as JsonDoc;
    const findings = doc.files[0]?.findings ?? [];
    const missing = findings.find((x) => x.code === 'POINTS_MISSING');
    expect(missing).toMatchObject({ severity: 'error', sheet: '任务要点', cell: 'E7' });
    expect(missing?.message).toMatch(/家庭医生签约/);
    expect(missing?.messageEn).toMatch(/[a-z]/);

    const human = await run(['validate', broken]);
    expect(human.code).toBe(1);
    const nErrors = findings.filter((x) => x.severity === 'error').length;
    expect(human.out).toContain(`错误（${nErrors}）`);
    expect(human.out).toContain(`  E7  POINTS_MISSING  ${missing?.message}`);
    expect(human.out).not.toContain('未发现问题');
    expect(human.out).toMatch(new RegExp(`小结：.*错误 ${nErrors}，警告 \\d+，提示 \\d+\\n$`));
  });

  it('--lang en: English report and messages', async () => {
    const human = await run(['validate', '--lang', 'en', broken]);
    expect(human.code).toBe(1);
    expect(human.out).toContain(`File: ${broken}`);
    expect(human.out).toContain("Sheet '任务要点'");
    expect(human.out).toMatch(/Errors \(\d+\)/);
    expect(human.out).toMatch(/ {2}E7 {2}POINTS_MISSING {2}[A-Za-z]/);
    expect(human.out).toMatch(/Summary: .* \d+ errors?, \d+ warnings?, \d+ notes?\n$/);

    const json = await run(['validate', '--json', '--lang', 'en', broken]);
    const doc = JSON.parse(json.out) as JsonDoc;
    const f = doc.files[0]?.findings?.find((x) => x.code === 'POINTS_MISSING');
    expect(f?.message).toBe(f?.messageEn);
  });

  it('--sheet selects sheets; an unknown sheet is exit 2', async () => {
    const all = JSON.parse((await run(['validate', '--json', twoSheets])).out) as JsonDoc;
    const one = JSON.parse((await run(['validate', '--json', '--sheet', '说明', twoSheets])).out) as JsonDoc;
    expect(all.files[0]?.tables?.map((t) => t.sheet)).toContain('任务要点');
    expect(one.files[0]?.tables?.map((t) => t.sheet) ?? []).not.toContain('任务要点');
    expect((one.files[0]?.findings ?? []).every((x) => x.sheet === '说明')).toBe(true);

    const r = await run(['validate', '--sheet', '不存在', twoSheets]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain('没有名为「不存在」的工作表');
  });

  it('several files: all are processed, 2 wins over 1', async () => {
    const bad = join(tmp.dir, 'bad.xlsx');
    writeFileSync(bad, 'a,b,c\n1,2,3\n');
    const r = await run(['validate', '--json', broken, bad, clean]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain(`无法读取 ${bad}`);
    const doc = JSON.parse(r.out) as JsonDoc;
    expect(doc.files.map((f) => f.file)).toEqual([broken, bad, clean]);
    expect(doc.files[1]?.error?.kind).toBe('text');
    expect(doc.files[0]?.tables).toHaveLength(1);
    expect(doc.files[2]?.tables).toHaveLength(1);

    const human = await run(['validate', broken, clean]);
    expect(human.code).toBe(1);
    expect(human.out).toContain(`文件：${broken}`);
    expect(human.out).toContain(`文件：${clean}`);
    expect(human.out).toMatch(/共检查 2 个文件：1 个有错误，0 个无法读取\n$/);
  });

  it('colour only on a TTY, and never with NO_COLOR', async () => {
    const tty = await run(['validate', broken], { tty: true, env: {} });
    expect(tty.out).toContain('\x1b[31m');
    const noColor = await run(['validate', broken], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.out).not.toContain('\x1b[');
    const json = await run(['validate', '--json', broken], { tty: true, env: {} });
    expect(() => JSON.parse(json.out) as unknown).not.toThrow();
  });
});
