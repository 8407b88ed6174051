// One attribute of every cell of a sheet (values, formulas, number formats, notes, …) stored as
// sparse rows, so that inserting, deleting and sorting rows or columns moves every attribute the
// same way. Coordinates here are 0-based; `undefined` means "nothing set".

export class Layer<T> {
  private rows: ((T | undefined)[] | undefined)[] = [];

  get(row: number, column: number): T | undefined {
    return this.rows[row]?.[column];
  }

  set(row: number, column: number, value: T | undefined): void {
    let r = this.rows[row];
    if (!r) {
      if (value === undefined) return;
      r = [];
      this.rows[row] = r;
    }
    r[column] = value;
  }

  /** Row `row` as stored (may be shorter than the sheet, or undefined). Do not mutate. */
  rowView(row: number): readonly (T | undefined)[] | undefined {
    return this.rows[row];
  }

  /** Number of stored rows: an upper bound for the last row that has anything. */
  get rowExtent(): number {
    return this.rows.length;
  }

  insertRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, 0, ...new Array<undefined>(count));
  }

  deleteRows(at: number, count: number): void {
    this.rows.splice(at, count);
  }

  insertColumns(at: number, count: number): void {
    for (const r of this.rows) {
      if (r && r.length > at) r.splice(at, 0, ...new Array<undefined>(count));
    }
  }

  deleteColumns(at: number, count: number): void {
    for (const r of this.rows) if (r && r.length > at) r.splice(at, count);
  }

  /** Rows start..start+order.length-1 become the rows at start+order[i], columns c0..c1-1 only. */
  permuteRows(start: number, order: readonly number[], c0: number, c1: number): void {
    const taken = order.map((src) => {
      const r = this.rows[start + src];
      return r ? r.slice(c0, c1) : [];
    });
    taken.forEach((cells, i) => {
      const row = start + i;
      for (let c = c0; c < c1; c++) {
        const v = cells[c - c0];
        if (v !== undefined || this.rows[row]?.[c] !== undefined) this.set(row, c, v);
      }
    });
  }

  /** Every set cell, 0-based. */
  *entries(): IterableIterator<[row: number, column: number, value: T]> {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v !== undefined) yield [r, c, v];
      }
    }
  }

  clear(): void {
    this.rows = [];
  }
}
