/**
 * A failure of our own conversion is not reported as a corrupt file: the clerk is told the fault is
 * the tool's (kind "internal" in the CLI's JSON), while damage in the file stays "corrupt". The
 * worksheet reader is made to fail on a sound file, as a conversion bug would.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { checkFile } from '../../cli/check-file';
import * as xlsx from '../../cli/xlsx';
import * as engine from '../../engine/index';
import { InputError, ReaderDefect } from '../../xlsx/errors';
import { loadWorkbook } from '../../xlsx/load';
import type * as SheetModule from '../../xlsx/sheet';

vi.mock('../../xlsx/sheet', async (original) => {
  const real = await original<typeof SheetModule>();
  return {
    ...real,
    readSheet: (...args: Parameters<typeof real.readSheet>) => {
      if (args[1].name === '任务要点')
        throw new TypeError("Cannot read properties of undefined (reading 'row')");
      return real.readSheet(...args);
    },
  };
});

const example = 'examples/zaozhuang-2022-tasks.xlsx';

describe('a conversion bug on a sound file', () => {
  it('is a ReaderDefect naming the failure, not an InputError "corrupt"', async () => {
    const bytes = new Uint8Array(readFileSync(example));
    const err = await loadWorkbook(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ReaderDefect);
    expect(err).not.toBeInstanceOf(InputError);
    expect((err as InstanceType<typeof ReaderDefect>).messageZh).toBe(
      "读取文件时本工具出错（这是程序的缺陷，不是文件损坏：TypeError: Cannot read properties of undefined (reading 'row')），请把文件发给开发者",
    );
  });

  it('the CLI reports it as an internal error of the tool, on stderr and in JSON', async () => {
    const outcome = await checkFile(
      example,
      { sheets: [], lang: 'zh', score: false, scoring: null },
      { engine, xlsx },
    );
    expect(outcome.result.error?.kind).toBe('internal');
    expect(outcome.stderr?.zh).toContain(
      `检查 ${example} 时出现内部错误：读取文件时本工具出错（这是程序的缺陷，不是文件损坏`,
    );
  });

  it('damaged XML in the file is still "corrupt"', async () => {
    const { zipSync, strToU8, unzipSync } = await import('fflate');
    const parts = unzipSync(new Uint8Array(readFileSync(example)));
    parts['xl/workbook.xml'] = strToU8('<workbook><sheets><sheet name="x"');
    const err = await loadWorkbook(zipSync(parts)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
  });
});
