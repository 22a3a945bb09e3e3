// The client state machine: one object per connection to an sfu server (docs/protocol.md).
// It owns the signaling socket, the mediasoup-client Device and transports, and does on its own
// what every app would otherwise get wrong: resume after a dropped socket, set media up again
// after `mediaReset`, restart ICE, refresh the token before it expires, move to another server
// at an utterance boundary when this one drains, and stop for good when a moderator says so.
import { Emitter } from './emitter.js';
import { SfuError, CloseCode, isFinalClose, signalingUrl } from './errors.js';
import { Signaling } from './signaling.js';
import { tokenExpiryMs, refreshDelayMs } from './token.js';
import { Media } from './media.js';

/**
 * @typedef {'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed'} ConnectionState
 * @typedef {'broadcaster' | 'viewer'} Role
 * @typedef {{peerId: string, displayName?: string, role: Role}} PeerInfo
 * @typedef {{producerId: string, peerId: string, kind: 'audio' | 'video', paused?: boolean}} ProducerInfo
 * @typedef {{utteranceId: string, speakerUid: string, speakerPeerId: string, reason: string,
 *   speaker: PeerInfo | null}} FeedSwitched
 * @typedef {{track: MediaStreamTrack, kind: 'audio' | 'video', consumerId: string,
 *   producerId: string, peerId: string | null, feed: boolean, consumer: any}} TrackEvent
 *   (`consumer` is mediasoup-client's Consumer: `getStats()`, `paused`)
 * @typedef {{
 *   connectionState: ConnectionState,
 *   joined: {peerId: string, room: string, role: Role, peers: PeerInfo[], producers: ProducerInfo[]},
 *   peerJoined: PeerInfo,
 *   peerLeft: {peerId: string},
 *   newProducer: ProducerInfo,
 *   producerClosed: {producerId: string, peerId: string},
 *   producerPaused: {producerId: string, peerId: string, byServer?: boolean, mine: boolean},
 *   producerResumed: {producerId: string, peerId: string, byServer?: boolean, mine: boolean},
 *   feedSwitched: FeedSwitched,
 *   feedWaiting: {reason: string, stopped?: string},
 *   track: TrackEvent,
 *   trackEnded: {consumerId: string, kind: 'audio' | 'video', peerId: string | null, feed: boolean},
 *   transportState: {direction: 'send' | 'recv', state: string},
 *   mediaReset: {reason: string},
 *   resumed: {peerId: string},
 *   rejoined: {peerId: string, reason: string},
 *   tokenRefreshed: {expiresAtMs: number | null},
 *   serverDraining: {reason: string, deadlineMs: number},
 *   serverShutdown: {reason: string, reconnectAfterMs: number},
 *   removed: {reason: string},
 *   roomClosed: {reason: string},
 *   disconnected: {code: number, reason: string},
 *   closed: {code: number, reason: string},
 *   error: SfuError,
 * }} ClientEvents
 */

/**
 * @typedef {object} ClientOptions
 * @property {any} Device mediasoup-client's Device class (the package entry passes it)
 * @property {any} [WebSocket] the WebSocket class (default: the global one)
 * @property {number} [requestTimeoutMs] how long a request may wait for its answer (10 s)
 * @property {number} [reconnectAttempts] attempts to take a dropped session back (6)
 * @property {number} [reconnectDelayMs] first back-off between attempts, doubled each time (250 ms)
 * @property {number} [iceRestartDelayMs] how long a `disconnected` transport may recover alone (2 s)
 * @property {'all' | 'relay'} [iceTransportPolicy] 'relay' forces media through TURN
 * @property {number} [minRefreshDelayMs] the soonest a token refresh is scheduled (1 s)
 * @property {string[]} [nodes] other nodes of a cluster (`http(s)://host:port` or their
 *   `ws(s)://…/ws`): when the client's node is gone it asks them (and the nodes it learnt of)
 *   for the live nodes (`/cluster/nodes`) and joins one
 * @property {typeof fetch | null} [fetch] reads `/cluster/nodes` (default: the global fetch;
 *   null: never)
 * @property {() => number} [now] the clock (ms since the Unix epoch)
 * @property {typeof setTimeout} [setTimeout]
 * @property {typeof clearTimeout} [clearTimeout]
 */

/** Nodes of a cluster remembered. */
const MAX_NODES = 64;
/** One read of a node's `/cluster/nodes`. */
const LIST_TIMEOUT_MS = 2000;
/** Errors after which the client tries another node of its cluster. */
const NODE_GONE = ['not_connected', 'closed', 'timeout', 'shutting_down', 'cluster_unavailable', 'redirect'];

/** @extends {Emitter<ClientEvents>} */
export class Client extends Emitter {
  /** @param {ClientOptions} options */
  constructor(options) {
    super();
    if (!options || !options.Device) throw new TypeError('Client needs mediasoup-client\'s Device');
    this.options = {
      WebSocket: globalThis.WebSocket,
      requestTimeoutMs: 10_000,
      reconnectAttempts: 6,
      reconnectDelayMs: 250,
      iceRestartDelayMs: 2_000,
      iceTransportPolicy: 'all',
      minRefreshDelayMs: 1000,
      nodes: [],
      fetch: typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : null,
      now: () => Date.now(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (t) => clearTimeout(t),
      ...options,
    };
    /** @type {ConnectionState} */
    this.connectionState = 'idle';
    this.url = null;
    this.auth = { token: undefined, getToken: undefined };
    /** @type {Signaling | null} */
    this.sig = null;
    /** @type {{room: string, role: Role, displayName?: string, peerId: string, resumeToken: string} | null} */
    this.session = null;
    /** @type {Map<string, PeerInfo>} */
    this.peers = new Map();
    /** @type {FeedSwitched | {waiting: string} | null} what the feed plays now */
    this.feed = null;
    this.media = new Media(this);
    this.timers = { refresh: null, drain: null };
    this.token = undefined;
    this.reconnecting = null;
    this.rejoining = false;
    this.draining = null;
    /** @type {string[]} signaling URLs of the cluster's nodes known so far */
    this.knownNodes = [];
    for (const url of this.options.nodes || []) this.knowNode(url);
  }

  // ---- connection ----

  /**
   * Opens the connection. `token` is a Firebase ID token; `getToken` is called for a fresh one
   * before each join and before the current one expires (e.g. `() => user.getIdToken()`).
   * @param {string} url the server's WebSocket URL (`wss://host/ws`)
   * @param {{token?: string, getToken?: () => Promise<string> | string}} [auth]
   */
  async connect(url, auth = {}) {
    if (this.sig) throw new SfuError('already_connected', 'connect was called twice; close first');
    this.url = url;
    this.auth = { token: auth.token, getToken: auth.getToken };
    this.setConnectionState('connecting');
    try {
      this.sig = await this.openSignaling(url);
    } catch (err) {
      this.setConnectionState('closed');
      throw err;
    }
    this.setConnectionState('connected');
  }

  /** @param {string} url */
  async openSignaling(url) {
    const o = this.options;
    /** @type {Signaling} */
    const sig = new Signaling(url, {
      WebSocket: o.WebSocket,
      requestTimeoutMs: o.requestTimeoutMs,
      setTimeout: o.setTimeout,
      clearTimeout: o.clearTimeout,
      onNotification: (name, data) => {
        if (sig === this.sig) this.onNotification(name, data);
      },
      onClose: (code, reason) => {
        if (sig === this.sig) this.onSocketClosed(code, reason);
      },
      onStrayError: (err) => this.emit('error', err),
    });
    await sig.open();
    return sig;
  }

  /**
   * Sends one request on the current connection (for methods the client has no helper for).
   * @param {string} method
   * @param {object} [data]
   */
  request(method, data) {
    if (!this.sig) return Promise.reject(new SfuError('not_connected', 'connect first', method));
    return this.sig.request(method, data);
  }

  /** The receive transport (mediasoup-client's), e.g. for `getStats()`; null before media. */
  get recvTransport() {
    return this.media.recv;
  }

  /** The send transport (mediasoup-client's); null before `broadcast`. */
  get sendTransport() {
    return this.media.send;
  }

  /**
   * The STUN/TURN servers the server gave in `join` (TURN with its short-lived credentials),
   * as the transports use them; empty before `join`.
   * @returns {RTCIceServer[]}
   */
  get iceServers() {
    return this.media.iceServers;
  }

  /**
   * Whether the live consumer `consumerId` is paused on the server (not chosen in `listen`).
   * @param {string} consumerId
   */
  isPaused(consumerId) {
    const c = this.media.consumers.get(consumerId);
    return c ? c.paused : false;
  }

  /** @param {ConnectionState} state */
  setConnectionState(state) {
    if (this.connectionState === state) return;
    this.connectionState = state;
    this.emit('connectionState', state);
  }

  // ---- room ----

  /**
   * Joins `room` as `role`; loads the Device with the room's capabilities first.
   * @param {string} room
   * @param {Role} role
   * @param {{displayName?: string}} [opts]
   */
  async join(room, role, opts = {}) {
    if (!this.sig) throw new SfuError('not_connected', 'connect first', 'join');
    if (this.session) throw new SfuError('already_joined', `already in room ${this.session.room}`, 'join');
    const joined = await this.joinFollowingRedirects(room, role, opts.displayName);
    this.session = { room, role, displayName: opts.displayName, peerId: joined.peerId, resumeToken: joined.resumeToken };
    this.peers = new Map(joined.peers.map((p) => [p.peerId, p]));
    this.media.onJoined(joined);
    this.scheduleRefresh();
    this.learnNodes(/** @type {string} */ (this.url));
    this.emit('joined', { peerId: joined.peerId, room: joined.room, role: joined.role, peers: joined.peers, producers: joined.producers });
    return joined;
  }

  /**
   * Sends `join` on the current connection; a node of a cluster that answers `redirect` names
   * another node: the client connects there (leaving the old connection) and joins again, up to
   * 3 times.
   * @param {string} room
   * @param {Role} role
   * @param {string} [displayName]
   */
  async joinFollowingRedirects(room, role, displayName) {
    for (let redirects = 0; ; redirects++) {
      try {
        return await this.sendJoin(/** @type {Signaling} */ (this.sig), room, role, displayName);
      } catch (err) {
        if (!(err instanceof SfuError && err.code === 'redirect' && err.url && redirects < 3)) throw err;
        const url = signalingUrl(err.url);
        const old = this.sig;
        this.sig = await this.openSignaling(url);
        this.url = url;
        if (old) old.close(CloseCode.NORMAL, 'redirected');
      }
    }
  }

  /**
   * Sends `join` (with a fresh token) on `sig`.
   * @param {Signaling} sig
   * @param {string} room
   * @param {Role} role
   * @param {string} [displayName]
   */
  async sendJoin(sig, room, role, displayName) {
    await this.media.loadDevice(sig);
    const token = await this.freshToken();
    const data = { room, role, rtpCapabilities: this.media.device.rtpCapabilities };
    if (displayName) data.displayName = displayName;
    if (token) data.token = token;
    return sig.request('join', data);
  }

  async freshToken() {
    if (this.auth.getToken) this.token = await this.auth.getToken();
    else this.token = this.auth.token;
    return this.token;
  }

  /**
   * Sends the microphone (and camera) tracks; they are sent again after a media reset or a move
   * to another server, so the app must not stop them while broadcasting.
   * @param {{audio?: MediaStreamTrack, video?: MediaStreamTrack}} tracks
   */
  broadcast(tracks) {
    this.needJoined('broadcast');
    return this.media.broadcast(tracks);
  }

  /**
   * Pauses (`true`) or resumes the broadcast's track of `kind` on the server.
   * @param {boolean} muted
   * @param {'audio' | 'video'} [kind]
   */
  setMuted(muted, kind = 'audio') {
    this.needJoined('setMuted');
    return this.media.setMuted(muted, kind);
  }

  /**
   * Listens live: consumes every producer of the room, now and as they start, and plays those
   * of `peerId` (or of everyone with `'*'`); the others' consumers stay paused on the server.
   * Calling it again with another peer switches. Tracks come as `track` events.
   * @param {string} [peerOrAll]
   */
  listen(peerOrAll = '*') {
    this.needJoined('listen');
    return this.media.listen(peerOrAll);
  }

  /**
   * Subscribes to the feed: one audio (and with `video`, one video) stream that the server
   * switches utterance by utterance (`feedSwitched`). Resolves with the tracks.
   * @param {{video?: boolean}} [opts]
   */
  subscribeFeed(opts = {}) {
    this.needJoined('subscribeFeed');
    return this.media.subscribeFeed(!!opts.video);
  }

  /** Moves the feed to the next utterance now. */
  skip() {
    return this.request('skip');
  }

  /** Tells the recommender the viewer likes the utterance the feed plays now. */
  like() {
    return this.request('like');
  }

  /**
   * Replaces the feed's preferences: `favour` speakers first, `mute` speakers never (uids).
   * @param {{favour?: string[], mute?: string[]}} prefs
   */
  setPreferences(prefs) {
    const data = {};
    if (prefs.favour) data.favour = prefs.favour;
    if (prefs.mute) data.mute = prefs.mute;
    return this.request('setPreferences', data);
  }

  /** Leaves the room (the connection stays open: `join` may follow). */
  async leave() {
    const sig = this.sig;
    this.endSession();
    if (sig) await sig.request('leave').catch(() => undefined);
  }

  /** Leaves and closes the connection; nothing is retried afterwards. */
  async close() {
    const sig = this.sig;
    this.endSession();
    this.sig = null;
    if (sig) {
      await sig.request('leave', undefined, { timeoutMs: 1000 }).catch(() => undefined);
      sig.close(CloseCode.NORMAL, 'client closed');
    }
    this.setConnectionState('closed');
  }

  endSession() {
    this.session = null;
    this.feed = null;
    this.peers.clear();
    this.media.closeAll();
    this.media.forget();
    for (const key of Object.keys(this.timers)) {
      this.options.clearTimeout(this.timers[key]);
      this.timers[key] = null;
    }
    this.draining = null;
  }

  /** @param {string} method */
  needJoined(method) {
    if (!this.session) throw new SfuError('not_joined', 'join a room first', method);
  }

  // ---- what the server says ----

  /** @param {string} name @param {any} data */
  onNotification(name, data) {
    switch (name) {
      case 'peerJoined':
        this.peers.set(data.peerId, data);
        break;
      case 'peerLeft':
        this.peers.delete(data.peerId);
        break;
      case 'newProducer':
        this.media.onNewProducer(data);
        break;
      case 'consumerClosed':
        this.media.onConsumerClosed(data.consumerId);
        return;
      case 'producerPaused':
      case 'producerResumed':
        this.emit(name, { ...data, mine: this.media.ownsProducer(data.producerId) });
        return;
      case 'feedSwitched':
        this.feed = { ...data, speaker: this.peers.get(data.speakerPeerId) || null };
        this.emit('feedSwitched', /** @type {FeedSwitched} */ (this.feed));
        this.draining?.atBoundary();
        return;
      case 'feedWaiting':
        this.feed = { waiting: data.reason };
        this.draining?.atBoundary();
        break;
      case 'mediaReset':
        this.emit('mediaReset', data);
        this.media.reset().catch((err) => this.emit('error', err));
        return;
      case 'serverDraining':
        this.emit('serverDraining', data);
        this.onDraining(data);
        return;
      case 'redirect':
        this.moveTo(signalingUrl(data.url), 'redirect').catch((err) => this.emit('error', err));
        return;
      default:
        break;
    }
    this.emit(/** @type {any} */ (name), data);
  }

  /** @param {number} code @param {string} reason */
  onSocketClosed(code, reason) {
    this.sig = null;
    const session = this.session;
    if (isFinalClose(code) || !session) {
      this.endSession();
      this.setConnectionState('closed');
      this.emit('closed', { code, reason });
      return;
    }
    this.emit('disconnected', { code, reason });
    this.reconnect(code === CloseCode.TOKEN_EXPIRED ? 'tokenExpired' : 'dropped').catch((err) => this.emit('error', err));
  }

  // ---- coming back ----

  /**
   * The socket died under a session: take it back with `resume` on a new socket (media kept
   * flowing meanwhile), or join again when the server no longer has it. Bounded attempts.
   * @param {string} why
   */
  async reconnect(why) {
    if (this.reconnecting) return this.reconnecting;
    this.setConnectionState('reconnecting');
    this.reconnecting = this.retry(why).finally(() => { this.reconnecting = null; });
    return this.reconnecting;
  }

  async retry(why) {
    const o = this.options;
    let lastError = null;
    // The first attempt goes to the same URL (a load balancer, or the node back); then, if it
    // cannot be reached, to the live nodes of its cluster.
    const gone = /** @type {string} */ (this.url);
    let unreachable = 0;
    for (let attempt = 0; attempt < o.reconnectAttempts && this.session; attempt++) {
      if (attempt > 0) await this.sleep(o.reconnectDelayMs * 2 ** (attempt - 1));
      const url = unreachable === 0 ? gone : await this.nextNode(gone, unreachable - 1);
      this.url = url;
      try {
        await this.comeBack(url, why);
        this.setConnectionState('connected');
        return;
      } catch (err) {
        lastError = err;
        if (err instanceof SfuError && ['forbidden', 'unauthenticated', 'banned'].includes(err.code)) break;
        if (!(err instanceof SfuError) || NODE_GONE.includes(err.code)) unreachable += 1;
      }
    }
    if (!this.session) return;
    this.endSession();
    this.setConnectionState('closed');
    const error = new SfuError('closed', `the connection was lost and could not be taken back: ${lastError && lastError.message}`);
    this.emit('error', error);
    this.emit('closed', { code: CloseCode.ABNORMAL, reason: error.message });
  }

  /** One attempt: a new socket, `resume` (unless the token expired), else `join` again. */
  async comeBack(url, why) {
    const sig = await this.openSignaling(url);
    try {
      const session = /** @type {NonNullable<Client['session']>} */ (this.session);
      if (why !== 'tokenExpired' && await this.tryResume(sig, session)) return;
      await this.rejoin(sig, why);
    } catch (err) {
      if (this.sig === sig) this.sig = null;
      sig.close(CloseCode.NORMAL, 'giving up this attempt');
      throw err;
    }
  }

  /** @returns {Promise<boolean>} whether the server took the session back */
  async tryResume(sig, session) {
    let resumed;
    try {
      resumed = await sig.request('resume', { resumeToken: session.resumeToken });
    } catch (err) {
      if (err instanceof SfuError && err.code === 'session_expired') return false;
      throw err;
    }
    this.sig = sig;
    session.resumeToken = resumed.resumeToken;
    this.emit('resumed', { peerId: resumed.peerId });
    return true;
  }

  /** Joins the same room again on `sig` (a new peer) and sets media up as before. */
  async rejoin(sig, reason) {
    const session = /** @type {NonNullable<Client['session']>} */ (this.session);
    this.sig = sig;
    this.rejoining = true;
    let joined;
    try {
      // A node of a cluster sends a broadcaster on to the room's home.
      joined = await this.joinFollowingRedirects(session.room, session.role, session.displayName);
    } catch (err) {
      if (this.sig && this.sig !== sig) this.sig.close(CloseCode.NORMAL, 'giving up this attempt');
      this.sig = sig;
      throw err;
    } finally {
      this.rejoining = false;
    }
    session.peerId = joined.peerId;
    session.resumeToken = joined.resumeToken;
    this.peers = new Map(joined.peers.map((p) => [p.peerId, p]));
    this.media.onJoined(joined);
    this.scheduleRefresh();
    this.learnNodes(/** @type {string} */ (this.url));
    await this.media.rebuild();
    this.emit('rejoined', { peerId: joined.peerId, reason });
  }

  /** @param {number} ms */
  sleep(ms) {
    return new Promise((resolve) => this.options.setTimeout(resolve, ms));
  }

  // ---- token refresh ----

  scheduleRefresh() {
    this.options.clearTimeout(this.timers.refresh);
    this.timers.refresh = null;
    const exp = this.token ? tokenExpiryMs(this.token) : null;
    if (!this.auth.getToken || exp === null) return;
    const delay = refreshDelayMs(exp, this.options.now(), this.options.minRefreshDelayMs);
    this.timers.refresh = this.options.setTimeout(() => {
      this.timers.refresh = null;
      this.refreshToken().catch((err) => this.emit('error', err));
    }, delay);
  }

  /**
   * Gets a fresh token from the app and gives it to the server (`refreshToken`). On failure (the
   * socket is coming back, the app's getToken failed) it tries again every second until the
   * session ends; if the token expires meanwhile the server closes with 4003 and the client
   * joins again with a fresh one.
   */
  async refreshToken() {
    if (!this.session) return;
    try {
      if (!this.sig || this.reconnecting || this.rejoining) {
        throw new SfuError('not_connected', 'the connection is coming back; the token is refreshed after', 'refreshToken');
      }
      const token = await this.freshToken();
      try {
        await this.sig.request('refreshToken', { token });
      } catch (err) {
        // A server without refreshToken: move to a new connection with the fresh token instead.
        if (!(err instanceof SfuError && err.code === 'unknown_method')) throw err;
        await this.moveTo(this.url, 'tokenRefresh');
      }
      this.scheduleRefresh();
      this.emit('tokenRefreshed', { expiresAtMs: token ? tokenExpiryMs(token) : null });
    } catch (err) {
      if (!this.session) return;
      this.options.clearTimeout(this.timers.refresh);
      this.timers.refresh = this.options.setTimeout(() => {
        this.timers.refresh = null;
        this.refreshToken().catch((e) => this.emit('error', e));
      }, 1000);
      throw err;
    }
  }

  // ---- draining and moving ----

  /** @param {{deadlineMs: number}} data */
  onDraining(data) {
    if (!this.session || this.draining) return;
    const o = this.options;
    // Leave when the feed is between utterances, or when the deadline is near.
    const left = Math.max(0, data.deadlineMs - o.now());
    const go = () => {
      if (!this.draining || this.draining.started) return;
      this.draining.started = true;
      this.options.clearTimeout(this.timers.drain);
      this.moveTo(this.url, 'serverDraining')
        .catch((err) => this.emit('error', err))
        .finally(() => { this.draining = null; });
    };
    this.draining = { started: false, atBoundary: go };
    const fallback = this.media.feedSubscribed() ? Math.max(0, left - 2000) : 0;
    this.timers.drain = o.setTimeout(go, fallback);
  }

  /**
   * Make before break: joins on a new connection to `url` (another instance behind the same
   * address, or the one a redirect names), then leaves the old one.
   * @param {string | null} url
   * @param {string} reason
   */
  async moveTo(url, reason) {
    if (!this.session || !url) return;
    const old = this.sig;
    const attempts = this.options.reconnectAttempts;
    for (let attempt = 0; attempt < attempts && this.session && this.sig === old; attempt++) {
      if (attempt > 0) await this.sleep(this.options.reconnectDelayMs * 2 ** (attempt - 1));
      let sig;
      try {
        sig = await this.openSignaling(url);
      } catch (_) {
        continue; // a draining server refuses new connections: its peers stay until one opens
      }
      this.url = url;
      try {
        await this.rejoin(sig, reason);
      } catch (err) {
        sig.close(CloseCode.NORMAL, 'giving up this attempt');
        this.sig = old;
        throw err;
      }
      if (old) {
        old.request('leave', undefined, { timeoutMs: 1000 }).catch(() => undefined)
          .finally(() => old.close(CloseCode.NORMAL, 'moved'));
      }
      return;
    }
  }

  // ---- the cluster's nodes ----

  /** @param {string} url a node's URL (`http(s)://` or its signaling URL) */
  knowNode(url) {
    const ws = signalingUrl(url);
    if (!this.knownNodes.includes(ws) && this.knownNodes.length < MAX_NODES) this.knownNodes.push(ws);
  }

  /**
   * The nodes the node at `url` lists as live (`/cluster/nodes`), or null when it does not
   * answer (a server on its own answers 404).
   * @param {string} url
   * @returns {Promise<{url: string, draining?: boolean}[] | null>}
   */
  async listNodes(url) {
    const fetch = this.options.fetch;
    if (!fetch) return null;
    const base = url.replace(/\/ws\/?$/, '').replace(/^ws(s?):\/\//, 'http$1://');
    let timer;
    const timeout = new Promise((resolve) => { timer = this.options.setTimeout(() => resolve(null), LIST_TIMEOUT_MS); });
    const read = (async () => {
      const response = await fetch(`${base}/cluster/nodes`);
      if (!response.ok) return null;
      const body = await response.json();
      return Array.isArray(body.nodes) ? body.nodes : null;
    })().catch(() => null);
    try {
      return await Promise.race([read, timeout]);
    } finally {
      this.options.clearTimeout(timer);
    }
  }

  /** Remembers the live nodes the node at `url` lists (best effort, in the background). */
  learnNodes(url) {
    this.listNodes(url).then((nodes) => {
      for (const n of nodes || []) if (!n.draining && typeof n.url === 'string') this.knowNode(n.url);
    }).catch(() => undefined);
  }

  /**
   * The node to try after `gone` could not be reached, the `turn`-th in the list: the live
   * nodes (not draining) that the first known node to answer lists, then the other known ones.
   * @param {string} gone
   * @param {number} turn
   */
  async nextNode(gone, turn) {
    const candidates = [];
    for (const url of this.knownNodes.filter((u) => u !== gone)) {
      const listed = await this.listNodes(url);
      if (!listed) continue;
      for (const n of listed) {
        const ws = typeof n.url === 'string' ? signalingUrl(n.url) : null;
        if (ws && !n.draining && ws !== gone && !candidates.includes(ws)) candidates.push(ws);
      }
      break;
    }
    for (const ws of candidates) this.knowNode(ws);
    for (const url of this.knownNodes) if (url !== gone && !candidates.includes(url)) candidates.push(url);
    return candidates.length ? candidates[turn % candidates.length] : gone;
  }
}
