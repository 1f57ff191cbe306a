import { dateOutside, documentDateWindow } from '@matriz/shared/bakery/document-dates';
import { invalid } from '../../platform/errors.ts';

/** Refuses a document date outside what the writer may record on `today` (the bakery's day). */
export function checkDocumentDate(date: string, today: string, managesDocuments: boolean): void {
  const window = documentDateWindow(today, managesDocuments);
  const outside = dateOutside(date, window);
  if (outside === 'too_early') throw invalid('DOCUMENT_DATE_TOO_EARLY', { date, min: window.min });
  if (outside === 'too_late') throw invalid('DOCUMENT_DATE_TOO_LATE', { date, max: window.max });
}
