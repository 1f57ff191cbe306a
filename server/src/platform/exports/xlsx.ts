import ExcelJS from 'exceljs';
import { type ReportColumn, type TabularReport, totalsOf } from './report.ts';

function numberFormat(column: ReportColumn, symbol: string): string | undefined {
  switch (column.kind) {
    case 'money':
      return `"${symbol}"#,##0.00;-"${symbol}"#,##0.00`;
    case 'percent':
      return '0.00"%"';
    case 'integer':
      return '#,##0';
    default:
      return undefined;
  }
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * A workbook that stays editable: numbers stored as numbers with currency formats, a frozen
 * header and a totals row made of SUM formulas that also carry their computed value (so viewers
 * that do not recalculate still show it).
 */
export async function renderTableXlsx(report: TabularReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Matriz';
  const sheet = workbook.addWorksheet(report.title.slice(0, 31).replace(/[*?:\\/[\]]/g, '-'));
  let rowIndex = 1;
  if (report.issuer) sheet.getCell(rowIndex++, 1).value = report.issuer;
  sheet.getCell(rowIndex, 1).value = report.title;
  sheet.getCell(rowIndex++, 1).font = { bold: true, size: 14 };
  if (report.subtitle) sheet.getCell(rowIndex++, 1).value = report.subtitle;
  rowIndex++;

  const headerRow = rowIndex;
  report.columns.forEach((column, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
    cell.alignment = { horizontal: column.kind === 'text' ? 'left' : 'right' };
    const sheetColumn = sheet.getColumn(i + 1);
    sheetColumn.width = column.kind === 'text' ? 14 * (column.width ?? 2) : 14;
    const format = numberFormat(column, report.currency.symbol);
    if (format) sheetColumn.numFmt = format;
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];

  const firstData = headerRow + 1;
  report.rows.forEach((row, r) => {
    report.columns.forEach((column, i) => {
      const value = row[column.key];
      sheet.getCell(firstData + r, i + 1).value = value ?? null;
    });
  });
  const lastData = firstData + report.rows.length - 1;

  const totals = totalsOf(report);
  if (totals) {
    const totalRow = lastData + 1;
    report.columns.forEach((column, i) => {
      const cell = sheet.getCell(totalRow, i + 1);
      const value = totals[column.key];
      if (report.totalColumns?.includes(column.key)) {
        const letter = columnLetter(i);
        cell.value =
          report.rows.length > 0
            ? { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result: Number(value) }
            : 0;
      } else if (value !== undefined) {
        cell.value = value;
      }
      cell.font = { bold: true };
      cell.border = { top: { style: 'thin' } };
    });
  }
  if (report.footer) sheet.getCell(totals ? lastData + 3 : lastData + 2, 1).value = report.footer;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
