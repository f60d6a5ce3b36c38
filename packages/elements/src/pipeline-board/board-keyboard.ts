/**
 * The board's keyboard path as a pure state machine, so every key is testable without a DOM.
 * Browsing: arrows move focus between cards (up / down within a column, left / right to the
 * nearest column with cards), Home / End to the first / last card of the column, Enter opens.
 * Space picks the focused card up; while carrying it, left / right choose the target column
 * (empty ones too), Space (or Enter) drops it there, Escape or Tab cancels.
 */
export interface BoardCursor {
  readonly column: number;
  readonly row: number;
}

export interface BoardKeyState extends BoardCursor {
  /** Set while a card is picked up: the column it is carried over. */
  readonly over?: number;
}

export type BoardKeyAction =
  | { readonly type: 'none' }
  /** Focus moved to `state.column` / `state.row`. */
  | { readonly type: 'focus' }
  | { readonly type: 'open' }
  | { readonly type: 'pickup' }
  /** The carried card is over column `state.over`. */
  | { readonly type: 'over' }
  /** Up / down while carrying: order within a column is by last update, not by hand. */
  | { readonly type: 'within' }
  | { readonly type: 'drop'; readonly from: number; readonly to: number }
  | { readonly type: 'cancel' };

export interface BoardKeyResult {
  readonly state: BoardKeyState;
  readonly action: BoardKeyAction;
  /** Whether the key was the board's (so the caller calls `preventDefault`). */
  readonly handled: boolean;
}

const result = (state: BoardKeyState, action: BoardKeyAction, handled = true): BoardKeyResult => ({
  state,
  action,
  handled,
});

/**
 * The next state for `key`, given how many cards each column has loaded (`sizes`).
 */
export function boardKeyDown(
  state: BoardKeyState,
  key: string,
  sizes: readonly number[],
): BoardKeyResult {
  const columns = sizes.length;
  if (state.over !== undefined) {
    switch (key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        const over = Math.max(
          0,
          Math.min(columns - 1, state.over + (key === 'ArrowLeft' ? -1 : 1)),
        );
        return result(
          { ...state, over },
          over === state.over ? { type: 'none' } : { type: 'over' },
        );
      }
      case 'Home':
      case 'End': {
        const over = key === 'Home' ? 0 : columns - 1;
        return result(
          { ...state, over },
          over === state.over ? { type: 'none' } : { type: 'over' },
        );
      }
      case 'ArrowUp':
      case 'ArrowDown':
        return result(state, { type: 'within' });
      case ' ':
      case 'Enter': {
        const next = { column: state.column, row: state.row };
        return state.over === state.column
          ? result(next, { type: 'cancel' })
          : result(next, { type: 'drop', from: state.column, to: state.over });
      }
      case 'Escape':
        return result({ column: state.column, row: state.row }, { type: 'cancel' });
      case 'Tab':
        // Leaving the board with a card in hand cancels; Tab itself still moves focus.
        return result({ column: state.column, row: state.row }, { type: 'cancel' }, false);
      default:
        return result(state, { type: 'none' }, false);
    }
  }
  const size = sizes[state.column] ?? 0;
  switch (key) {
    case 'ArrowUp':
    case 'ArrowDown': {
      const row = Math.max(0, Math.min(size - 1, state.row + (key === 'ArrowUp' ? -1 : 1)));
      return result({ ...state, row }, row === state.row ? { type: 'none' } : { type: 'focus' });
    }
    case 'Home':
    case 'End': {
      const row = key === 'Home' ? 0 : Math.max(0, size - 1);
      return result({ ...state, row }, row === state.row ? { type: 'none' } : { type: 'focus' });
    }
    case 'ArrowLeft':
    case 'ArrowRight': {
      const step = key === 'ArrowLeft' ? -1 : 1;
      for (let column = state.column + step; column >= 0 && column < columns; column += step) {
        const count = sizes[column] ?? 0;
        if (count > 0)
          return result({ column, row: Math.min(state.row, count - 1) }, { type: 'focus' });
      }
      return result(state, { type: 'none' });
    }
    case ' ':
      return size > 0
        ? result({ ...state, over: state.column }, { type: 'pickup' })
        : result(state, { type: 'none' });
    case 'Enter':
      return size > 0 ? result(state, { type: 'open' }) : result(state, { type: 'none' });
    default:
      return result(state, { type: 'none' }, false);
  }
}
