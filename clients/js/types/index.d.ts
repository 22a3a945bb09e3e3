export { tokenExpiryMs } from "./token.js";
/**
 * One connection to an sfu server, with mediasoup-client's Device built in.
 * @example
 *   const sfu = new SfuClient();
 *   await sfu.connect('wss://sfu.example/ws', { getToken: () => user.getIdToken() });
 *   await sfu.join('lobby', 'viewer');
 *   sfu.on('track', ({ track }) => { audio.srcObject = new MediaStream([track]); });
 *   await sfu.subscribeFeed();
 */
export class SfuClient extends Client {
    /** @param {Omit<import('./client.js').ClientOptions, 'Device'> & {Device?: any}} [options] */
    constructor(options?: Omit<import("./client.js").ClientOptions, "Device"> & {
        Device?: any;
    });
}
export { Client };
import { Client } from './client.js';
export { SfuError, CloseCode } from "./errors.js";
