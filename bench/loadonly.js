// Loads each file with ExcelJS only (the floor for the batch CLI benchmark).
const ExcelJS = require('exceljs');
(async () => {
  for (const f of process.argv.slice(2)) await new ExcelJS.Workbook().xlsx.readFile(f);
})();
