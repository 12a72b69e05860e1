/**
 * The command line of `perf-check`: its help text, its options (node:util parseArgs) and the
 * usage errors, each said in Chinese and English.
 */
import { parseArgs } from 'node:util';
import type { Lang } from './report.js';
import { firstLine } from './check-file.js';

export const HELP = `perf-check — 绩效考核指标表检查工具
(checks performance-assessment indicator tables in .xlsx workbooks)

用法 (usage):
  perf-check validate [选项] 文件.xlsx...      识别并检查指标表 (recognise and validate tables)
  perf-check score [选项] 文件.xlsx            识别、检查并评分 (recognise, validate and score)
  perf-check recalc [选项] 文件.xlsx           重算 PERF 函数公式及其引用者
                                             (recalculate PERF formulas and what depends on them)
  perf-check review --template 模板.xlsx [选项] 回收表.xlsx...
                                             对照模板审核回收表，汇总、排名、强制分布
                                             (check returned workbooks against their template, rank units)
  perf-check convert --to native|values [选项] 文件.xlsx
                                             把 PERF 函数公式转换为通用公式或数值
                                             (convert PERF formulas to native formulas or values)
  perf-check help | --help | -h              显示本帮助 (show this help)
  perf-check --version                       显示版本 (show the version)

选项 (options):
  --json           输出一个 JSON 对象 (print one JSON object instead of the report)
  --sheet 名称     只检查这个工作表，可重复使用 (check only this sheet; may be repeated)
  --lang zh|en     报告语言，默认 zh (report language, default zh)
  --out 文件.xlsx  score/recalc/convert：另存一份带得分、重算或转换结果的副本，不改动输入
                   (score/recalc/convert: write a copy with the scores / new values / converted formulas; the input is never changed)
  --force          允许覆盖已存在的 --out 文件 (overwrite an existing --out file)
  --options 文本   score/review：计分设置，如 "decimals=2;partial=floor;cap=1.2"；
                   review 另可设强制分布 "quotas=20/60/20;labels=优秀/良好/一般;rounding=largestRemainder;ties=higher"
                   (score/review: scoring settings; review: the forced distribution too)
  --template 文件  review：下发的模板 (review: the template the units were sent)
  --out 汇总.xlsx  review：写出汇总工作簿（汇总、明细、问题三个工作表）
                   (review: write the 汇总 workbook: 汇总, 明细, 问题 sheets)
  --formulas native|perf|none
                   score --out：得分写为通用公式（Excel 2010+、WPS、LibreOffice 均可计算）、
                   PERF 公式（需加载项）或数值（默认 none）
                   (score --out: write scores as native formulas, PERF formulas or values; default none)
  --to native|values
                   convert：转换为通用公式或数值；不能转换的公式保留并说明原因
                   (convert: to native formulas or values; formulas that cannot be converted stay, with the reason)

退出状态 (exit status):
  0  没有错误 (no error findings)
  1  发现错误；recalc：有 PERF 公式结果为错误值；convert：有公式未能转换
     (error findings; recalc: a PERF formula gives an error; convert: a formula was not converted)
  2  文件无法读取或用法错误 (unreadable file or usage error)

示例 (example):
  perf-check validate 任务要点.xlsx
  perf-check validate --json --sheet 任务要点 a.xlsx b.xlsx
  perf-check score --out 已评分.xlsx 评价标准.xlsx
  perf-check recalc --out 重算后.xlsx 回收表.xlsx
  perf-check review --template 模板.xlsx --out 汇总.xlsx 回收/*.xlsx
  perf-check convert --to native --out 通用公式.xlsx 模板.xlsx
`;

/** A wrong command line: exit status 2, one line in both languages. */
export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** What the command line asked for. */
export interface Options {
  json: boolean;
  sheets: string[];
  lang: Lang;
  out?: string;
  force: boolean;
  /** `--options` text of the score and review commands. */
  scoring: string | undefined;
  /** `--template` of the review command. */
  template: string | undefined;
  /** score --out: what the score cells hold. */
  formulas: 'native' | 'perf' | 'none' | undefined;
  /** convert: native formulas or values. */
  to: 'native' | 'values' | undefined;
  help: boolean;
  version: boolean;
  positionals: string[];
}

/** Reads the command line; throws UsageError with the option it names. */
export function parse(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        sheet: { type: 'string', multiple: true },
        lang: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
        options: { type: 'string' },
        template: { type: 'string' },
        formulas: { type: 'string' },
        to: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const msg = firstLine(err);
    const opt = /'([^']+)'/.exec(msg)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`未知选项 ${opt}`, `unknown option ${opt}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = opt.split(' ')[0] ?? opt;
      if (msg.includes('argument missing')) usage(`选项 ${name} 缺少参数`, `option ${name} needs a value`);
      if (msg.includes('does not take an argument'))
        usage(`选项 ${name} 不带参数`, `option ${name} takes no value`);
      usage(`选项 ${name} 的用法不对`, `invalid use of option ${name}`);
    }
    throw new UsageError(`参数有误：${msg}`, `bad arguments: ${msg}`);
  }
  const { values, positionals } = parsed;
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') {
    throw new UsageError(
      `--lang 只能是 zh 或 en，而不是「${lang}」`,
      `--lang must be zh or en, not '${lang}'`,
    );
  }
  const formulas = values.formulas;
  if (formulas !== undefined && formulas !== 'native' && formulas !== 'perf' && formulas !== 'none')
    throw new UsageError(
      `--formulas 只能是 native、perf 或 none，而不是「${formulas}」`,
      `--formulas must be native, perf or none, not '${formulas}'`,
    );
  const to = values.to;
  if (to !== undefined && to !== 'native' && to !== 'values')
    throw new UsageError(
      `--to 只能是 native 或 values，而不是「${to}」`,
      `--to must be native or values, not '${to}'`,
    );
  return {
    json: values.json ?? false,
    sheets: values.sheet ?? [],
    lang,
    out: values.out,
    force: values.force ?? false,
    scoring: values.options,
    template: values.template,
    formulas,
    to,
    help: values.help ?? false,
    version: values.version ?? false,
    positionals,
  };
}

export function usage(zh: string, en: string): never {
  throw new UsageError(zh, en);
}

export const SEE_HELP_ZH = '，运行 perf-check --help 查看用法';
export const SEE_HELP_EN = '; see perf-check --help';
