/** A cell of the grid: `row` -1 is the header row, 0… the data rows. */
export interface GridCell {
  readonly row: number;
  readonly col: number;
}

export interface GridBounds {
  /** Data rows loaded (the header row is extra). */
  readonly rows: number;
  readonly cols: number;
  /** Rows per PageUp / PageDown. */
  readonly page: number;
}

/**
 * Where focus goes for a key in the WAI-ARIA grid pattern: arrows move one cell, Home / End to
 * the first / last cell of the row, Ctrl+Home / Ctrl+End to the first / last cell of the grid,
 * PageUp / PageDown by a page. `null` for a key the grid does not handle.
 */
export function moveInGrid(
  cell: GridCell,
  key: string,
  bounds: GridBounds,
  ctrl = false,
): GridCell | null {
  const lastRow = bounds.rows - 1;
  const lastCol = bounds.cols - 1;
  const clampRow = (row: number) => Math.max(-1, Math.min(lastRow, row));
  const clampCol = (col: number) => Math.max(0, Math.min(lastCol, col));
  switch (key) {
    case 'ArrowUp':
      return { row: clampRow(cell.row - 1), col: cell.col };
    case 'ArrowDown':
      return { row: clampRow(cell.row + 1), col: cell.col };
    case 'ArrowLeft':
      return { row: cell.row, col: clampCol(cell.col - 1) };
    case 'ArrowRight':
      return { row: cell.row, col: clampCol(cell.col + 1) };
    case 'Home':
      return ctrl ? { row: bounds.rows > 0 ? 0 : -1, col: 0 } : { row: cell.row, col: 0 };
    case 'End':
      return ctrl ? { row: clampRow(lastRow), col: lastCol } : { row: cell.row, col: lastCol };
    case 'PageUp':
      return {
        row: clampRow(Math.max(cell.row - bounds.page, cell.row >= 0 ? 0 : -1)),
        col: cell.col,
      };
    case 'PageDown':
      return { row: clampRow(cell.row + bounds.page), col: cell.col };
    default:
      return null;
  }
}
