/**
 * Saying a program back: a canonical Chinese sentence that the reader reads into the same
 * program (parse(render(p)) = p, tested on the corpus), and an English one. What is said is what
 * is computed, because both come from the program.
 */
import { dec } from './decimal';
import type { Clause, Comparator, Condition, Effect, Program, Test } from './program';

const OP: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** "0.8" with unit % → "80%"; "3" with unit 个 → "3个". */
export function showValue(value: string, unit: string): string {
  if (value === 'target') return '目标值';
  if (unit === '%') return `${dec(value).mul(100).toString()}%`;
  if (unit === '‰') return `${dec(value).mul(1000).toString()}‰`;
  return `${value}${unit}`;
}

export function showCondition(c: Condition): string {
  if (c.to !== null)
    return `${c.metric}${c.value.startsWith('-') ? '在' : ''}${showValue(c.value, c.unit)}${c.op === '>' ? '(不含)' : ''}-${showValue(c.to.value, c.unit)}${c.to.op === '<' ? '(不含)' : ''}`;
  return `${c.metric}${OP[c.op]}${showValue(c.value, c.unit)}`;
}

const COUNT_UNIT = /^(?:个|名|项|人|家|所|次|例|份|处|台)$/;

function score(s: string): string {
  return s === 'full' ? '得满分' : s === '0' ? '不得分' : `得${s}分`;
}

function effectZh(e: Effect): string {
  switch (e.kind) {
    case 'set':
      return score(e.score);
    case 'deduct':
      return `扣${e.amount}分`;
    case 'add':
      return `加${e.amount}分`;
    case 'zero':
      return e.veto ? '本项记零分，并实行一票否决' : e.total ? '考核分清零' : '本项清零';
    case 'vetoExcellence':
      return '一票否优';
    default:
      return '本项不扣分';
  }
}

function testZh(t: Test): string {
  if (t.kind === 'condition') return showCondition(t.condition);
  if (t.kind === 'label') return t.label;
  return `发生${t.event}`;
}

function stepSize(size: string, unit: string): string {
  if (unit === '%') return `${dec(size).mul(100).toString()}个百分点`;
  if (unit === '‰') return `${dec(size).mul(1000).toString()}‰`;
  return `${size}${unit}`;
}

function clauseZh(c: Clause, credit = false, alone = true): string {
  switch (c.kind) {
    case 'gate':
      if (c.each)
        return `${c.conditions.map(showCondition).join('，')}。${
          c.each.effect === 'credit' ? `每达到1项得${c.each.amount}分` : `每有1项未达到扣${c.each.amount}分`
        }`;
      if (c.conditions.length === 1)
        return `${showCondition(c.conditions[0]!)}${alone ? '得满分' : ''}，否则不得分`;
      return `${c.conditions.map(showCondition).join('，')}，每项达到得分值的1/${c.conditions.length}`;
    case 'when': {
      // "1个专业基地不符合要求，得0.5分": an exact count is said as the count it is.
      if (
        c.test.kind === 'condition' &&
        c.test.condition.op === '=' &&
        c.test.condition.to === null &&
        COUNT_UNIT.test(c.test.condition.unit)
      )
        return `${c.test.condition.value}${c.test.condition.unit}${c.test.condition.metric}，${effectZh(c.effect)}`;
      const t = testZh(c.test);
      if (c.test.kind === 'condition' && c.effect.kind === 'set') return `${t}${effectZh(c.effect)}`;
      if (c.test.kind === 'label' && !c.test.negative && c.effect.kind === 'set')
        return `${t}${effectZh(c.effect)}`;
      return `${t}的，${effectZh(c.effect)}`;
    }
    case 'step': {
      const verb =
        c.direction === 'count'
          ? ''
          : c.change
            ? c.direction === 'above'
              ? '增加'
              : '减少'
            : c.direction === 'above'
              ? c.effect === 'add'
                ? '多'
                : '超'
              : c.unit === '%' || c.unit === '‰'
                ? '低'
                : '少';
      const act = c.effect === 'add' ? (credit ? '得' : '加') : '扣';
      const cap = c.cap === null ? '' : `，最多${act}${c.cap}分`;
      if (c.direction === 'count')
        return `${c.metric === c.unit ? '' : `${c.metric}的，`}每${stepSize(c.size, c.unit)}${act}${c.amount}分${cap}`;
      if (c.change) return `比上年每${verb}${stepSize(c.size, c.unit)}${act}${c.amount}分${cap}`;
      const per = `每${verb}${stepSize(c.size, c.unit)}${act}${c.amount}分${cap}`;
      if (c.from === null)
        return c.unit === '%' || c.unit === '‰' ? `${c.metric}${per}` : `${c.metric}比目标值${per}`;
      const op = c.direction === 'above' && c.effect === 'deduct' ? '≤' : '≥';
      return `${c.metric}${op}${showValue(c.from, c.unit)}得满分，${per}`;
    }
    case 'labels':
      return c.grades.map((g) => `${g.label}${score(g.score)}`).join('；');
    case 'rank': {
      const parts: string[] = [];
      if (c.free > 0) parts.push(`前${c.free}名不扣分`);
      for (const e of c.entries)
        parts.push(
          `${c.fromBottom ? '倒数' : ''}第${e.rank}名${e.effect === 'set' ? score(e.amount) : `扣${e.amount}分`}`,
        );
      if (c.step) parts.push(`此后每后移1名加扣${c.step}分`);
      return parts.join('；');
    }
    case 'tiers':
      return c.brackets
        .map((b) =>
          b.to === null
            ? `${b.from}${c.unit}以上提取${dec(b.rate).mul(100).toString()}%`
            : `${b.from}-${b.to}${c.unit}提取${dec(b.rate).mul(100).toString()}%`,
        )
        .join('、');
  }
}

/** The canonical Chinese sentence of a program. */
export function renderZh(p: Program): string {
  if (p.manual)
    return p.manual.reason === 'qualitative'
      ? '定性指标，需人工评分'
      : `${p.manual.clause}：需人工评分${p.points === null ? '' : `（满分${p.points}分）`}`;
  const parts: string[] = [];
  if (p.deductionOnly) parts.push('实行扣分制');
  if (p.base.kind === 'ratio') {
    const b = p.base;
    let s = b.best
      ? '其余按与第1名的比例得分'
      : b.bound === null
        ? `${b.metric}按完成比例计分`
        : `${b.metric}<${showValue(b.bound, b.unit)}时按比例计分`;
    if (b.cap !== null) s += `，比值>${b.cap}时按${b.cap}计算`;
    if (b.lowerIsBetter) s += '，越低越好';
    parts.push(s);
  }
  p.clauses.forEach((c, i) => {
    const next = p.clauses[i + 1];
    // "门急诊量<60%或未安排，不得分": the state is said with the condition it is the other side of.
    if (
      c.kind === 'when' &&
      c.test.kind === 'label' &&
      c.test.or &&
      next?.kind === 'when' &&
      next.test.kind === 'condition'
    ) {
      parts.push(`${showCondition(next.test.condition)}或${c.test.label}，${effectZh(c.effect)}`);
      return;
    }
    const prev = p.clauses[i - 1];
    if (prev?.kind === 'when' && prev.test.kind === 'label' && prev.test.or && c.kind === 'when') return;
    // A gate beside other clauses: "参考率≥100%，否则不得分" (with 得满分 it would read as a band).
    parts.push(clauseZh(c, p.base.kind === 'zero', p.clauses.length === 1));
  });
  if (p.belowZero) parts.push('可倒扣');
  if (p.deductCap !== null) parts.push(`扣分合计最多${p.deductCap}分`);
  if (p.bonusCap !== null) parts.push(`加分合计最高加${p.bonusCap}分`);
  if (p.points !== null) parts.push(`满分${p.points}分`);
  return parts.join('；');
}

const OP_EN: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

function conditionEn(c: Condition): string {
  if (c.to !== null) return `${c.metric} in ${showValue(c.value, c.unit)}–${showValue(c.to.value, c.unit)}`;
  return `${c.metric} ${OP_EN[c.op]} ${showValue(c.value, c.unit)}`;
}

function effectEn(e: Effect): string {
  switch (e.kind) {
    case 'set':
      return e.score === 'full' ? 'full points' : `${e.score} points`;
    case 'deduct':
      return `minus ${e.amount}`;
    case 'add':
      return `plus ${e.amount}`;
    case 'zero':
      return e.veto ? '0 and one-vote veto' : e.total ? '0, and the total is zeroed' : '0';
    case 'vetoExcellence':
      return 'veto of excellence';
    default:
      return 'full points (exempt)';
  }
}

function testEn(t: Test): string {
  if (t.kind === 'condition') return conditionEn(t.condition);
  if (t.kind === 'label') return `"${t.label}"`;
  return `"${t.event}" occurred`;
}

function clauseEn(c: Clause): string {
  switch (c.kind) {
    case 'gate':
      if (c.each)
        return `${c.conditions.map(conditionEn).join('; ')}: ${
          c.each.effect === 'credit'
            ? `${c.each.amount} for each met`
            : `minus ${c.each.amount} for each unmet`
        }`;
      return c.conditions.length === 1
        ? `full points if ${conditionEn(c.conditions[0]!)}, else 0`
        : `${c.conditions.map(conditionEn).join('; ')}: each worth 1/${c.conditions.length} of the points`;
    case 'when':
      return `if ${testEn(c.test)}: ${effectEn(c.effect)}`;
    case 'step': {
      const act = c.effect === 'add' ? 'plus' : 'minus';
      const what =
        c.direction === 'count'
          ? `per ${stepSize(c.size, c.unit)} ${c.metric === c.unit ? '' : c.metric}`.trim()
          : `per ${stepSize(c.size, c.unit)} ${c.direction === 'above' ? 'above' : 'below'} ${c.change ? 'last year' : c.from === null ? 'the target' : showValue(c.from, c.unit)}`;
      return `${act} ${c.amount} ${what}${c.cap === null ? '' : `, at most ${c.cap}`}`;
    }
    case 'labels':
      return c.grades.map((g) => `${g.label}: ${g.score === 'full' ? 'full points' : g.score}`).join('; ');
    case 'rank':
      return [
        ...(c.free > 0 ? [`top ${c.free} keep full points`] : []),
        ...c.entries.map(
          (e) =>
            `${c.fromBottom ? 'rank ' + e.rank + ' from the bottom' : 'rank ' + e.rank}: ${e.effect === 'set' ? (e.amount === 'full' ? 'full points' : e.amount) : '−' + e.amount}`,
        ),
        ...(c.step ? [`then −${c.step} more per rank`] : []),
      ].join('; ');
    case 'tiers':
      return `marginal brackets: ${c.brackets.map((b) => `${b.from}${b.to === null ? '+' : '–' + b.to}: ${dec(b.rate).mul(100).toString()}%`).join(', ')}`;
  }
}

/** The English sentence of a program. */
export function renderEn(p: Program): string {
  if (p.manual)
    return p.manual.reason === 'qualitative'
      ? 'Qualitative: scored by hand'
      : `Scored by hand: "${p.manual.clause}" calls for judgement`;
  const parts: string[] = [];
  if (p.deductionOnly) parts.push('deduction only: taken off the total');
  if (p.base.kind === 'ratio') {
    const b = p.base;
    parts.push(
      `points × ${b.lowerIsBetter ? 'target/actual' : 'actual/' + (b.best ? "the best unit's value" : b.bound === null ? 'target' : showValue(b.bound, b.unit))}${b.cap === null ? '' : `, ratio at most ${b.cap}`}`,
    );
  }
  if (p.base.kind === 'zero') parts.push('from 0, at most the points');
  for (const c of p.clauses) parts.push(clauseEn(c));
  if (p.belowZero) parts.push('deductions may pass the points (then scored by hand)');
  if (p.deductCap !== null) parts.push(`deductions at most ${p.deductCap} in all`);
  if (p.bonusCap !== null) parts.push(`bonuses at most ${p.bonusCap} in all`);
  if (p.points !== null) parts.push(`out of ${p.points}`);
  const s = parts.join('; ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
