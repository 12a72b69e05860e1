/**
 * A count written before what it counts: "3份不一致", "1名不真实", "0台不符合要求". The engine reads
 * these (values.ts COUNT_NOUN) as the number with the words after its measure word as its name;
 * the formula's text parse takes only a measure word after the number. Here the tails a program's
 * counts may carry (a measure word of the program, then its metric or a tail of it: 份 + 不一致) are
 * drawn from the program and kept where the engine, asked at compile time, reads number + tail as
 * that one value (beside label or event tests: and finds none of them in it, as silent.ts); the
 * formula reads a text that is digits followed by exactly such a tail.
 */
import type { Program } from '../rules/program';
import { programListedStates } from '../rules/evaluate-counts';
import { readValues, squash } from '../rules/values';
import { countedMetrics, perProgram, saysNothing, type When } from './silent';

/** Whole numbers a clerk writes (COUNT_NOUN reads whole numbers only). */
const SAMPLES = ['0', '1', '2', '3', '10', '25'];
/** The longest tail of a metric taken as what is counted. */
const LONGEST = 12;

export interface CountNoun {
  /** The text after the digits, as typed: measure word then words ("份不一致"). */
  tail: string;
  /** The value's name and unit as the engine reads them ("不一致", "份"). */
  name: string;
  unit: string;
}

/** The tails of counts written before what they count, each with the name and unit it gives. */
export const countNouns = perProgram(findCountNouns);

function findCountNouns(p: Program): CountNoun[] {
  const counted = countedMetrics(p);
  // Beside label or event tests, only tails in which the engine finds none of them (silent.ts).
  const whens = p.clauses.filter((c): c is When => c.kind === 'when' && c.test.kind !== 'condition');
  const listed = programListedStates(p);
  const out: CountNoun[] = [];
  const seen = new Set<string>();
  for (const { metric, unit } of counted) {
    if (unit === '' || seen.has(`${unit}|${metric}`)) continue;
    seen.add(`${unit}|${metric}`);
    const m = metric.replace(/\s+/g, '');
    // Its last words ("不一致"), or its first ("国控断面未达到III类" of 国控断面未达到III类及以上水质).
    const names = [
      ...Array.from({ length: Math.min(LONGEST, m.length) - 1 }, (_, i) => m.slice(m.length - i - 2)),
      ...Array.from({ length: Math.max(0, Math.min(LONGEST, m.length - 1) - 3) }, (_, i) =>
        m.slice(0, i + 4),
      ),
    ];
    for (const name of names) {
      const tail = `${unit}${name}`;
      // Typed as is: nothing the engine would drop or normalise, no digits, no wildcards.
      if (tail !== tail.normalize('NFKC') || squash(tail) !== tail || /[\d%‰*?~.+-]/.test(tail)) continue;
      if (out.some((x) => x.tail === tail)) continue;
      const reads = SAMPLES.every((d) => {
        const vals = readValues(`${d}${tail}`);
        const v = vals.values;
        const one =
          v.length === 1 && v[0]!.name === name && v[0]!.unit === unit && !v[0]!.percent && v[0]!.value.eq(d);
        return one && (whens.length === 0 || saysNothing(p, whens, listed, vals));
      });
      if (reads) out.push({ tail, name, unit });
    }
  }
  return out;
}
