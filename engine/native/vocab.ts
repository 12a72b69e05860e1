/**
 * The words a clerk writes for a program's states and events (未公示, 已公示, 资料零乱, 发生, 无,
 * 合格…) and its grades: texts the formula recognises whole. Each one's score is decided at compile
 * time by the engine's own readers (engine/rules/values.ts), so a recognised word scores exactly
 * as the engine scores it; any other text stays unread (需人工评分).
 */
import type { Program } from '../rules/program';
import { readValues } from '../rules/values';
import { listedStates } from '../rules/evaluate-counts';

const GENERIC = [
  '无',
  '没有',
  '否',
  '是',
  '有',
  '发生',
  '未发生',
  '已发生',
  '没有发生',
  '不发生',
  '未出现',
  '不存在',
  '出现',
  '存在',
  '合格',
  '达标',
  '完成',
  '已完成',
  '全部完成',
  '未完成',
  '无问题',
  '没有问题',
  '符合要求',
  '规范',
  '齐全',
  '全部达标',
  '无扣分',
  '不扣分',
  '均无',
  '√',
  '×',
  '触发',
  '未触发',
  '否决',
];

/** Candidate texts, most specific first; `full` adds generic words and pairs of fault states. */
export function vocabulary(p: Program, level: 'full' | 'basic'): string[] {
  const out: string[] = [];
  const add = (x: string): void => {
    if (x !== '' && !out.includes(x)) out.push(x);
  };
  const phrases: string[] = [];
  for (const c of p.clauses) {
    if (c.kind === 'labels') c.grades.forEach((g) => add(g.label.replace(/\s+/g, '')));
    if (c.kind !== 'when') continue;
    const t = c.test;
    if (t.kind === 'label') {
      const l = t.label.replace(/\s+/g, '');
      const variants = t.negative
        ? [`未${l}`, `无${l}`, `没有${l}`, `不${l}`, l, `已${l}`, `有${l}`]
        : [l, `未${l}`, `无${l}`, `没有${l}`, `已${l}`, `有${l}`];
      variants.forEach(add);
      phrases.push(t.negative ? `未${l}` : l);
    } else if (t.kind === 'event') {
      const e = t.event.replace(/\s+/g, '');
      [`发生${e}`, `未发生${e}`, `出现${e}`, `未出现${e}`, e, `无${e}`].forEach(add);
    }
  }
  if (p.clauses.some((c) => c.kind === 'step' && c.direction === 'count'))
    ['无', '没有', '未发生', '未出现'].forEach(add);
  // The states a counted clause lists ("工作无计划、无检查、无总结"): each, and (full) two of them.
  const listed = p.clauses.flatMap((c) =>
    c.kind === 'step' && c.direction === 'count' ? listedStates(c.metric) : [],
  );
  listed.forEach(add);
  if (level === 'full') {
    GENERIC.forEach(add);
    for (let i = 0; i < phrases.length; i++)
      for (let j = i + 1; j < phrases.length; j++) add(`${phrases[i]}，${phrases[j]}`);
    for (let i = 0; i < listed.length; i++)
      for (let j = i + 1; j < listed.length; j++) add(`${listed[i]}、${listed[j]}`);
  }
  // Only texts without numbers (those are read by the value parse) and without spaces.
  return out.filter((x) => x === x.normalize('NFKC') && !/\s/.test(x) && readValues(x).values.length === 0);
}
