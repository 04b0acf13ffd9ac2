/**
 * Positive integers → indices: a dense array while the numbers stay small compared with the
 * number of entries (the usual 1, 2, 3, … of Gambit's files), a Map for the rest.
 */
export class NumberIndex {
  private dense = new Int32Array(1024).fill(-1);
  private size = 0;
  private sparse: Map<number, number> | null = null;

  /** The index stored for `number`, or −1. */
  get(number: number): number {
    if (number < this.dense.length) {
      const index = this.dense[number]!;
      if (index >= 0 || this.sparse === null) return index;
    }
    return this.sparse?.get(number) ?? -1;
  }

  set(number: number, index: number): void {
    this.size++;
    if (number >= this.dense.length && number < 4 * this.size + 1024) {
      const grown = new Int32Array(Math.max(2 * this.dense.length, number + 1)).fill(-1);
      grown.set(this.dense);
      this.dense = grown;
    }
    if (number < this.dense.length) this.dense[number] = index;
    else {
      this.sparse ??= new Map();
      this.sparse.set(number, index);
    }
  }
}
