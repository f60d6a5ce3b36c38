import { revealIndex } from './virtual-list.js';

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

/** The rows a virtual list currently renders. */
export interface RenderedRange {
  readonly first: number;
  readonly last: number;
}

/**
 * Roving tabindex: only the focused cell is a tab stop. When the focused row has scrolled out of
 * the DOM, the header cell of its column keeps the tab stop, so the grid stays reachable.
 */
export function gridTabIndex(
  focus: GridCell,
  rendered: RenderedRange,
  row: number,
  col: number,
): '0' | '-1' {
  const rowRendered = focus.row >= rendered.first && focus.row <= rendered.last;
  if (focus.row >= 0 && !rowRendered) return row === -1 && col === focus.col ? '0' : '-1';
  return row === focus.row && col === focus.col ? '0' : '-1';
}

/** The grid cell (`data-row` / `data-col`) an event happened in, if any. */
export function gridCellOf(event: Event): GridCell | null {
  const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row][data-col]');
  return cell ? { row: Number(cell.dataset['row']), col: Number(cell.dataset['col']) } : null;
}

/**
 * Moves DOM focus to `focus` in a grid whose rows are a virtual list in `.rows`: a row outside the
 * rendered range is scrolled into view and rendered first.
 */
export function focusGridCell(root: ParentNode, focus: GridCell): void {
  const find = () =>
    root.querySelector<HTMLElement>(`[data-row="${focus.row}"][data-col="${focus.col}"]`);
  let cell = find();
  if (!cell && focus.row >= 0) {
    revealIndex(root.querySelector('.rows'), focus.row);
    cell = find();
  }
  cell?.focus();
  cell?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
}
