/** Small robust statistics over the finite values of an array (NaN marks a missing interval). */

/** The median of the finite numbers in `values` (reordered in place), or NaN if there are none. */
export function medianInPlace(values: number[]): number {
    const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
    const n = finite.length;
    if (n === 0) return NaN;
    return n % 2 === 1 ? finite[(n - 1) / 2] : (finite[n / 2 - 1] + finite[n / 2]) / 2;
}

/** The scale factor that makes the median absolute deviation estimate a normal standard deviation. */
export const MAD_TO_SIGMA = 1.4826;
