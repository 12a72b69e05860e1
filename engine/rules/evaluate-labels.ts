/**
 * Graded labels (有制度有记录得满分；有制度无记录得1分；无制度不得分): the grade an actual names. The
 * whole label must match (after spaces); a text may also name one grade of a checklist, deny the
 * other of two, or name several positive credits, which add up.
 */
import { D, dmin, type Dec } from './decimal';
import type { Clause } from './program';
import type { Outcome } from './types';
import { fail } from './types';
import { labelSays, POS_MARK, squash } from './values';
import { manual, NEG_LEAD, type Reader } from './evaluate-parts';

type Labels = Extract<Clause, { kind: 'labels' }>;

/** The score of the grade the actual names, or why it names none. */
export function gradeFor(
  c: Labels,
  r: Reader,
  w: Dec,
): { ok: true; score: Labels['grades'][number]['score'] } | { ok: false; outcome: Outcome } {
  if (r.v.blank) return { ok: false, outcome: fail('ACTUAL_MISSING', '缺少评价等级', 'No grade given') };
  const a = (r.v.text ?? r.v.values.map((x) => x.value.toString()).join(',')).replace(/\s+/g, '');
  let g = c.grades.find((x) => x.label.replace(/\s+/g, '') === a);
  if (!g) {
    // "有高血压患者任务分配表" against 高血压患者任务分配表 / 没有该项: the grade the text states, or
    // with two grades, the other one when the text denies a grade.
    const grades = c.grades;
    const parts = (r.v.text ?? '')
      .split(/[,，;；、]/)
      .map((x) => x.replace(/\s+/g, ''))
      .filter((x) => x !== '');
    const named = new Set<(typeof grades)[number]>();
    for (const part of parts) {
      const exactPart = grades.filter((x) => x.label.replace(/\s+/g, '') === part);
      const hits =
        exactPart.length > 0
          ? exactPart
          : grades.filter((x) => labelSays(x.label, NEG_LEAD.test(x.label), part, true) === true);
      if (hits.length > 1)
        return {
          ok: false,
          outcome: manual(
            `「${part}」符合多个等级，需人工评分`,
            `"${part}" fits several grades: score by hand`,
          ),
        };
      if (hits[0]) named.add(hits[0]);
    }
    // "没有高血压患者任务分配表" against {高血压患者任务分配表, 没有(该项)}: the bare denial of another grade.
    const bare = grades.filter((x) => /^(?:没有|无|未)$/.test(x.label));
    const denial = /^(?:没有|无|未)/.exec(squash(a));
    if (bare.length === 1 && denial && named.size === 0) {
      const rest = squash(a).slice(denial[0].length);
      if (grades.some((x) => x !== bare[0] && squash(x.label).replace(POS_MARK, '') === rest))
        named.add(bare[0]!);
    }
    const says = grades.map((x) => labelSays(x.label, NEG_LEAD.test(x.label), a, true));
    const yes = [...named];
    if (yes.length > 1) {
      // Several credits named ("已建立，已开展服务"): a checklist of positive items adds up.
      if (
        grades.every((x) => !NEG_LEAD.test(x.label) || x.score === '0') &&
        yes.every((x) => x.score !== 'full')
      ) {
        const sum = yes.reduce((t, x) => t.plus(x.score), new D(0));
        g = { label: a, score: dmin(sum, w).toString() };
      }
    } else if (yes.length === 1) g = yes[0];
    else if (grades.length === 2) {
      // {X, 无X}: denying one names the other.
      const denied = says.findIndex((x) => x === false);
      const other = grades[1 - denied];
      if (
        denied >= 0 &&
        other &&
        says[1 - denied] !== false &&
        NEG_LEAD.test(grades[denied]!.label) &&
        !NEG_LEAD.test(other.label)
      )
        g = other;
    }
  }
  if (!g) {
    const options = c.grades.map((x) => x.label).join('/');
    return {
      ok: false,
      outcome: manual(
        `「${a}」不是所列等级（${options}），需人工评分`,
        `"${a}" is not one of the grades (${options}): score by hand`,
      ),
    };
  }
  return { ok: true, score: g.score };
}
