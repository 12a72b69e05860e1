/**
 * The pane's words, Chinese first. One table per language with the same keys (the type makes a
 * missing English string a compile error); functions for the ones with numbers in them.
 */
import type { SheetProgress } from '../engine/progress';

export type Lang = 'zh' | 'en';

const zh = {
  appTitle: '绩效考核助手',
  tabTables: '表格',
  tabFindings: '校验',
  tabScore: '评分',
  tabSettings: '设置',
  tabReview: '汇总',
  reviewIntro: '审核各单位报回的工作簿：与模板对照、评分、排名并按比例分等次。文件只在本机浏览器中读取。',
  reviewTemplate: '模板',
  reviewTemplateOpen: '使用当前打开的工作簿作模板',
  reviewTemplateFile: '或选择模板文件',
  reviewFiles: '选择回收的工作簿（可多选）',
  reviewRun: '开始审核',
  reviewWrite: '写入汇总表',
  reviewUnreadable: '无法读取的文件',
  reviewNotRanked: '不参与排名',
  reviewReplaceTitle: '替换已有工作表？',
  reviewReplace: '替换',
  reviewChanges: '模板改动',
  recognise: '识别当前工作表',
  recogniseSelection: '仅识别选区',
  recognising: '正在读取工作表…（第 1 步，共 2 步）',
  notRead: '点击“识别当前工作表”开始：助手会读取工作表，识别指标表并检查问题。',
  nothingOnSheet: '当前工作表是空的。',
  // The same words as the NO_TABLE finding (engine/checks/table-shape.ts): one wording for one fact.
  noTable: '此工作表有内容，但没有识别到指标表（未找到含“指标/项目”等列的表头）',
  range: '区域',
  layout: '类型',
  items: '指标',
  points: '分值',
  declared: '申报',
  summed: '合计',
  columns: '列的用途',
  column: '列',
  header: '表头',
  role: '用途',
  roleNone: '（忽略此列）',
  roleCorrected: '已更正',
  groups: '分组',
  pointsOk: '分值一致',
  pointsMismatch: '分值不一致',
  findings: '问题',
  errors: '错误',
  warnings: '警告',
  infos: '提示',
  clean: '本次检查未发现问题。提交前仍请核对填报的数据。',
  highlight: '标注',
  clearHighlight: '清除标注',
  writeReport: '生成校验报告',
  reportExists: '已有校验报告',
  replaceReport: '替换原报告',
  newReport: '另建新报告',
  goToCell: '转到单元格',
  previous: '上一个',
  next: '下一个',
  ignore: '忽略此问题',
  restoreIgnored: '恢复已忽略的问题',
  fixToNumber: '转换为数字',
  fixUnhide: '取消隐藏',
  helpLink: '帮助',
  scoreColumn: '得分列',
  actualColumn: '完成情况列',
  newColumn: '新建列',
  chooseColumn: '改用其他列',
  createActual: '新建“完成情况”列',
  writeMode: '写入方式',
  asValues: '数值',
  asFormulas:
    '公式（PERF 函数及 SUM、MAX 等，随完成情况自动更新；只在装有本加载项的 Microsoft 365、Excel 2021 及以后版本和网页版 Excel 中计算）',
  asNative:
    '通用公式（只用 IF、SUM 等普通函数，随完成情况自动更新；不装加载项的 Excel 2010 及以后、WPS、LibreOffice 都能计算）',
  valuesOnly: '数值（下载的副本在 WPS 和各版本 Excel 中都能打开）',
  noPerfHere:
    '这里不提供 PERF 公式：只有装有本加载项的 Microsoft 365、Excel 2021 及以后版本和网页版 Excel 才能计算，在 WPS、Excel 2016/2019 中会显示 #NAME?。要让表格随完成情况自动计分，请选“通用公式”。',
  undoWrite: '撤销上次写入',
  refreshWrite: '按当前结果重新写入',
  writtenCells: '已写入的单元格',
  staleMode: '写入方式已更改，表中写入的结果与当前方式不同。',
  staleSettings: '评分设置已更改，表中写入的结果已过期。',
  staleInputs: '写入后表中的数据已更改，表中写入的结果已过期。',
  noPoints: '无（此表没有分值列）',
  noPointsWrite: '此表没有分值列，无需写入评分。',
  noScoresWrite: '还没有可写入的得分：请先填写完成情况或人工评分。',
  writeScores: '写入评分',
  writing: '正在写入…',
  convertNative: '转换为通用公式',
  convertNativeSelection: '转换所选区域',
  convertNativeHint: '把工作簿（或所选区域）中的 PERF 公式换成只用普通函数的通用公式，不装加载项也能计算。',
  unconverted: '未转换的公式',
  rule: '规则解读',
  ruleGuide: '规则写法说明',
  manual: '需人工评分',
  waiting: '待填完成情况',
  entered: '已填得分',
  deduction: '分值−扣分',
  total: '总分',
  pointsUnit: '分',
  sheetRow: '行',
  band: '等次',
  pendingTotal: '有指标待评分，暂不能给出总分',
  conflictTitle: '这些单元格已有内容',
  conflictText: '写入会覆盖下列单元格中已有的内容。要覆盖吗？',
  overwrite: '覆盖',
  cancel: '取消',
  existing: '现有内容',
  settingsTitle: '评分设置（保存在工作簿中）',
  decimals: '小数位数',
  partial: '不足一档时',
  partialProportional: '按比例扣分',
  partialFloor: '向下取整（不足一档不扣）',
  partialCeil: '向上取整（不足一档按一档扣）',
  bands: '等次方案',
  quotas: '强制分布比例（%）',
  quotaLabels: '强制分布等次',
  save: '保存设置',
  saved: '设置已保存到工作簿。',
  language: '语言',
  busy: '请稍候…',
  close: '关闭',
  previewNote: '预览模式：没有 Excel，工作簿在浏览器中打开，写入只改变此页面中的副本。',
} as const;

export type StringKey = keyof typeof zh;

const en: Record<StringKey, string> = {
  appTitle: 'Performance assessment helper',
  tabTables: 'Tables',
  tabFindings: 'Checks',
  tabScore: 'Score',
  tabSettings: 'Settings',
  tabReview: 'Review',
  reviewIntro:
    'Review the workbooks units sent back: compare with the template, score, rank and band them by quota. Files are read in this browser only.',
  reviewTemplate: 'Template',
  reviewTemplateOpen: 'Use the open workbook as the template',
  reviewTemplateFile: 'or pick a template file',
  reviewFiles: 'Pick the returned workbooks (several)',
  reviewRun: 'Review',
  reviewWrite: 'Write the summary sheets',
  reviewUnreadable: 'Files that cannot be read',
  reviewNotRanked: 'not ranked',
  reviewReplaceTitle: 'Replace existing sheets?',
  reviewReplace: 'Replace',
  reviewChanges: 'template changes',
  recognise: 'Recognise active sheet',
  recogniseSelection: 'Selection only',
  recognising: 'Reading the sheet… (step 1 of 2)',
  notRead:
    'Click “Recognise active sheet” to start: the helper reads the sheet, finds indicator tables and checks them.',
  nothingOnSheet: 'The active sheet is empty.',
  noTable: 'This sheet has content but no indicator table (no header with item/points columns was found)',
  range: 'Range',
  layout: 'Layout',
  items: 'Items',
  points: 'Points',
  declared: 'declared',
  summed: 'sum',
  columns: 'Column roles',
  column: 'Column',
  header: 'Header',
  role: 'Role',
  roleNone: '(ignore this column)',
  roleCorrected: 'corrected',
  groups: 'Groups',
  pointsOk: 'points agree',
  pointsMismatch: 'points disagree',
  findings: 'Findings',
  errors: 'Errors',
  warnings: 'Warnings',
  infos: 'Notes',
  clean: 'This check found no problems. Still look over the figures before you send the table.',
  highlight: 'Highlight',
  clearHighlight: 'Clear highlights',
  writeReport: 'Write check report',
  reportExists: 'A check report is already there',
  replaceReport: 'Replace it',
  newReport: 'New report',
  goToCell: 'Go to cell',
  previous: 'Previous',
  next: 'Next',
  ignore: 'Ignore this problem',
  restoreIgnored: 'Show ignored problems again',
  fixToNumber: 'Convert to number',
  fixUnhide: 'Unhide',
  helpLink: 'Help',
  scoreColumn: 'Score column',
  actualColumn: 'Actual column',
  newColumn: 'new column',
  chooseColumn: 'use another column',
  createActual: 'Add an actual (完成情况) column',
  writeMode: 'Write as',
  asValues: 'Values',
  asFormulas:
    'Formulas (PERF functions and SUM, MAX…, update with the actuals; calculated only in Microsoft 365, Excel 2021 and later and Excel on the web, with this add-in)',
  asNative:
    'Native formulas (ordinary functions such as IF and SUM, update with the actuals; Excel 2010 and later, WPS and LibreOffice calculate them without the add-in)',
  valuesOnly: 'Values (the downloaded copy opens in WPS and every Excel)',
  noPerfHere:
    'PERF formulas are not offered here: only Microsoft 365, Excel 2021 and later and Excel on the web calculate them, with this add-in; WPS and Excel 2016/2019 show #NAME?. For scores that follow the actuals, choose native formulas.',
  undoWrite: 'Undo last write',
  refreshWrite: 'Write again with the current results',
  writtenCells: 'Cells written',
  staleMode: 'The write mode changed: the results in the sheet were written the other way.',
  staleSettings: 'The scoring settings changed: the results written in the sheet are out of date.',
  staleInputs: 'The table changed after the write: the results written in the sheet are out of date.',
  noPoints: 'none (the table has no points column)',
  noPointsWrite: 'This table has no points: there are no scores to write.',
  noScoresWrite: 'No score to write yet: fill in actual values or score items by hand first.',
  writeScores: 'Write scores',
  writing: 'Writing…',
  convertNative: 'Convert to native formulas',
  convertNativeSelection: 'Convert the selection',
  convertNativeHint:
    'Replaces the PERF formulas of the workbook (or of the selection) by native formulas of ordinary functions, which calculate without the add-in.',
  unconverted: 'Formulas not converted',
  rule: 'Rule as understood',
  ruleGuide: 'How rules are read',
  manual: 'score by hand',
  waiting: 'needs an actual value',
  entered: 'entered',
  deduction: 'points − deduction',
  total: 'Total',
  pointsUnit: 'points',
  sheetRow: 'Row',
  band: 'Band',
  pendingTotal: 'Some items still need a score: no total yet',
  conflictTitle: 'These cells are not empty',
  conflictText: 'Writing would replace what these cells hold. Overwrite them?',
  overwrite: 'Overwrite',
  cancel: 'Cancel',
  existing: 'Holds',
  settingsTitle: 'Scoring settings (saved in the workbook)',
  decimals: 'Decimal places',
  partial: 'Part of a step',
  partialProportional: 'Deduct proportionally',
  partialFloor: 'Round down (no deduction below a whole step)',
  partialCeil: 'Round up (a part counts as a whole step)',
  bands: 'Band scheme',
  quotas: 'Forced distribution quotas (%)',
  quotaLabels: 'Forced distribution bands',
  save: 'Save settings',
  saved: 'Settings saved in the workbook.',
  language: 'Language',
  busy: 'Please wait…',
  close: 'Close',
  previewNote:
    'Preview: no Excel here; the workbook is opened in the browser and writes change only this page’s copy.',
};

export const STRINGS: Record<Lang, Record<StringKey, string>> = { zh, en };

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[lang][key];
}

function analysing(lang: Lang, p: SheetProgress): string {
  if (lang === 'zh')
    return p.stage === 'recognise'
      ? `已读取 ${p.lastRow} 行，正在识别表格…`
      : p.stage === 'check'
        ? `正在校验 ${p.lastRow} 行…`
        : `正在评分：第 ${p.row} 行，共 ${p.lastRow} 行…`;
  return p.stage === 'recognise'
    ? `${p.lastRow} rows read; recognising the tables…`
    : p.stage === 'check'
      ? `Checking ${p.lastRow} rows…`
      : `Scoring: row ${p.row} of ${p.lastRow}…`;
}

export const fmt = {
  count: (lang: Lang, n: number, what: StringKey): string =>
    lang === 'zh' ? `${t(lang, what)} ${n}` : `${n} ${t(lang, what).toLowerCase()}`,
  tablesFound: (lang: Lang, n: number, sheet: string): string =>
    lang === 'zh' ? `工作表“${sheet}”中识别到 ${n} 张表` : `${n} table(s) recognised on “${sheet}”`,
  written: (lang: Lang, n: number): string =>
    lang === 'zh' ? `已写入 ${n} 个单元格。` : `${n} cell(s) written.`,
  highlighted: (lang: Lang, n: number): string =>
    lang === 'zh'
      ? `已标注 ${n} 个单元格：错误为红色，警告为橙色。`
      : `${n} cell(s) highlighted: errors in red, warnings in amber.`,
  cleared: (lang: Lang, n: number, kept: number): string =>
    lang === 'zh'
      ? `已清除 ${n} 处标注${kept > 0 ? `；${kept} 处已被您重新填色，保留不动` : ''}。`
      : `${n} highlight(s) cleared${kept > 0 ? `; ${kept} refilled by you were left as they are` : ''}.`,
  /** What this Excel could not report about the sheet (older requirement sets), and what that means. */
  readLimits: (lang: Lang, merges: boolean, hidden: boolean): string => {
    const zh = [merges ? '合并单元格' : '', hidden ? '隐藏的行和列' : ''].filter(Boolean).join('和');
    const en = [merges ? 'merged cells' : '', hidden ? 'hidden rows and columns' : '']
      .filter(Boolean)
      .join(' and ');
    return lang === 'zh'
      ? `此版本的 Excel 无法告诉加载项${zh}，本次识别未考虑它们；请在 Microsoft 365 或网页版 Excel 中复核，或用 perf-check 命令检查文件。`
      : `This Excel cannot report ${en} to the add-in, so this check did not see them; check again in Microsoft 365 or Excel on the web, or run perf-check on the file.`;
  },
  /** The saved highlight record was damaged: which cells can no longer be restored, and what to do. */
  recordDamaged: (lang: Lang, damaged: 'all' | number): string =>
    lang === 'zh'
      ? `${damaged === 'all' ? '工作簿中保存的标注记录已损坏，无法读取' : `工作簿中保存的标注记录有 ${damaged} 条已损坏`}，这些单元格原来的底色无法恢复：仍为标注色（错误的浅红色、警告的浅橙色）的单元格请手动清除填充。`
      : ` The highlight record saved in the workbook is damaged (${damaged === 'all' ? 'unreadable' : `${damaged} entries`}): those cells' original fills cannot be restored; clear the highlight fill (light red for errors, light amber for warnings) by hand where it remains.`,
  noReport: (lang: Lang): string =>
    lang === 'zh'
      ? '本次检查未发现问题，没有生成校验报告。'
      : 'This check found no problems: no report was written.',
  reportExists: (lang: Lang, sheet: string, ours: boolean): string =>
    lang === 'zh'
      ? `工作簿中已有工作表“${sheet}”。${ours ? '替换它，还是另建一张新报告？' : '它不是助手生成的报告，将另建一张新报告。'}`
      : `The workbook already has a sheet “${sheet}”. ${ours ? 'Replace it, or write a new report beside it?' : 'It is not a report of this add-in: a new report goes beside it.'}`,
  report: (lang: Lang, sheet: string, n: number): string =>
    lang === 'zh' ? `已生成校验报告“${sheet}”（${n} 条）。` : `Report “${sheet}” written (${n} finding(s)).`,
  /** The score column's header: the sheet's word (得分) and its unit. */
  scoreHeader: (lang: Lang): string => (lang === 'zh' ? '得分（分）' : 'Score (points)'),
  newColumnAt: (lang: Lang, col: string): string =>
    lang === 'zh' ? `新建列（${col} 列）` : `new column (${col})`,
  columnCreated: (lang: Lang, col: string, header: string): string =>
    lang === 'zh' ? `已在 ${col} 列新建“${header}”列。` : `Column “${header}” added at ${col}.`,
  planSummary: (lang: Lang, items: number, col: string): string =>
    lang === 'zh'
      ? `将写入 ${items} 项得分到 ${col} 列，并在表格右侧写入分组得分、总分和等次。`
      : `Writes ${items} item score(s) into column ${col}, and group totals, the total and the band beside the table.`,
  /** What the analysis is doing: the stage, and while scoring the row reached. */
  analysing: (lang: Lang, p: SheetProgress): string => analysing(lang, p),
  writeAll: (lang: Lang, n: number): string =>
    lang === 'zh' ? `写入全部 ${n} 张表` : `Write all ${n} tables`,
  /** 写入全部: which table, and how far the analysis before its write has got. */
  writingTable: (lang: Lang, i: number, n: number, p: SheetProgress | null): string =>
    lang === 'zh'
      ? `正在写入第 ${i} 张表，共 ${n} 张${p ? `；${analysing(lang, p)}` : '…'}`
      : `Writing table ${i} of ${n}${p ? `; ${analysing(lang, p)}` : '…'}`,
  allWritten: (lang: Lang, written: number, skipped: number): string =>
    lang === 'zh'
      ? `已写入 ${written} 张表的评分${skipped > 0 ? `；${skipped} 张表没有可写入的得分` : ''}。`
      : `Scores written for ${written} table(s)${skipped > 0 ? `; ${skipped} had no scores to write` : ''}.`,
  position: (lang: Lang, i: number, n: number): string =>
    lang === 'zh' ? `第 ${i} 个，共 ${n} 个` : `${i} of ${n}`,
  ignoredCount: (lang: Lang, n: number): string =>
    lang === 'zh'
      ? `已忽略 ${n} 个问题（不计入校验、标注和报告）。`
      : `${n} problem(s) ignored (left out of checks, highlights and the report).`,
  noFix: (lang: Lang): string =>
    lang === 'zh' ? '此问题没有可自动修正的办法。' : 'This problem has no fix in place.',
  fixed: (lang: Lang, how: 'toNumber' | 'unhideRow' | 'unhideColumn', cell: string): string =>
    lang === 'zh'
      ? how === 'toNumber'
        ? `已将 ${cell} 转换为数字。`
        : `已取消隐藏 ${cell} 所在的${how === 'unhideRow' ? '行' : '列'}。`
      : how === 'toNumber'
        ? `${cell} converted to a number.`
        : `The ${how === 'unhideRow' ? 'row' : 'column'} of ${cell} unhidden.`,
  failed: (lang: Lang, what: string): string => (lang === 'zh' ? `操作失败：${what}` : `Failed: ${what}`),
  nothingToWrite: (lang: Lang): string =>
    lang === 'zh' ? '此表没有可写入的得分。' : 'This table has no scores to write.',
  scoresWritten: (lang: Lang, items: number, cells: number): string =>
    lang === 'zh'
      ? `已写入 ${items} 项得分（共 ${cells} 个单元格，见“已写入的单元格”）。`
      : `${items} item score(s) written (${cells} cell(s), listed under “Cells written”).`,
  nothingToUndo: (lang: Lang): string =>
    lang === 'zh' ? '此表没有可撤销的写入。' : 'Nothing written for this table to undo.',
  undone: (lang: Lang, n: number, kept: number): string =>
    lang === 'zh'
      ? `已撤销上次写入，${n} 个单元格恢复原样${kept > 0 ? `；${kept} 个单元格此后被您改过，保留不动` : ''}。`
      : `Last write undone: ${n} cell(s) restored${kept > 0 ? `; ${kept} you changed since were left as they are` : ''}.`,
  manualCount: (lang: Lang, n: number): string =>
    lang === 'zh' ? `${n} 项需人工评分` : `${n} item(s) to score by hand`,
  waitingCount: (lang: Lang, n: number): string =>
    lang === 'zh' ? `${n} 项待填完成情况` : `${n} item(s) waiting for an actual value`,
  writtenAt: (lang: Lang, mode: 'values' | 'formulas' | 'native', when: string): string =>
    lang === 'zh'
      ? `上次写入：${when}，${mode === 'values' ? '数值' : mode === 'native' ? '通用公式' : '公式'}`
      : `Last written ${when}, as ${mode === 'native' ? 'native formulas' : mode}`,
  notNative: (lang: Lang, cells: readonly { cell: string; reason: string }[]): string =>
    lang === 'zh'
      ? `${cells.length} 个单元格无法写成通用公式，将写入数值：${cells.map((c) => `${c.cell}（${c.reason}）`).join('；')}`
      : `${cells.length} cell(s) have no native formula and will be written as values: ${cells.map((c) => `${c.cell} (${c.reason})`).join('; ')}`,
  nativeConverted: (lang: Lang, converted: number, kept: number): string =>
    lang === 'zh'
      ? converted === 0 && kept === 0
        ? '没有找到 PERF 公式。'
        : `已将 ${converted} 个 PERF 公式转换为通用公式${kept > 0 ? `；${kept} 个无法转换，保留原样（见下方原因）` : ''}。`
      : converted === 0 && kept === 0
        ? 'No PERF formulas found.'
        : `${converted} PERF formula(s) converted to native formulas${kept > 0 ? `; ${kept} could not be converted and stay as they were (reasons below)` : ''}.`,
  reviewProgress: (lang: Lang, n: number, total: number, name: string): string =>
    lang === 'zh' ? `正在读取第 ${n} / ${total} 个文件：${name}` : `Reading file ${n} of ${total}: ${name}`,
  reviewDone: (lang: Lang, units: number, ranked: number, unreadable: number): string =>
    lang === 'zh'
      ? `已审核 ${units} 个文件：${ranked} 个单位参与排名${unreadable > 0 ? `，${unreadable} 个文件无法读取` : ''}。`
      : `${units} file(s) reviewed: ${ranked} unit(s) ranked${unreadable > 0 ? `, ${unreadable} could not be read` : ''}.`,
  reviewQuota: (
    lang: Lang,
    labels: readonly string[],
    counts: readonly number[],
    assigned: readonly number[],
  ): string =>
    lang === 'zh'
      ? `强制分布名额：${labels.map((l, i) => `${l} ${counts[i]}`).join('，')}；实际：${labels.map((l, i) => `${l} ${assigned[i]}`).join('，')}`
      : `Quota: ${labels.map((l, i) => `${l} ${counts[i]}`).join(', ')}; given: ${labels.map((l, i) => `${l} ${assigned[i]}`).join(', ')}`,
  reviewReplaceText: (lang: Lang, names: readonly string[]): string =>
    lang === 'zh'
      ? `工作簿中已有工作表：${names.join('、')}。替换它们吗？`
      : `The workbook already has the sheet(s) ${names.join(', ')}. Replace them?`,
  reviewWritten: (lang: Lang, names: readonly string[]): string =>
    lang === 'zh' ? `已写入工作表：${names.join('、')}。` : `Sheets written: ${names.join(', ')}.`,
};
