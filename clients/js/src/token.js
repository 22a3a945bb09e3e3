// Firebase ID tokens are JWTs: the client reads `exp` (not the signature: the server checks it)
// to refresh the token before the server would cut the connection with 4003.

/**
 * The token's `exp` in ms since the Unix epoch, or null when it is not a readable JWT.
 * @param {string} token
 * @returns {number | null}
 */
export function tokenExpiryMs(token) {
  const part = typeof token === 'string' ? token.split('.')[1] : undefined;
  if (!part) return null;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(b64.padEnd(b64.length + ((4 - (b64.length % 4)) % 4), '=')));
    return typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  } catch (_) {
    return null;
  }
}

/**
 * When to ask for a fresh token: a third of its lifetime before `exp` (timers of a background
 * tab run late), at most a minute before, and not sooner than `minDelayMs` from now.
 * @param {number} expMs
 * @param {number} nowMs
 * @param {number} [minDelayMs]
 */
export function refreshDelayMs(expMs, nowMs, minDelayMs = 1000) {
  const left = expMs - nowMs;
  const margin = Math.min(60_000, Math.max(0, left) / 3);
  return Math.max(minDelayMs, left - margin);
}
