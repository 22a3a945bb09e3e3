// One WebSocket speaking docs/protocol.md: request ids, answers matched to their requests, a
// timeout per request, notifications handed to the owner, and the close reported once.
import { SfuError } from './errors.js';

const OPEN = 1;

/**
 * @typedef {{
 *   WebSocket: any,
 *   requestTimeoutMs: number,
 *   onNotification: (name: string, data: any) => void,
 *   onClose: (code: number, reason: string) => void,
 *   onStrayError: (err: SfuError) => void,
 *   setTimeout: typeof setTimeout,
 *   clearTimeout: typeof clearTimeout,
 * }} SignalingOptions
 */

export class Signaling {
  /**
   * @param {string} url
   * @param {SignalingOptions} options
   */
  constructor(url, options) {
    this.url = url;
    this.options = options;
    this.nextId = 1;
    /** @type {Map<number, {resolve: Function, reject: Function, timer: any, method: string}>} */
    this.pending = new Map();
    this.ws = null;
    this.closed = false;
  }

  /** Opens the socket; rejects if it cannot be opened within the request timeout. */
  open() {
    const { WebSocket: Ws, requestTimeoutMs } = this.options;
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (err) => {
        if (settled) return;
        settled = true;
        this.options.clearTimeout(timer);
        if (err) reject(err);
        else resolve(undefined);
      };
      const timer = this.options.setTimeout(() => {
        settle(new SfuError('timeout', `no connection to ${this.url} within ${requestTimeoutMs} ms`));
        this.close(1000, 'connect timeout');
      }, requestTimeoutMs);
      let ws;
      try {
        ws = new Ws(this.url);
      } catch (err) {
        settle(new SfuError('not_connected', `cannot open ${this.url}: ${err && err.message}`));
        return;
      }
      this.ws = ws;
      ws.onopen = () => settle(null);
      ws.onerror = () => settle(new SfuError('not_connected', `cannot reach the server at ${this.url}`));
      ws.onclose = (e) => {
        settle(new SfuError('not_connected', `the server at ${this.url} closed the connection (${e.code})`));
        this.onClosed(e.code, e.reason || '');
      };
      ws.onmessage = (e) => this.onMessage(e.data);
    });
  }

  /** @param {any} text */
  onMessage(text) {
    let msg;
    try {
      msg = JSON.parse(text);
    } catch (_) {
      this.options.onStrayError(new SfuError('bad_json', 'the server sent a frame that is not JSON'));
      return;
    }
    if (msg && typeof msg.notification === 'string') {
      this.options.onNotification(msg.notification, msg.data || {});
      return;
    }
    const waiting = msg && typeof msg.id === 'number' ? this.pending.get(msg.id) : undefined;
    if (!waiting) {
      if (msg && msg.ok === false && msg.error) {
        this.options.onStrayError(new SfuError(msg.error.code, msg.error.message));
      }
      return;
    }
    this.pending.delete(msg.id);
    this.options.clearTimeout(waiting.timer);
    if (msg.ok) waiting.resolve(msg.data || {});
    else {
      const error = msg.error || { code: 'internal', message: 'error without a body' };
      const err = new SfuError(error.code, error.message, waiting.method);
      if (typeof error.url === 'string') err.url = error.url;
      waiting.reject(err);
    }
  }

  /**
   * Sends one request; resolves with its response data, rejects with an SfuError.
   * @param {string} method
   * @param {object} [data]
   * @param {{timeoutMs?: number}} [opts]
   * @returns {Promise<any>}
   */
  request(method, data, opts = {}) {
    if (!this.ws || this.ws.readyState !== OPEN || this.closed) {
      return Promise.reject(new SfuError('not_connected', 'the connection is not open', method));
    }
    const id = this.nextId++;
    const timeoutMs = opts.timeoutMs ?? this.options.requestTimeoutMs;
    return new Promise((resolve, reject) => {
      const timer = this.options.setTimeout(() => {
        this.pending.delete(id);
        reject(new SfuError('timeout', `no answer within ${timeoutMs} ms`, method));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer, method });
      this.ws.send(JSON.stringify(data === undefined ? { id, method } : { id, method, data }));
    });
  }

  /** @param {number} code @param {string} reason */
  onClosed(code, reason) {
    if (this.closed) return;
    this.closed = true;
    for (const { reject, timer, method } of this.pending.values()) {
      this.options.clearTimeout(timer);
      reject(new SfuError('closed', `the connection closed (${code}) before the answer`, method));
    }
    this.pending.clear();
    this.options.onClose(code, reason);
  }

  /**
   * Closes the socket; the owner hears `onClose` at once (not when the close frame comes back).
   * @param {number} [code]
   * @param {string} [reason]
   */
  close(code = 1000, reason = '') {
    const ws = this.ws;
    if (ws) {
      ws.onclose = null;
      ws.onmessage = null;
      ws.onerror = null;
      try {
        ws.close(code, reason);
      } catch (_) { /* already closing */ }
    }
    this.onClosed(code, reason);
  }
}
