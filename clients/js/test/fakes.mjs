// A fake sfu server behind a fake WebSocket class, and a fake mediasoup-client Device: enough
// of both for the client's state machine to run in Node without a network or a browser.

const tick = () => new Promise((r) => setTimeout(r, 0));

export class FakeServer {
  constructor() {
    this.sockets = [];
    this.log = [];
    this.next = 1;
    this.refuse = false;
    /** @type {Set<string>} URLs whose sockets are refused (a dead node) */
    this.refuseUrls = new Set();
    this.silent = new Set();
    /** @type {Record<string, (data: any, ws: any) => any>} overrides; throw {code, message} to fail */
    this.handlers = {};
    this.sessions = new Map(); // resumeToken -> peerId
    this.producers = [];
    this.peers = [];
    const server = this;
    this.WebSocket = class extends FakeSocket {
      constructor(url) {
        super(server, url);
      }
    };
  }

  id(prefix) {
    return `${prefix}${this.next++}`;
  }

  get open() {
    return this.sockets.filter((s) => s.readyState === 1);
  }

  get last() {
    return this.sockets[this.sockets.length - 1];
  }

  requests(method) {
    return this.log.filter((r) => r.method === method);
  }

  answer(ws, method, data) {
    if (this.handlers[method]) return this.handlers[method](data, ws);
    switch (method) {
      case 'getRouterRtpCapabilities':
        return { routerRtpCapabilities: { codecs: [] } };
      case 'join': {
        const peerId = this.id('peer');
        const resumeToken = this.id('rt');
        this.sessions.set(resumeToken, peerId);
        return { peerId, room: data.room, role: data.role, resumeToken, routerRtpCapabilities: { codecs: [] }, iceServers: [], peers: this.peers, producers: this.producers };
      }
      case 'resume': {
        const peerId = this.sessions.get(data.resumeToken);
        if (!peerId) throw { code: 'session_expired', message: 'no session to resume with this token' };
        this.sessions.delete(data.resumeToken);
        const resumeToken = this.id('rt');
        this.sessions.set(resumeToken, peerId);
        return { peerId, resumeToken, transports: [], producers: [], consumers: [] };
      }
      case 'createTransport':
        return { transportId: this.id('t'), direction: data.direction, iceParameters: { usernameFragment: 'u', password: 'p' }, iceCandidates: [], dtlsParameters: { fingerprints: [] } };
      case 'produce':
        return { producerId: this.id('pr') };
      case 'consume': {
        const p = this.producers.find((x) => x.producerId === data.producerId);
        return { consumerId: this.id('c'), producerId: data.producerId, kind: p ? p.kind : 'audio', rtpParameters: {}, type: 'simple', producerPaused: false };
      }
      case 'subscribeFeed': {
        const audio = { consumerId: this.id('fc'), producerId: 'feed-audio', kind: 'audio', rtpParameters: {}, type: 'simple', producerPaused: false };
        const video = data.video ? { consumerId: this.id('fv'), producerId: 'feed-video', kind: 'video', rtpParameters: {}, type: 'simple', producerPaused: false } : undefined;
        return video ? { ...audio, video } : audio;
      }
      case 'restartIce':
        return { iceParameters: { usernameFragment: 'restarted', password: 'p2' } };
      default:
        return {};
    }
  }

  async receive(ws, msg) {
    this.log.push({ ...msg, ws });
    if (this.silent.has(msg.method)) return;
    await tick();
    let reply;
    try {
      reply = { id: msg.id, ok: true, data: await this.answer(ws, msg.method, msg.data || {}) };
    } catch (e) {
      reply = { id: msg.id, ok: false, error: { code: e.code || 'internal', message: e.message || String(e), ...(e.url ? { url: e.url } : {}) } };
    }
    ws.deliver(reply);
  }

  notify(ws, notification, data) {
    ws.deliver({ notification, data });
  }

  /** The network drops the connection (no close frame). */
  drop(ws) {
    ws.serverClose(1006, '');
  }
}

class FakeSocket {
  constructor(server, url) {
    this.server = server;
    this.url = url;
    this.readyState = 0;
    this.closedBy = null;
    server.sockets.push(this);
    setTimeout(() => {
      if (server.refuse || server.refuseUrls.has(url)) {
        this.readyState = 3;
        this.onerror?.({});
        this.onclose?.({ code: 1006, reason: '' });
        return;
      }
      this.readyState = 1;
      this.onopen?.({});
    }, 0);
  }

  send(text) {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.server.receive(this, JSON.parse(text));
  }

  deliver(msg) {
    if (this.readyState === 1) this.onmessage?.({ data: JSON.stringify(msg) });
  }

  close(code = 1000, reason = '') {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.closedBy = { side: 'client', code, reason };
    setTimeout(() => this.onclose?.({ code, reason }), 0);
  }

  serverClose(code, reason) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.closedBy = { side: 'server', code, reason };
    setTimeout(() => this.onclose?.({ code, reason }), 0);
  }
}

class FakeHandle {
  constructor() {
    this.handlers = new Map();
    this.closed = false;
  }

  on(name, fn) {
    this.handlers.set(name, fn);
  }

  emit(name, ...args) {
    const fn = this.handlers.get(name);
    if (fn) fn(...args);
  }
}

export class FakeTransport extends FakeHandle {
  constructor(direction, options) {
    super();
    this.direction = direction;
    this.id = options.id;
    this.options = options;
    this.connectionState = 'new';
    this.connected = false;
    this.iceRestarts = [];
    FakeDevice.transports.push(this);
  }

  async connectOnce() {
    if (this.connected) return;
    this.connected = true;
    await new Promise((ok, fail) => this.emit('connect', { dtlsParameters: { role: 'client', fingerprints: [] } }, ok, fail));
  }

  async produce({ track }) {
    await this.connectOnce();
    const { id } = await new Promise((ok, fail) => this.emit('produce', { kind: track.kind, rtpParameters: {}, appData: {} }, ok, fail));
    return { id, kind: track.kind, track, paused: false, closed: false, pause() { this.paused = true; }, resume() { this.paused = false; }, close() { this.closed = true; } };
  }

  async consume({ id, producerId, kind }) {
    await this.connectOnce();
    return { id, producerId, kind, track: { kind, id: `track-${id}` }, paused: false, closed: false, pause() { this.paused = true; }, resume() { this.paused = false; }, close() { this.closed = true; } };
  }

  async restartIce({ iceParameters }) {
    this.iceRestarts.push(iceParameters);
  }

  setState(state) {
    this.connectionState = state;
    this.emit('connectionstatechange', state);
  }

  close() {
    this.closed = true;
  }
}

export class FakeDevice {
  static transports = [];

  async load({ routerRtpCapabilities }) {
    this.loaded = routerRtpCapabilities;
    this.rtpCapabilities = { codecs: [{ mimeType: 'audio/opus' }] };
  }

  createSendTransport(options) {
    return new FakeTransport('send', options);
  }

  createRecvTransport(options) {
    return new FakeTransport('recv', options);
  }
}

/** An unsigned JWT whose `exp` is `expMs` (ms since the epoch), like the Auth emulator's. */
export function fakeToken(expMs, sub = 'user-1') {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none' })}.${b64({ sub, exp: Math.floor(expMs / 1000) })}.`;
}

/** Polls `fn` until it is truthy (at most `ms`). */
export async function until(what, fn, ms = 2000) {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
