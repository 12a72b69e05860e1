/** PERF.ALLOCATE: a pool split by coefficient × head count (系数分配). */
import { D, type Dec } from '../rules/decimal';
import { flat, numberArg, ok, requiredNumber, valueError, type Arg, type FnResult } from './args';
import { defineFunction } from './spec';

/**
 * PERF.ALLOCATE(coefficients, counts, pool): pool × kᵢnᵢ / Σkⱼnⱼ per row, to the cent, with the
 * largest remainder so the parts add up to the pool exactly. Returns a column.
 */
export function perfAllocate(coefficients: Arg, counts: Arg, pool: Arg): FnResult<number[][]> {
  const k = flat(coefficients);
  const n = flat(counts);
  if (k.length !== n.length)
    return valueError(
      `系数（${k.length}个）与人数（${n.length}个）数量应相同`,
      'coefficients and counts must be the same size',
    );
  const p = requiredNumber(pool, '总额');
  if (!p.ok) return p;
  if (!p.value.mul(100).isInteger()) return valueError('总额应精确到分', 'The pool must be in whole cents');
  if (p.value.isNeg()) return valueError('总额不能为负数', 'The pool cannot be negative');
  const weights: Dec[] = [];
  for (let i = 0; i < k.length; i++) {
    const ki = numberArg(k[i] ?? null, `第${i + 1}行系数`);
    if (!ki.ok) return ki;
    const ni = numberArg(n[i] ?? null, `第${i + 1}行人数`);
    if (!ni.ok) return ni;
    const wi = (ki.value ?? new D(0)).mul(ni.value ?? new D(0));
    if (wi.isNeg()) return valueError(`第${i + 1}行为负数`, `Row ${i + 1} is negative`);
    weights.push(wi);
  }
  const sum = weights.reduce((a, b) => a.plus(b), new D(0));
  if (sum.isZero()) return valueError('系数×人数之和为0，无法分配', 'The sum of coefficient × count is 0');
  const cents = p.value.mul(100);
  const exact = weights.map((w) => cents.mul(w).div(sum));
  const floors = exact.map((e) => e.floor());
  let left = cents.minus(floors.reduce((a, b) => a.plus(b), new D(0))).toNumber();
  const order = exact
    .map((e, i) => ({ i, rem: e.minus(e.floor()) }))
    .sort((a, b) => b.rem.cmp(a.rem) || a.i - b.i);
  for (let j = 0; left > 0; j++, left--) floors[order[j]!.i] = floors[order[j]!.i]!.plus(1);
  return ok(floors.map((c) => [c.div(100).toNumber()]));
}

/** The function as Excel, the recalc and the help page see it. */
export const spec = defineFunction({
  id: 'ALLOCATE',
  zh: '系数分配',
  summary: '按系数 × 人数分配总额',
  description: {
    en: 'Splits a pool by coefficient × head count (系数分配), to the cent, by largest remainder so the parts add up to the pool. The result is a column that spills.',
    zh: '按系数 × 人数分配总额，精确到分，用最大余数法使各份之和正好等于总额；结果是向下溢出的一列。',
  },
  params: [
    {
      name: 'coefficients',
      zh: '系数',
      shape: 'range',
      description: {
        en: 'Coefficient (系数) of each department or person (a range).',
        zh: '各科室或个人的系数（单元格区域）。',
      },
    },
    {
      name: 'counts',
      zh: '人数',
      shape: 'range',
      description: {
        en: 'Head count (人数) of each row (a range of the same size); 1 for individuals.',
        zh: '各行的人数（与系数大小相同的区域）；按个人分配时填 1。',
      },
    },
    {
      name: 'pool',
      zh: '总额',
      shape: 'value',
      description: {
        en: 'Amount to split (总额), in yuan, in whole cents, e.g. =ROUND(E1*30%, 2).',
        zh: '要分配的总额，单位元，须精确到分，如 =ROUND(E1*30%, 2)。',
      },
    },
  ],
  result: { type: 'number', matrix: true },
  call: (a) => perfAllocate(a[0]!, a[1]!, a[2]!),
  // The help page's section for the function, below its generated heading (addin/help/).
  help: `
      <p>
        按“科室系数 × 科室人数 ÷ 总系数 ×
        总额”分配，精确到分；用最大余数法处理分位，使各份之和正好等于总额。结果是一列，从公式所在单元格向下溢出，下方单元格须为空。
      </p>
      <table>
        <tr>
          <th>参数</th>
          <th>说明</th>
        </tr>
        <tr>
          <td>系数 (coefficients)</td>
          <td>各科室（或个人）的系数区域。</td>
        </tr>
        <tr>
          <td>人数 (counts)</td>
          <td>与系数大小相同的人数区域；按个人分配时填 1。</td>
        </tr>
        <tr>
          <td>总额 (pool)</td>
          <td>要分配的总额（元），须精确到分，如 <code>=ROUND(E1*30%, 2)</code>。</td>
        </tr>
      </table>
      <p>
        示例：B2:B4 为系数 1、2、2，C2:C4 为人数 3、5、4，<code>=PERF.系数分配(B2:B4, C2:C4, 10000)</code>
        得到 1428.57、4761.91、3809.52，合计 10000。
      </p>
      <p lang="en">
        Splits a pool by coefficient × head count to the cent; the parts add up to the pool. Spills as a
        column.
      </p>
`,
});
