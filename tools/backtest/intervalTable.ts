/**
 * A series' aggregates as one flat Float64Array: `width` numbers per interval, indexed by the
 * interval, growing at either end. A Map of small arrays per interval cost about 250 bytes a cell
 * (an object and a backing store each); this costs 8 bytes a number, 32 per hourly cell of two
 * measures, so 42 series of nine hourly months take 9 MB.
 */
export class IntervalTable {
    private data = new Float64Array(0);
    private base = 0;
    private capacity = 0;

    constructor(readonly width: number) {}

    /** The offset in `numbers` of the first of `interval`'s numbers, growing the table if needed. */
    offsetFor(interval: number): number {
        if (this.capacity === 0) {
            this.base = interval;
            this.resize(interval, 64);
        } else if (interval < this.base) {
            // Rows out of order: grow to the left, with room for more of the same.
            const end = this.base + this.capacity;
            const start = Math.min(interval, this.base - this.capacity);
            this.resize(start, end - start);
        } else if (interval >= this.base + this.capacity) {
            this.resize(this.base, Math.max(2 * this.capacity, interval - this.base + 1));
        }
        return (interval - this.base) * this.width;
    }

    /** The raw numbers; the interval at offset o is `o / width + firstIndex`. */
    get numbers(): Float64Array {
        return this.data;
    }

    get firstIndex(): number {
        return this.base;
    }

    /** How many intervals the table spans (some may be empty: all zeros). */
    get length(): number {
        return this.capacity;
    }

    private resize(newBase: number, newCapacity: number): void {
        const next = new Float64Array(newCapacity * this.width);
        next.set(this.data, (this.base - newBase) * this.width);
        this.data = next;
        this.base = newBase;
        this.capacity = newCapacity;
    }
}
