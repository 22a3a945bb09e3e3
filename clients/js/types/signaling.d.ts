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
    constructor(url: string, options: SignalingOptions);
    url: string;
    options: SignalingOptions;
    nextId: number;
    /** @type {Map<number, {resolve: Function, reject: Function, timer: any, method: string}>} */
    pending: Map<number, {
        resolve: Function;
        reject: Function;
        timer: any;
        method: string;
    }>;
    ws: any;
    closed: boolean;
    /** Opens the socket; rejects if it cannot be opened within the request timeout. */
    open(): Promise<any>;
    /** @param {any} text */
    onMessage(text: any): void;
    /**
     * Sends one request; resolves with its response data, rejects with an SfuError.
     * @param {string} method
     * @param {object} [data]
     * @param {{timeoutMs?: number}} [opts]
     * @returns {Promise<any>}
     */
    request(method: string, data?: object, opts?: {
        timeoutMs?: number;
    }): Promise<any>;
    /** @param {number} code @param {string} reason */
    onClosed(code: number, reason: string): void;
    /**
     * Closes the socket; the owner hears `onClose` at once (not when the close frame comes back).
     * @param {number} [code]
     * @param {string} [reason]
     */
    close(code?: number, reason?: string): void;
}
export type SignalingOptions = {
    WebSocket: any;
    requestTimeoutMs: number;
    onNotification: (name: string, data: any) => void;
    onClose: (code: number, reason: string) => void;
    onStrayError: (err: SfuError) => void;
    setTimeout: typeof setTimeout;
    clearTimeout: typeof clearTimeout;
};
import { SfuError } from './errors.js';
