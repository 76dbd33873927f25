// Widget placement on the board's 12-column grid. Widgets have an order (reading order of their saved x, y) and a
// size; each is placed at the first free spot from the top left, so widgets never overlap and moving one earlier or
// later in the order, or resizing it, reflows the rest.

export const GRID_COLUMNS = 12;

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** A size on the grid: whole numbers, at least 2x2, at most the 12 columns by 12 rows. */
export function clampSize({ w, h }) {
  return {
    w: Math.max(2, Math.min(GRID_COLUMNS, Math.round(w) || 4)),
    h: Math.max(2, Math.min(12, Math.round(h) || 3)),
  };
}

/** Boxes ({ x, y, ... }) in reading order: top to bottom, then left to right. */
export const readingOrder = (boxes) => [...boxes].sort((a, b) => (a.y ?? 0) - (b.y ?? 0) || (a.x ?? 0) - (b.x ?? 0));

/** Places boxes in the given order, each at the first free spot; returns new objects with x, y, w, h set. */
export function flow(boxes) {
  const placed = [];
  for (const box of boxes) {
    const b = { ...box, ...clampSize(box), x: 0, y: 0 };
    for (let y = 0; ; y++) {
      const x = [...Array(GRID_COLUMNS - b.w + 1).keys()].find((cx) => !placed.some((p) => overlaps(p, { ...b, x: cx, y })));
      if (x !== undefined) {
        Object.assign(b, { x, y });
        break;
      }
    }
    placed.push(b);
  }
  return placed;
}

/** Moves the box with `id` one place earlier (-1) or later (+1) in the order and reflows. */
export function move(boxes, id, step) {
  const order = readingOrder(boxes);
  const i = order.findIndex((b) => b.id === id);
  const j = i + step;
  if (i < 0 || j < 0 || j >= order.length) return flow(order);
  [order[i], order[j]] = [order[j], order[i]];
  return flow(order);
}
