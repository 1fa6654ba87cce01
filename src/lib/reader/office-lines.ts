// The line each office number was first read on, for duplicate checks. A file has up to a
// million offices: a Map of that many entries spends most of a second growing and hashing,
// while this open-addressed table of typed arrays (office numbers are exact doubles: ten
// digits) takes a fifth of that and a quarter of the memory.

const EMPTY = -1;

export class OfficeLines {
  private keys: Float64Array;
  private lines: Int32Array;
  private size = 0;

  /** `expected`: the offices it is thought to hold, made room for at once (it grows past them). */
  constructor(expected = 512) {
    // A power of two, at most half full.
    const slots = 2 ** Math.ceil(Math.log2(Math.max(1024, Number.isFinite(expected) ? 2 * expected : 0)));
    this.keys = new Float64Array(slots).fill(EMPTY);
    this.lines = new Int32Array(slots);
  }

  /** The line `office` was first seen on; else remembers `line` for it and returns undefined. */
  firstOrSet(office: number, line: number): number | undefined {
    const at = this.slot(office);
    if (this.keys[at] === office) return this.lines[at];
    this.keys[at] = office;
    this.lines[at] = line;
    if (++this.size * 2 > this.keys.length) this.grow();
    return undefined;
  }

  /** The line `office` was first seen on, or undefined. */
  get(office: number): number | undefined {
    const at = this.slot(office);
    return this.keys[at] === office ? this.lines[at] : undefined;
  }

  /** Every office number held, and its line, in no particular order. */
  entries(): { offices: Float64Array; lines: Int32Array } {
    const offices = new Float64Array(this.size);
    const lines = new Int32Array(this.size);
    let n = 0;
    for (let i = 0; i < this.keys.length; i++) {
      if (this.keys[i] === EMPTY) continue;
      offices[n] = this.keys[i]!;
      lines[n++] = this.lines[i]!;
    }
    return { offices, lines };
  }

  private slot(office: number): number {
    const mask = this.keys.length - 1;
    // Both halves of the number mixed, so 41000000xx and 42000000xx do not share slots.
    // (>>> 0 is the number modulo 2^32, without a division.)
    let at = (Math.imul(office >>> 0, 0x9e3779b1) ^ Math.floor(office / 0x1_0000_0000)) & mask;
    while (this.keys[at] !== EMPTY && this.keys[at] !== office) at = (at + 1) & mask;
    return at;
  }

  private grow(): void {
    const { keys, lines } = this;
    this.keys = new Float64Array(keys.length * 2).fill(EMPTY);
    this.lines = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      const at = this.slot(keys[i]!);
      this.keys[at] = keys[i]!;
      this.lines[at] = lines[i]!;
    }
  }
}
