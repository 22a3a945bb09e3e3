/**
 * The token's `exp` in ms since the Unix epoch, or null when it is not a readable JWT.
 * @param {string} token
 * @returns {number | null}
 */
export function tokenExpiryMs(token: string): number | null;
/**
 * When to ask for a fresh token: a third of its lifetime before `exp` (timers of a background
 * tab run late), at most a minute before, and not sooner than `minDelayMs` from now.
 * @param {number} expMs
 * @param {number} nowMs
 * @param {number} [minDelayMs]
 */
export function refreshDelayMs(expMs: number, nowMs: number, minDelayMs?: number): number;
