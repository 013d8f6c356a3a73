/**
 * Alignment of two ordered lists whose items carry a stable key (an id):
 * the common core of the field diff (services, tiers… matched by id) and of
 * the clause alignment (clauses matched by clause id).
 *
 * Items are paired by key, never by position. The pairs that keep their
 * relative order are the longest common subsequence of the two key
 * sequences; since keys are unique, that is the longest increasing
 * subsequence of the old positions taken in new order (O(n log n)). A pair
 * outside it was reordered and is reported as moved, at its new place,
 * instead of as a removal plus an addition. Items only in the old list are
 * placed where they were, before the items added at the same spot.
 */

export interface AlignedSide<T> {
  item: T;
  /** Position in its list, from 0. */
  index: number;
}

export interface AlignedItem<T> {
  key: string;
  old: AlignedSide<T> | null;
  new: AlignedSide<T> | null;
  /** In both lists, but its place relative to the others changed. */
  moved: boolean;
}

/**
 * Keys made unique by occurrence: a list should not hold an id twice (the
 * model's rules refuse it), but a draft being edited may, and alignment
 * must still terminate with a sensible answer.
 */
function uniqueKeys<T>(items: readonly T[], keyOf: (item: T) => string): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = keyOf(item);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}\u0000${count}`;
  });
}

/** Indices (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tailIndex: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let low = 0;
    let high = tailIndex.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tailIndex[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tailIndex[low - 1]!;
    tailIndex[low] = i;
  });
  const kept = new Set<number>();
  let at = tailIndex.length > 0 ? tailIndex[tailIndex.length - 1]! : -1;
  while (at >= 0) {
    kept.add(at);
    at = previous[at]!;
  }
  return kept;
}

export function alignByKey<T>(oldItems: readonly T[], newItems: readonly T[], keyOf: (item: T) => string): AlignedItem<T>[] {
  const oldKeys = uniqueKeys(oldItems, keyOf);
  const newKeys = uniqueKeys(newItems, keyOf);
  const oldIndexOf = new Map(oldKeys.map((key, index) => [key, index]));
  const newIndexOf = new Map(newKeys.map((key, index) => [key, index]));

  // New-order positions of the items in both lists, then the longest run in old order among them.
  const common: number[] = [];
  newKeys.forEach((key, newIndex) => {
    if (oldIndexOf.has(key)) common.push(newIndex);
  });
  const inOrder = longestIncreasing(common.map((newIndex) => oldIndexOf.get(newKeys[newIndex]!)!));
  const anchored = new Set<number>();
  common.forEach((newIndex, i) => {
    if (inOrder.has(i)) anchored.add(newIndex);
  });

  const result: AlignedItem<T>[] = [];
  const plainKey = (key: string) => {
    const cut = key.indexOf('\u0000');
    return cut < 0 ? key : key.slice(0, cut);
  };
  let oldCursor = 0;
  const flushRemovedBefore = (oldLimit: number) => {
    for (; oldCursor < oldLimit; oldCursor++) {
      const key = oldKeys[oldCursor]!;
      if (newIndexOf.has(key)) continue; // reported at its new place
      result.push({ key: plainKey(key), old: { item: oldItems[oldCursor]!, index: oldCursor }, new: null, moved: false });
    }
  };
  // The old position of the next anchor at or after each new position: removals are placed before the additions of the same gap.
  const nextAnchorOld: number[] = new Array<number>(newKeys.length + 1);
  nextAnchorOld[newKeys.length] = oldKeys.length;
  for (let j = newKeys.length - 1; j >= 0; j--) {
    nextAnchorOld[j] = anchored.has(j) ? oldIndexOf.get(newKeys[j]!)! : nextAnchorOld[j + 1]!;
  }
  newKeys.forEach((key, newIndex) => {
    flushRemovedBefore(nextAnchorOld[newIndex]!);
    const oldIndex = oldIndexOf.get(key);
    const newSide = { item: newItems[newIndex]!, index: newIndex };
    if (oldIndex === undefined) {
      result.push({ key: plainKey(key), old: null, new: newSide, moved: false });
      return;
    }
    result.push({
      key: plainKey(key),
      old: { item: oldItems[oldIndex]!, index: oldIndex },
      new: newSide,
      moved: !anchored.has(newIndex),
    });
    if (anchored.has(newIndex)) oldCursor = Math.max(oldCursor, oldIndex + 1);
  });
  flushRemovedBefore(oldKeys.length);
  return result;
}
