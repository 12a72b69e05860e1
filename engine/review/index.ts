/** The reviewer's desk (issue 14): returned workbooks against their template, units ranked. */
export {
  prepareTemplate,
  reviewWorkbook,
  readUnitName,
  fileUnitName,
  unreadableUnit,
  type PreparedTemplate,
  type TemplateItem,
  type UnitItem,
  type UnitReview,
} from './unit';
export {
  consolidate,
  itemMatrix,
  type Consolidation,
  type Distribution,
  type ItemMatrix,
  type MatrixItem,
  type RankedUnit,
  type Tie,
} from './consolidate';
export {
  reviewSheets,
  unitsInRankOrder,
  tieLines,
  REVIEW_SHEET_NAMES,
  SUMMARY_HEADER,
  ISSUES_HEADER,
  type ReviewSheet,
  type SheetCell,
} from './sheets';
