/** PERF.ALLOCATE: a pool split by coefficient × head count (系数分配). */
import { D } from '../rules/decimal';
import { ok, readArguments, valueError, type Arg, type ArgSource, type FnResult } from './args';
import { defineFunction, type ParamSpec } from './spec';

/**
 * PERF.ALLOCATE(coefficients, counts, pool): pool × kᵢnᵢ / Σkⱼnⱼ per row, to the cent, with the
 * largest remainder so the parts add up to the pool exactly. Returns a column. A blank
 * coefficient or count is 0 (that row gets nothing).
 */
function allocate(
  args: readonly (Arg | undefined)[],
  sources?: readonly (ArgSource | undefined)[],
): FnResult<number[][]> {
  const read = readArguments(PARAMS, args, sources);
  if (!read.ok) return read;
  const [k, n, pool] = read.value;
  if (k.length !== n.length)
    return valueError(
      `系数（${k.length}个）与人数（${n.length}个）数量应相同`,
      'coefficients and counts must be the same size',
    );
  if (!pool.mul(100).isInteger()) return valueError('总额应精确到分', 'The pool must be in whole cents');
  const weights = k.map((ki, i) => (ki ?? new D(0)).mul(n[i] ?? new D(0)));
  const sum = weights.reduce((a, b) => a.plus(b), new D(0));
  if (sum.isZero()) return valueError('系数×人数之和为0，无法分配', 'The sum of coefficient × count is 0');
  const cents = pool.mul(100);
  const exact = weights.map((w) => cents.mul(w).div(sum));
  const floors = exact.map((e) => e.floor());
  let left = cents.minus(floors.reduce((a, b) => a.plus(b), new D(0))).toNumber();
  const order = exact
    .map((e, i) => ({ i, rem: e.minus(e.floor()) }))
    .sort((a, b) => b.rem.cmp(a.rem) || a.i - b.i);
  for (let j = 0; left > 0; j++, left--) floors[order[j]!.i] = floors[order[j]!.i]!.plus(1);
  return ok(floors.map((c) => [c.div(100).toNumber()]));
}

export function perfAllocate(coefficients: Arg, counts: Arg, pool: Arg): FnResult<number[][]> {
  return allocate([coefficients, counts, pool]);
}

const PARAMS = [
  {
    name: 'coefficients',
    zh: '系数',
    shape: 'range',
    read: 'cells',
    nonNegative: true,
    description: {
      en: 'Coefficient (系数) of each department or person (a range); a blank counts as 0.',
      zh: '各科室或个人的系数（单元格区域）；空单元格按 0 计。',
    },
  },
  {
    name: 'counts',
    zh: '人数',
    shape: 'range',
    read: 'cells',
    nonNegative: true,
    description: {
      en: 'Head count (人数) of each row (a range of the same size); 1 for individuals.',
      zh: '各行的人数（与系数大小相同的区域）；按个人分配时填 1。',
    },
  },
  {
    name: 'pool',
    zh: '总额',
    shape: 'value',
    read: 'number',
    nonNegative: true,
    description: {
      en: 'Amount to split (总额), in yuan, in whole cents, e.g. =ROUND(E1*30%, 2).',
      zh: '要分配的总额，单位元，须精确到分，如 =ROUND(E1*30%, 2)。',
    },
  },
] as const satisfies readonly ParamSpec[];

/** The function as Excel, the recalc and the help page see it. */
export const spec = defineFunction({
  id: 'ALLOCATE',
  zh: '系数分配',
  summary: '按系数 × 人数分配总额',
  description: {
    en: 'Splits a pool by coefficient × head count (系数分配), to the cent, by largest remainder so the parts add up to the pool. The result is a column that spills.',
    zh: '按系数 × 人数分配总额，精确到分，用最大余数法使各份之和正好等于总额；结果是向下溢出的一列。',
  },
  params: PARAMS,
  result: { type: 'number', matrix: true },
  call: allocate,
  // The help page's section for the function, below its generated heading (addin/help/).
  help: {
    about: `
      <p>
        按“科室系数 × 科室人数 ÷ 总系数 ×
        总额”分配，精确到分；用最大余数法处理分位，使各份之和正好等于总额。结果是一列，从公式所在单元格向下溢出，下方单元格须为空。
      </p>
`,
    more: `
      <p>
        示例：B2:B4 为系数 1、2、2，C2:C4 为人数 3、5、4，<code>=PERF.系数分配(B2:B4, C2:C4, 10000)</code>
        得到 1428.57、4761.91、3809.52，合计 10000。
      </p>
      <p lang="en">
        Splits a pool by coefficient × head count to the cent; the parts add up to the pool. Spills as a
        column.
      </p>
`,
  },
});
