/**
 * A server's signaling URL from the URL a `redirect` names: `http(s)://host:port` becomes
 * `ws(s)://host:port/ws`; a WebSocket URL is kept.
 * @param {string} url
 */
export function signalingUrl(url: string): string;
/**
 * Closes after which the client must not come back on its own: a moderator removed the peer,
 * the room was closed, or the client broke the protocol's limits (coming back would do it again).
 * @param {number} code
 */
export function isFinalClose(code: number): code is 1000 | 1008 | 1009 | 4005 | 4006;
/** An error with a machine-readable code: the server's error code or one of the client's. */
export class SfuError extends Error {
    /**
     * @param {string} code the protocol's error code (`forbidden`, `not_found`, ...) or the client's
     * @param {string} message what went wrong, in words
     * @param {string} [method] the request that failed, if any
     */
    constructor(code: string, message: string, method?: string);
    /** @type {string} */
    code: string;
    /** @type {string | undefined} */
    method: string | undefined;
    /** The server's (or the client's) message alone, without the method and the code. */
    detail: string;
    /** @type {string | undefined} `redirect`: the URL of the server to join instead. */
    url: string | undefined;
}
/** WebSocket close codes the server uses (docs/protocol.md, *Limits and connection lifetime*). */
export const CloseCode: Readonly<{
    NORMAL: 1000;
    GOING_AWAY: 1001;
    ABNORMAL: 1006;
    POLICY: 1008;
    TOO_BIG: 1009;
    HEARTBEAT_TIMEOUT: 4001;
    TOO_SLOW: 4002;
    TOKEN_EXPIRED: 4003;
    JOIN_DEADLINE: 4004;
    REMOVED: 4005;
    ROOM_CLOSED: 4006;
}>;
