/** The PERF functions, called the way Excel calls them (numbers, 0 or null for an empty cell). */
import { describe, expect, it, vi } from 'vitest';

// The CustomFunctions runtime Excel provides, installed before functions.ts is imported.
const { FakeCustomFunctionsError, associated } = vi.hoisted(() => {
  class FakeCustomFunctionsError extends Error {
    constructor(
      public code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  const associated: Record<string, unknown> = {};
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
    associate: (mappings: Record<string, unknown>) => Object.assign(associated, mappings),
    Error: FakeCustomFunctionsError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  };
  return { FakeCustomFunctionsError, associated };
});

import { cellRef } from '../../addin/functions/functions';

describe('PERF.CELLREF', () => {
  it('is associated under its metadata id', () => {
    expect(associated.CELLREF).toBe(cellRef);
  });

  it('returns the A1 address of a row and column', () => {
    expect(cellRef(5, 3)).toBe('C5');
    expect(cellRef(1, 1)).toBe('A1');
    expect(cellRef(1, 16384)).toBe('XFD1');
    expect(cellRef(1048576, 27)).toBe('AA1048576');
  });

  it('cuts fractions off as ADDRESS does', () => {
    expect(cellRef(2.9, 1.5)).toBe('A2');
  });

  it.each([
    [0, 1, '行号'],
    [null, 1, '行号'], // an empty cell on builds that pass null
    [1, 0, '列号'], // … and on builds that pass 0
    [1048577, 1, '行号'],
    [1, 16385, '列号'],
    [Number.NaN, 1, '行号'],
    [-3, 1, '行号'],
  ])('gives #VALUE! with a Chinese message for row %s, column %s', (row, col, word) => {
    let thrown: unknown;
    try {
      cellRef(row as number, col as number);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(FakeCustomFunctionsError);
    expect((thrown as InstanceType<typeof FakeCustomFunctionsError>).code).toBe('#VALUE!');
    expect((thrown as InstanceType<typeof FakeCustomFunctionsError>).message).toContain(word);
  });
});
