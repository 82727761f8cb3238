/**
 * A seeded pseudo-random source, so that a sample is the same file for the same seed on every
 * machine. Math.random cannot be seeded; mulberry32 (public domain, 32-bit state) is the usual
 * few-line generator for test data and is all a sample needs (no cryptographic use).
 */
export class Random {
    private state: number;
    private spare: number | undefined;

    constructor(seed: number) {
        this.state = seed >>> 0;
    }

    /** Uniform in [0, 1). */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** Uniform integer in [min, max]. */
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    /** Uniform in [min, max). */
    between(min: number, max: number): number {
        return min + this.next() * (max - min);
    }

    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.next() * items.length)];
    }

    /** Standard normal (Box-Muller, both values used). */
    normal(): number {
        if (this.spare !== undefined) {
            const s = this.spare;
            this.spare = undefined;
            return s;
        }
        const u = 1 - this.next();
        const v = this.next();
        const r = Math.sqrt(-2 * Math.log(u));
        this.spare = r * Math.sin(2 * Math.PI * v);
        return r * Math.cos(2 * Math.PI * v);
    }
}
