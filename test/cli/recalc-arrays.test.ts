/**
 * Array constants in `perf-check recalc`, element by element as Excel takes them (cli/recalc/
 * arrays.ts): the native formulas count digits with SUBSTITUTE over {0,…,9}, find the first one with
 * MIN(FIND({0,…,9},…)), test words with ISNUMBER(FIND({…},…)). Expected values worked by hand from
 * Excel's rules: operators and one-value functions map over an array, a single row or column is
 * stretched, #N/A past a shorter array's end. (Formulas over ranges: test/cli/recalc*.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { evaluateOurs } from '../native/ours';

/** Each formula evaluated by the recalc's evaluator, with B1 holding `text`, C1 2 and D1 3. */
function values(text: string, formulas: string[]): unknown[] {
  return formulas.map((x) => {
    const v = evaluateOurs(`=${x}`, { B1: text, C1: 2, D1: 3 });
    return typeof v === 'object' && v !== null ? v.error : v;
  });
}

describe('array constants, element by element', () => {
  it('counts, finds and tests over the elements (the native formulas’ text parse)', () => {
    expect(
      values('缺12.5项', [
        // digits and the point: 1, 2, ".", 5 → 4
        'SUMPRODUCT(LEN(B1)-LEN(SUBSTITUTE(B1,{0,1,2,3,4,5,6,7,8,9,"."},"")))',
        // the first digit is the 2nd character
        'MIN(FIND({0,1,2,3,4,5,6,7,8,9},B1&1/17))',
        // 缺 is there, 少 is not: 1
        'SUMPRODUCT(--ISNUMBER(FIND({"缺","少"},B1)))',
        // characters 1..4: 缺 1 2 . → 缺 is the one that is not a digit or point
        'SUMPRODUCT(--ISERROR(FIND(MID(B1,{1,2,3,4},1),"0123456789.")))',
        // exactly one of the words
        'SUMPRODUCT(--EXACT(B1,{"缺","缺12.5项"}))',
        // begins with 缺 (LEFT of each word's length)
        'SUMPRODUCT(--(LEFT(B1,LEN({"缺","缺少"}))={"缺","缺少"}))',
        // the number before 项: the longest run of MID that is a number
        '-LOOKUP(1,-MID(B1,2,{1,2,3,4,5}))',
      ]),
    ).toEqual([4, 2, 1, 1, 1, 1, 12.5]);
  });

  it('stretches a row or column, and gives #N/A past a shorter array', () => {
    expect(
      values('x', [
        // {1,2}*{3,4} → {3,8}: 11
        'SUMPRODUCT({1,2}*{3,4})',
        // a column and a row: {1;2}+{10,20} → {11,21;12,22}: 66
        'SUMPRODUCT({1;2}+{10,20})',
        // unary minus and % over an array: −(1+2) = −3; (50+20)/100 = 0.7
        'SUMPRODUCT(-{1,2})',
        'SUMPRODUCT({50,20}%)',
        // a cell beside an array: C = 2 → {2,4}: 6
        'SUMPRODUCT(C1*{1,2})',
        // three against two: {2,4,#N/A}
        'SUMPRODUCT({1,2,3}+{1,2})',
        // comparisons and text joins: {FALSE,TRUE,TRUE} → 2; "ax" once → 1
        'SUMPRODUCT(--({1,2,3}>=2))',
        'SUMPRODUCT(--({"a","b"}&"x"="ax"))',
      ]),
    ).toEqual([11, 66, -3, 0.7, 6, '#N/A', 2, 1]);
  });

  it('replaces a number as old text, and leaves one-value formulas as they were', () => {
    expect(
      values('漏报0例', [
        // a number as the old text is its digits (Excel): 漏报例
        'SUBSTITUTE(B1,0,"")',
        'SUBSTITUTE("a.b.c",".","",2)',
        // a text that is no number, negated: #VALUE!, so no number (the parser gave NaN, a number)
        'ISNUMBER(-"重")',
        // one-value formulas: 2 × 3; 漏报0例 has 4 characters
        'C1*D1',
        'LEN(B1)',
      ]),
    ).toEqual(['漏报例', 'a.bc', false, 6, 4]);
  });

  it('reads a blank cell as 0 in a number function, and matches as Excel does', () => {
    // E1 is blank: MOD(0,1) = 0, and an IF branch not taken no longer stops the formula (2).
    expect(
      values('x', [
        'MOD(E1,1)',
        'IF(FALSE,MOD(E1,1),2)',
        'MATCH("",{"a","","%"},0)',
        'MATCH("%",{"","%"},0)',
      ]),
    ).toEqual([0, 2, 2, 2]);
    // "|" is no regular expression ("|约" matched every element); case aside; * and ? wildcards.
    expect(
      values('x', [
        'MATCH("|约",{"|","|小"},0)',
        'MATCH("B",{"a","b"},0)',
        'MATCH("b*",{"a","bc"},0)',
        'MATCH("a.c",{"abc","a.c"},0)',
      ]),
    ).toEqual(['#N/A', 2, 2, 2]);
  });
});
