import path from 'node:path';
import { readWorkbookFile } from '../cli/xlsx';
import { analyseWorkbook, parseRule, renderRule, formOf } from '../engine';
(async () => {
  const wb = await readWorkbookFile(path.join(__dirname, '..', 'examples', 'zaozhuang-2022-tasks.xlsx'));
  const items = analyseWorkbook(wb)[0]!.tables[0]!.items;
  for (const i of items) { const p = parseRule(i.target ?? ''); console.log(i.row, p.ok ? formOf(p.rule) : 'UNPARSED', p.ok ? renderRule(p.rule) : p.reason, '|', (i.target ?? '').slice(0, 90).replace(/\n/g, ' ')); }
})();
