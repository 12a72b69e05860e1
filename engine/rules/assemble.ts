/**
 * Links the pieces the clause readers found into one program: metrics carried to the clauses
 * that leave them out, steps measured from the condition before them, caps joined to the clause
 * they follow, graded labels into one table, rank entries into one table, a lone "得满分"
 * condition into a gate. Returns a reason instead when the pieces do not make one program.
 */
import type { Located } from './grammar';
import type { StepPiece } from './grammar/types';
import type { Clause, Condition, Program } from './program';
import { emptyProgram } from './program';
import { GENERIC_CHANGE, GROWTH } from './values';
import {
  countedStandard,
  failuresBefore,
  isFraction,
  loosestBand,
  measuredFrom,
  sameKind,
} from './assemble-links';
import { dec } from './decimal';

export type Assembled = { ok: true; program: Program } | { ok: false; reason: string };

const PER_INCIDENT_TIER = /\d+(?:人|例|户|名)(?:及以上|以上)?$/;

export function assemble(pieces: readonly Located[]): Assembled {
  const p = emptyProgram();
  const manual = pieces.find((x) => x.t === 'manual');
  if (manual && manual.t === 'manual') {
    p.manual = { reason: manual.reason, clause: manual.clause };
    return { ok: true, program: p };
  }
  // "重伤1人扣15分/次；重伤2人及以上扣30分/次": the deduction per incident depends on how many people
  // one incident hurt. No program form holds that, and reading "重伤2人" as a counter or a bound
  // would score the wrong thing: refuse it with the reason.
  const tier = pieces.find((x) => x.t === 'step' && x.unit === '次' && PER_INCIDENT_TIER.test(x.metric));
  if (tier && tier.t === 'step')
    return {
      ok: false,
      reason: `“${tier.metric}…/次”按每次事件的人数分档扣分，每次事件的扣分需逐次核定`,
    };
  // Metrics carried forward: "达标率≥95%得满分；≥85%得3分" — the second is about 达标率 too.
  let lastMetric = '';
  // "欠税压缩率达5%以上满分，压缩率每下降…": a later name that ends an earlier one is that metric.
  const seen: string[] = [];
  const named = (m: string): string => {
    if (m === '') return m;
    // "增幅超过20%…；幅度在0%-20%之间": the plain word for a change is the growth named before it.
    const growth = GENERIC_CHANGE.test(m) ? seen.find((s) => GROWTH.test(s)) : undefined;
    if (growth) return growth;
    const full = seen.find((s) => s !== m && m.length >= 2 && s.endsWith(m));
    if (full) return full;
    if (!seen.includes(m)) seen.push(m);
    return m;
  };
  const work: Located[] = pieces.map((x) => {
    if (x.t === 'cond') {
      const cs = x.conditions.map((c) =>
        c.metric === '' ? { ...c, metric: lastMetric } : { ...c, metric: named(c.metric) },
      );
      lastMetric = cs[cs.length - 1]!.metric;
      return { ...x, conditions: cs };
    }
    if (x.t === 'when' && x.test.kind === 'condition') {
      const m = x.test.condition.metric;
      const c = { ...x.test.condition, metric: m === '' ? lastMetric : named(m) };
      lastMetric = c.metric;
      return { ...x, test: { kind: 'condition' as const, condition: c } };
    }
    if (x.t === 'step' && x.metric !== '' && x.direction !== 'count') {
      lastMetric = named(x.metric);
      return { ...x, metric: lastMetric };
    }
    if (x.t === 'ratio' && x.metric !== '') {
      lastMetric = named(x.metric);
      return { ...x, metric: lastMetric };
    }
    return x;
  });
  failuresBefore(work);
  const used = new Set<number>();
  const clauses: { at: number; clause: Clause }[] = [];

  // Points phrase, 扣分制.
  for (const x of work) {
    if (x.t === 'points' && p.points !== null && !dec(p.points).eq(x.value))
      return { ok: false, reason: `写明的分值不一致（${p.points}分与${x.value}分）` };
    if (x.t === 'points' && p.points === null) p.points = x.value;
    if (x.t === 'deductionOnly') p.deductionOnly = true;
    if (x.t === 'belowZero') p.belowZero = true;
    if (x.t === 'creditBase') p.base = { kind: 'zero' };
  }

  // Ratio base: its bound from the formula, else a condition in its clause or before it.
  const ratios = work.flatMap((x, i) => (x.t === 'ratio' ? [{ x, i }] : []));
  if (ratios.length > 0) {
    const first = ratios.find((r) => r.x.t === 'ratio' && !r.x.best && r.x.cap === null) ?? ratios[0]!;
    if (first.x.t !== 'ratio') throw new Error('unreachable');
    let bound = first.x.bound;
    let unit = first.x.unit;
    let metric = first.x.metric;
    const capPiece = ratios.find((r) => r.x.t === 'ratio' && r.x.cap !== null);
    if (bound === null && !first.x.best) {
      // "低于40%按百分比得分": the condition in the same clause; else the nearest before.
      let k = work.findIndex((y, j) => j !== first.i && y.seg === first.x.seg && y.t === 'cond');
      if (k < 0)
        for (let j = first.i - 1; j >= 0; j--) {
          const y = work[j]!;
          // "建档20%，得40分；低于要求按比例得分": the band that earns points sets the base.
          if (
            y.t === 'cond' ||
            (y.t === 'when' &&
              y.test.kind === 'condition' &&
              y.effect.kind === 'set' &&
              y.effect.score !== '0')
          ) {
            k = j;
            break;
          }
        }
      if (k >= 0) {
        const y = work[k]!;
        const c =
          y.t === 'cond'
            ? y.conditions[0]!
            : y.t === 'when' && y.test.kind === 'condition'
              ? y.test.condition
              : null;
        if (c && c.value === 'target') {
          metric = c.metric;
        } else if (c && y.t === 'cond' && y.conditions.length === 1) {
          bound = c.value;
          unit = c.unit;
          metric = c.metric;
          used.add(k);
        } else if (c && y.t === 'when') {
          bound = c.value;
          unit = c.unit;
          metric = c.metric;
        }
      }
    }
    p.base = {
      kind: 'ratio',
      metric,
      bound,
      unit,
      lowerIsBetter: first.x.lowerIsBetter,
      cap: capPiece && capPiece.x.t === 'ratio' ? capPiece.x.cap : null,
      best: ratios.some((r) => r.x.t === 'ratio' && r.x.best),
    };
    for (const r of ratios) used.add(r.i);
  }

  // Steps: measured from the condition before them (满意率80%以上，每低1个百分点扣1分).
  const negate: Record<string, Condition['op']> = { '>=': '<', '>': '<=', '<=': '>', '<': '>=', '=': '=' };
  work.forEach((x, i) => {
    if (x.t !== 'step') return;
    // "小学入学率达到100%。初中入学率达到98%以上。每低0.1个百分点扣2分": one step per condition.
    if (x.direction !== 'count' && !x.change && x.from === null) {
      const bounds: number[] = [];
      for (let j = i - 1; j >= 0; j--) {
        const y = work[j]!;
        if (y.t === 'points') continue;
        if (
          y.t !== 'cond' ||
          y.conditions.length !== 1 ||
          y.conditions[0]!.to !== null ||
          !sameKind(y.conditions[0]!.unit, x.unit)
        )
          break;
        bounds.unshift(j);
      }
      if (bounds.length > 1) {
        for (const j of bounds) {
          const y = work[j]!;
          if (y.t !== 'cond') continue;
          const c = y.conditions[0]!;
          clauses.push({
            at: j,
            clause: {
              kind: 'step',
              metric: c.metric,
              direction: c.op === '<=' || c.op === '<' ? 'above' : 'below',
              from: c.value,
              size: x.size,
              unit: c.unit,
              effect: x.effect,
              amount: x.amount,
              cap: null,
              change: false,
            },
          });
          used.add(j);
        }
        used.add(i);
        return;
      }
    }
    const s: StepPiece = { ...x };
    let targetBound = false;
    if (s.change) s.from = '0';
    else if (s.direction !== 'count' && s.from === null) {
      for (let j = i - 1; j >= 0; j--) {
        const y = work[j]!;
        let c: Condition | null = null;
        if (y.t === 'cond' && y.conditions.length === 1) c = y.conditions[0]!;
        else if (
          y.t === 'when' &&
          y.test.kind === 'condition' &&
          (y.effect.kind === 'set' ||
            // "不少于4次加2分,每增加1次加1分": the bonus grows from the bound of the one before.
            (y.effect.kind === 'add' && s.effect === 'add' && s.direction === 'above'))
        )
          c = y.test.condition;
        if (c && c.to === null && c.value === 'target') {
          // "≥全国平均通过率得4分；低于…每降低1个百分点扣0.5分": from the target value.
          s.metric = c.metric || s.metric;
          s.direction = measuredFrom(s, c);
          targetBound = true;
          if (y.t === 'cond') used.add(j);
          break;
        }
        if (
          c &&
          c.to === null &&
          (sameKind(c.unit, s.unit) ||
            (s.unit === '' && !isFraction(c.unit)) ||
            (c.unit === '' && !isFraction(s.unit)))
        ) {
          s.from = c.value;
          if (s.unit === '' || c.unit === '') s.unit = c.unit || s.unit;
          s.metric = c.metric || s.metric;
          // "准确率≥98%得2分，每降低1个百分点扣0.5分": the band stays; only 得满分 is implied by the step.
          if (y.t === 'when' && !(y.effect.kind === 'set' && y.effect.score === 'full')) {
            s.direction = measuredFrom(s, c);
            break;
          }
          // A lower bound (≥) measures a shortfall; an upper one (≤) an excess.
          s.direction = measuredFrom(s, c);
          used.add(j);
          break;
        }
        if (y.t === 'step') break;
      }
      if (s.from === null && s.countable && !targetBound) s.direction = 'count';
      // "每缺一项制度扣0.5分，每少一次培训扣1分": beside another counter, 少N次 is counted too.
      const countUnit = s.unit !== '' && !isFraction(s.unit) && s.unit !== '分';
      if (
        s.from === null &&
        !targetBound &&
        s.direction === 'below' &&
        countUnit &&
        work.some((y, k) => k !== i && y.t === 'step' && (y.direction === 'count' || y.countable))
      )
        s.direction = 'count';
    }
    clauses.push({
      at: i,
      clause: {
        kind: 'step',
        metric: s.metric,
        direction: s.direction,
        from: s.direction === 'count' ? null : s.from,
        size: s.size,
        unit: s.unit,
        effect: s.effect,
        amount: s.amount,
        cap: null,
        change: s.change,
      },
    });
    used.add(i);
  });

  // Rank entries into one table.
  const ranks = work.flatMap((x, i) => (x.t === 'rank' ? [{ x, i }] : []));
  if (ranks.length > 0) {
    const fromBottom = ranks.some((r) => r.x.t === 'rank' && r.x.fromBottom);
    const entries = ranks.flatMap((r) => (r.x.t === 'rank' ? r.x.entries : []));
    if (ranks.some((r) => r.x.t === 'rank' && r.x.fromBottom !== fromBottom && r.x.entries.length > 0))
      return { ok: false, reason: '名次表同时按正数和倒数排列' };
    const seen = new Set<number>();
    for (const e of entries) {
      if (seen.has(e.rank)) return { ok: false, reason: `名次表第${e.rank}名写了两次` };
      seen.add(e.rank);
    }
    const free = Math.max(0, ...ranks.map((r) => (r.x.t === 'rank' ? r.x.free : 0)));
    const step = ranks.map((r) => (r.x.t === 'rank' ? r.x.step : null)).find((s) => s !== null) ?? null;
    clauses.push({
      at: ranks[0]!.i,
      clause: { kind: 'rank', fromBottom, free, entries: [...entries].sort((a, b) => a.rank - b.rank), step },
    });
    for (const r of ranks) used.add(r.i);
  }

  // Graded labels: two or more labels with a score make a table the actual must match.
  const grades = work.flatMap((x, i) =>
    x.t === 'grade'
      ? [{ i, label: x.label, score: x.score }]
      : x.t === 'when' && x.test.kind === 'label' && x.effect.kind === 'set'
        ? [{ i, label: x.test.label, score: x.effect.score }]
        : [],
  );
  if (grades.length >= 2) {
    const labelsSeen = new Set<string>();
    for (const g of grades) {
      if (labelsSeen.has(g.label)) return { ok: false, reason: `等级「${g.label}」写了两次` };
      labelsSeen.add(g.label);
    }
    clauses.push({
      at: grades[0]!.i,
      clause: { kind: 'labels', grades: grades.map((g) => ({ label: g.label, score: g.score })) },
    });
    for (const g of grades) used.add(g.i);
  } else
    for (const g of grades)
      if (work[g.i]!.t === 'grade') {
        clauses.push({
          at: g.i,
          clause: {
            kind: 'when',
            test: { kind: 'label', label: g.label, negative: false },
            effect: { kind: 'set', score: g.score },
          },
        });
        used.add(g.i);
      }

  // Conditions with effects, events, labels; tiers.
  work.forEach((x, i) => {
    if (used.has(i)) return;
    if (x.t === 'when') clauses.push({ at: i, clause: { kind: 'when', test: x.test, effect: x.effect } });
    else if (x.t === 'tiers')
      clauses.push({ at: i, clause: { kind: 'tiers', brackets: x.brackets, unit: x.unit } });
    else return;
    used.add(i);
  });

  // 一票否决 next to a condition or event: that clause zeroes the item and fails the unit.
  work.forEach((x, i) => {
    if (x.t !== 'veto' && x.t !== 'vetoExcellence') return;
    const target = [...clauses]
      .filter((c) => c.at <= i && c.clause.kind === 'when' && work[c.at]!.sentence === x.sentence)
      .sort((a, b) => b.at - a.at)[0];
    if (target && target.clause.kind === 'when') {
      if (x.t === 'veto')
        target.clause = { ...target.clause, effect: { kind: 'zero', total: false, veto: true } };
      else target.clause = { ...target.clause, effect: { kind: 'vetoExcellence' } };
    }
    used.add(i);
  });

  // "否则不得分" / "达不到标准不得分": the conditions before it, when not met, give 0.
  let otherwiseConds: Condition[] = [];
  for (let i = 0; i < work.length; i++) {
    const x = work[i]!;
    if (x.t !== 'otherwise') continue;
    used.add(i);
    let before: Condition[] = [];
    const bands: Condition[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const y = work[j]!;
      if (y.t === 'cond') before.push(...y.conditions);
      else if (y.t === 'when' && y.test.kind === 'condition' && y.effect.kind === 'set') {
        bands.push(y.test.condition);
        if (y.effect.score === 'full') before.push(y.test.condition);
      }
    }
    // "≥90%得满分，≥80%得3分，否则不得分" / "5000元以上的记2分，否则不计分": below the loosest band.
    const loosest = loosestBand(bands);
    if (loosest && before.every((c) => bands.includes(c))) before = [loosest];
    if (before.length > 1 && !work.some((y) => y.t === 'each'))
      return {
        ok: true,
        program: {
          ...p,
          manual: {
            reason: 'judgement',
            clause: '多项条件之后的“达不到不得分”：全部达到才得分还是按项得分，需人工判断',
          },
        },
      };
    otherwiseConds = before;
  }
  // "领导接访做到有方案…每周接访1次以上。未落实的每项扣1分": the conditions are the requirements counted.
  const unmet = work.findIndex(
    (x) =>
      x.t === 'step' &&
      x.direction === 'count' &&
      /^(?:未落实|未完成|未做到|未达到|不符合|未按要求)$/.test(x.metric),
  );
  // Bare conditions: a gate, unless "否则不得分" follows a lone 得满分 condition.
  const gate: Condition[] = [];
  work.forEach((x, i) => {
    if (used.has(i) || x.t !== 'cond') return;
    if (unmet > i) return void used.add(i);
    if (countedStandard(x, i, work)) return void used.add(i);
    used.add(i);
    // "低于85%的县(区)按从高到低排序，分别得8、6、4、2分": who the rank table is for, not a gate.
    if (work.some((y, k) => k > i && y.t === 'rank' && y.sentence === x.sentence)) return;
    gate.push(...x.conditions);
  });
  clauses.sort((a, b) => a.at - b.at);
  let list = clauses.map((c) => c.clause);
  const sets = list.filter(
    (c) => c.kind === 'when' && c.test.kind === 'condition' && c.effect.kind === 'set',
  );
  const onlyFullSet =
    sets.length === 1 &&
    list.length === 1 &&
    sets[0]!.kind === 'when' &&
    sets[0]!.effect.kind === 'set' &&
    sets[0]!.effect.score === 'full' &&
    p.base.kind === 'full';
  if (onlyFullSet && gate.length === 0 && sets[0]!.kind === 'when' && sets[0]!.test.kind === 'condition') {
    gate.push(sets[0]!.test.condition);
    list = [];
  }
  const eachPieces = work.filter((x) => x.t === 'each');
  const credit = eachPieces.find((x) => x.t === 'each' && x.effect !== 'all');
  if (eachPieces.length > 0) {
    if (gate.length < 2 || !credit || credit.t !== 'each' || credit.effect === 'all')
      return { ok: false, reason: '“每完成一项得N分／一项未完成扣N分”之前没有两项以上的条件' };
    if (eachPieces.filter((x) => x.t === 'each' && x.effect !== 'all').length > 1)
      return { ok: false, reason: '每项得分与每项扣分同时出现' };
  }
  if (gate.length > 0)
    list.unshift(
      credit && credit.t === 'each' && credit.effect !== 'all'
        ? { kind: 'gate', conditions: gate, each: { effect: credit.effect, amount: credit.amount } }
        : { kind: 'gate', conditions: gate },
    );
  const steps = list.some((c) => c.kind === 'step');
  for (const c of otherwiseConds)
    if (steps || (list.length > 0 && !gate.includes(c)))
      list.push({
        kind: 'when',
        test: { kind: 'condition', condition: c.to === null ? { ...c, op: negate[c.op]! } : c },
        effect: { kind: 'set', score: '0' },
      });
  const share = work.find((x) => x.t === 'share');
  if (share && share.t === 'share' && share.n !== gate.length)
    return { ok: false, reason: `写明1/${share.n}，但有${gate.length}项条件` };

  // Caps: joined to the one clause of their kind before them in the sentence, else for all.
  work.forEach((x, i) => {
    if (x.t !== 'cap' || x.amount === null) return;
    const kindOf = (c: Clause): 'deduct' | 'add' | null =>
      c.kind === 'step'
        ? c.effect
        : c.kind === 'when' && (c.effect.kind === 'deduct' || c.effect.kind === 'add')
          ? c.effect.kind
          : null;
    const before = clauses.filter(
      (c) => c.at < i && kindOf(c.clause) === x.effect && work[c.at]!.sentence === x.sentence,
    );
    const all = list.filter((c) => kindOf(c) === x.effect);
    const last = before[before.length - 1];
    // "省、市级…分别加1分和0.5分,最多不超过5分": one clause gave several steps; the cap is for all.
    const fromOneClause = before.filter((c) => last && work[c.at]!.seg === work[last.at]!.seg).length > 1;
    if (
      !x.total &&
      !fromOneClause &&
      last &&
      last.clause.kind === 'step' &&
      (all.length === 1 || last.clause.cap === null) &&
      all.length >= 1
    ) {
      const idx = list.indexOf(last.clause);
      const capped = { ...last.clause, cap: x.amount };
      last.clause = capped;
      if (idx >= 0) list[idx] = capped;
    } else if (x.effect === 'deduct') p.deductCap = x.amount;
    else p.bonusCap = x.amount;
  });

  p.clauses = list;
  const scoring = list.length > 0 || p.base.kind === 'ratio' || p.deductionOnly;
  if (!scoring) {
    if (work.some((x) => x.t === 'otherwise')) return { ok: false, reason: '“否则不得分”之前没有条件' };
    p.manual = { reason: 'qualitative', clause: '' };
  }
  return { ok: true, program: p };
}
