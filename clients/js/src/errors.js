// Errors with the protocol's codes (docs/protocol.md, *Error codes*), plus the client's own:
// `timeout` (no answer in time), `closed` (the connection ended before the answer),
// `not_connected`, `not_joined` (a method that needs a room, called before `join`).

/** An error with a machine-readable code: the server's error code or one of the client's. */
export class SfuError extends Error {
  /**
   * @param {string} code the protocol's error code (`forbidden`, `not_found`, ...) or the client's
   * @param {string} message what went wrong, in words
   * @param {string} [method] the request that failed, if any
   */
  constructor(code, message, method) {
    super(method ? `${method}: ${message} (${code})` : `${message} (${code})`);
    this.name = 'SfuError';
    /** @type {string} */
    this.code = code;
    /** @type {string | undefined} */
    this.method = method;
    /** The server's (or the client's) message alone, without the method and the code. */
    this.detail = message;
    /** @type {string | undefined} `redirect`: the URL of the server to join instead. */
    this.url = undefined;
  }
}

/**
 * A server's signaling URL from the URL a `redirect` names: `http(s)://host:port` becomes
 * `ws(s)://host:port/ws`; a WebSocket URL is kept.
 * @param {string} url
 */
export function signalingUrl(url) {
  const base = url.replace(/\/+$/, '');
  const ws = base.replace(/^http(s?):\/\//, 'ws$1://');
  return /^wss?:\/\/[^/]+$/.test(ws) ? `${ws}/ws` : ws;
}

/** WebSocket close codes the server uses (docs/protocol.md, *Limits and connection lifetime*). */
export const CloseCode = Object.freeze({
  NORMAL: 1000,
  GOING_AWAY: 1001,
  ABNORMAL: 1006,
  POLICY: 1008,
  TOO_BIG: 1009,
  HEARTBEAT_TIMEOUT: 4001,
  TOO_SLOW: 4002,
  TOKEN_EXPIRED: 4003,
  JOIN_DEADLINE: 4004,
  REMOVED: 4005,
  ROOM_CLOSED: 4006,
});

/**
 * Closes after which the client must not come back on its own: a moderator removed the peer,
 * the room was closed, or the client broke the protocol's limits (coming back would do it again).
 * @param {number} code
 */
export function isFinalClose(code) {
  return code === CloseCode.REMOVED || code === CloseCode.ROOM_CLOSED || code === CloseCode.POLICY
    || code === CloseCode.TOO_BIG || code === CloseCode.NORMAL;
}
