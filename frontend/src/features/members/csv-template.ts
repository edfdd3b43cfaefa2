import { saveFile } from '@/lib/api-client';

/** The columns the import reads; username and email are required, the rest may be left empty. */
export const CSV_COLUMNS = ['username', 'email', 'first_name', 'last_name', 'role', 'password'] as const;

/** A file to start from: the header and one example row (an empty password is generated on import). */
export function csvTemplate() {
  return `${CSV_COLUMNS.join(',')}\njiwoo.kim,jiwoo.kim@lab.example,지우,김,researcher,\n`;
}

/** Offers the template as a download; the BOM makes spreadsheet programs read it as UTF-8. */
export function downloadCsvTemplate(fileName: string) {
  saveFile({ blob: new Blob(['\uFEFF', csvTemplate()], { type: 'text/csv;charset=utf-8' }), fileName });
}
