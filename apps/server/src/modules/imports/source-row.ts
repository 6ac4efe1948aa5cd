/** How a cell came to hold its text: a formula's computed value, none, or a merged value repeated. */
export type CellFlag = 'formula' | 'formula_no_value' | 'merged';

/** One row of a sheet or a CSV file, as text cells (row numbers as the spreadsheet shows them). */
export interface SourceRow {
  rowNumber: number;
  cells: string[];
  flags: Map<number, CellFlag> | null;
}

export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
