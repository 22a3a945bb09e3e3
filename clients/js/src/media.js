// The client's media side: the mediasoup-client Device, one send and one recv transport, the
// broadcast's producers, the live consumers and the feed's. It sets everything up again after
// `mediaReset` (or a join on a new connection) and restarts ICE when a transport loses its path.
import { SfuError } from './errors.js';

/** @typedef {import('./client.js').Client} Client */

export class Media {
  /** @param {Client} client */
  constructor(client) {
    this.client = client;
    this.device = null;
    this.iceServers = [];
    this.send = null;
    this.recv = null;
    /** @type {{audio?: MediaStreamTrack, video?: MediaStreamTrack} | null} what to broadcast */
    this.tracks = null;
    /** @type {Map<string, any>} kind -> producer */
    this.producers = new Map();
    /** @type {Set<string>} ids of our producers (current and during a reset) */
    this.producerIds = new Set();
    /** @type {string | null} whose producers to hear live: a peer id, '*' or null (none) */
    this.live = null;
    /** @type {Map<string, {consumer: any, producerId: string, peerId: string | null, kind: 'audio' | 'video', feed: boolean, paused: boolean}>} */
    this.consumers = new Map();
    /** @type {{video: boolean} | null} */
    this.feed = null;
    /** @type {Map<string, {peerId: string, kind: string}>} the room's producers */
    this.roomProducers = new Map();
    this.ready = Promise.resolve();
    this.restarting = new Set();
  }

  get sig() {
    const sig = this.client.sig;
    if (!sig) throw new SfuError('not_connected', 'the connection is not open');
    return sig;
  }

  async loadDevice(sig) {
    if (this.device) return;
    const { routerRtpCapabilities } = await sig.request('getRouterRtpCapabilities');
    const device = new this.client.options.Device();
    await device.load({ routerRtpCapabilities });
    this.device = device;
  }

  onJoined(joined) {
    this.iceServers = joined.iceServers || [];
    this.roomProducers = new Map(joined.producers.map((p) => [p.producerId, { peerId: p.peerId, kind: p.kind }]));
  }

  feedSubscribed() {
    return !!this.feed;
  }

  /** @param {string} producerId */
  ownsProducer(producerId) {
    return this.producerIds.has(producerId);
  }

  // ---- transports ----

  /** @param {'send' | 'recv'} direction */
  async transport(direction) {
    const existing = direction === 'send' ? this.send : this.recv;
    if (existing && !existing.closed) return existing;
    const sig = this.sig;
    const t = await sig.request('createTransport', { direction });
    const options = {
      id: t.transportId,
      iceParameters: t.iceParameters,
      iceCandidates: t.iceCandidates,
      dtlsParameters: t.dtlsParameters,
      iceServers: this.iceServers,
      iceTransportPolicy: this.client.options.iceTransportPolicy,
    };
    const transport = direction === 'send'
      ? this.device.createSendTransport(options)
      : this.device.createRecvTransport(options);
    this.wire(transport, direction);
    if (direction === 'send') this.send = transport;
    else this.recv = transport;
    return transport;
  }

  wire(transport, direction) {
    transport.on('connect', ({ dtlsParameters }, ok, fail) => {
      this.sig.request('connectTransport', { transportId: transport.id, dtlsParameters }).then(ok, fail);
    });
    if (direction === 'send') {
      transport.on('produce', ({ kind, rtpParameters, appData }, ok, fail) => {
        this.sig.request('produce', { transportId: transport.id, kind, rtpParameters, appData })
          .then(({ producerId }) => {
            this.producerIds.add(producerId);
            ok({ id: producerId });
          }, fail);
      });
    }
    transport.on('connectionstatechange', (state) => {
      this.client.emit('transportState', { direction, state });
      if (state === 'failed') this.restartIce(transport, 0);
      else if (state === 'disconnected') this.restartIce(transport, this.client.options.iceRestartDelayMs);
    });
  }

  /** Asks the server for new ICE credentials and hands them to the transport's ICE agent. */
  restartIce(transport, delayMs) {
    if (this.restarting.has(transport.id)) return;
    this.restarting.add(transport.id);
    const c = this.client;
    c.options.setTimeout(async () => {
      try {
        if (transport.closed || !['disconnected', 'failed'].includes(transport.connectionState)) return;
        if (c.reconnecting) await c.reconnecting;
        const { iceParameters } = await this.sig.request('restartIce', { transportId: transport.id });
        await transport.restartIce({ iceParameters });
      } catch (err) {
        c.emit('error', err instanceof SfuError ? err : new SfuError('ice_restart_failed', String(err && err.message)));
      } finally {
        this.restarting.delete(transport.id);
      }
    }, delayMs);
  }

  // ---- broadcasting ----

  async broadcast(tracks) {
    this.tracks = { ...tracks };
    await this.produceAll();
    return { producers: [...this.producers.values()] };
  }

  async produceAll() {
    const tracks = this.tracks || {};
    const kinds = /** @type {const} */ (['audio', 'video']).filter((k) => tracks[k] && !this.producers.has(k));
    if (!kinds.length) return;
    const transport = await this.transport('send');
    for (const kind of kinds) {
      // The tracks outlive the producer: after a reset they are produced again.
      const producer = await transport.produce({ track: tracks[kind], stopTracks: false });
      this.producers.set(kind, producer);
    }
  }

  async setMuted(muted, kind) {
    const producer = this.producers.get(kind);
    if (!producer) throw new SfuError('not_found', `no ${kind} broadcast`, 'setMuted');
    await this.sig.request(muted ? 'pauseProducer' : 'resumeProducer', { producerId: producer.id });
    if (muted) producer.pause();
    else producer.resume();
  }

  // ---- listening live ----
  // Every producer of the room is consumed, and only the chosen peer's consumers are resumed on
  // the server: choosing another peer is then instant, and unchosen audio costs no bandwidth.

  async listen(peerOrAll) {
    this.live = peerOrAll;
    await this.transport('recv');
    for (const [producerId, p] of this.roomProducers) {
      if (!this.consumesProducer(producerId)) await this.consume(producerId, p.peerId);
    }
    await this.applyChoice();
  }

  wanted(peerId) {
    return this.live === '*' || this.live === peerId;
  }

  consumesProducer(producerId) {
    for (const c of this.consumers.values()) if (c.producerId === producerId) return true;
    return false;
  }

  /** Consumes `producerId` (created paused on the server) and resumes it when wanted. */
  async consume(producerId, peerId) {
    const recv = await this.transport('recv');
    const c = await this.sig.request('consume', { transportId: recv.id, producerId });
    const consumer = await recv.consume({ id: c.consumerId, producerId: c.producerId, kind: c.kind, rtpParameters: c.rtpParameters });
    this.consumers.set(consumer.id, { consumer, producerId, peerId, kind: c.kind, feed: false, paused: true });
    this.client.emit('track', { track: consumer.track, kind: c.kind, consumerId: consumer.id, producerId, peerId, feed: false, consumer });
    if (this.wanted(peerId)) await this.setPaused(consumer.id, false);
  }

  /** Pauses on the server the consumers of everyone but the chosen peer (no bandwidth spent). */
  async applyChoice() {
    for (const [id, c] of this.consumers) {
      if (c.feed) continue;
      const want = this.wanted(/** @type {string} */ (c.peerId));
      if (want === c.paused) await this.setPaused(id, !want);
    }
  }

  async setPaused(consumerId, paused) {
    const c = this.consumers.get(consumerId);
    if (!c) return;
    c.paused = paused;
    await this.sig.request(paused ? 'pauseConsumer' : 'resumeConsumer', { consumerId });
    if (paused) c.consumer.pause();
    else c.consumer.resume();
  }

  onNewProducer(p) {
    this.roomProducers.set(p.producerId, { peerId: p.peerId, kind: p.kind });
    if (!this.live) return;
    // After a reset the transports may still be coming up: consume once they are.
    this.ready
      .then(() => (this.consumesProducer(p.producerId) ? undefined : this.consume(p.producerId, p.peerId)))
      .catch((err) => this.client.emit('error', err));
  }

  onConsumerClosed(consumerId) {
    const c = this.consumers.get(consumerId);
    if (!c) return;
    this.roomProducers.delete(c.producerId);
    this.dropConsumer(consumerId);
  }

  dropConsumer(consumerId) {
    const c = this.consumers.get(consumerId);
    if (!c) return;
    this.consumers.delete(consumerId);
    c.consumer.close();
    this.client.emit('trackEnded', { consumerId, kind: c.kind, peerId: c.peerId, feed: c.feed });
  }

  // ---- the feed ----

  async subscribeFeed(video) {
    const recv = await this.transport('recv');
    const c = await this.sig.request('subscribeFeed', { transportId: recv.id, video });
    this.feed = { video };
    const tracks = {};
    for (const part of [c, c.video].filter(Boolean)) {
      const consumer = await recv.consume({ id: part.consumerId, producerId: part.producerId, kind: part.kind, rtpParameters: part.rtpParameters });
      this.consumers.set(consumer.id, { consumer, producerId: part.producerId, peerId: null, kind: part.kind, feed: true, paused: false });
      this.client.emit('track', { track: consumer.track, kind: part.kind, consumerId: consumer.id, producerId: part.producerId, peerId: null, feed: true, consumer });
      await this.sig.request('resumeConsumer', { consumerId: part.consumerId });
      tracks[part.kind] = consumer.track;
    }
    return tracks;
  }

  // ---- resets ----

  /** `mediaReset`: every server-side object is gone; same peer, same socket: set up again. */
  async reset() {
    this.roomProducers.clear();
    await this.rebuild();
  }

  /** Closes the local media objects and sets up again what the app had asked for. */
  async rebuild() {
    this.closeAll();
    const run = async () => {
      if (this.tracks) await this.produceAll();
      if (this.live) await this.listen(this.live);
      if (this.feed) await this.subscribeFeed(this.feed.video);
    };
    this.ready = run();
    await this.ready;
  }

  /** Closes transports, producers and consumers here (the server side is gone or going). */
  closeAll() {
    for (const id of [...this.consumers.keys()]) this.dropConsumer(id);
    for (const p of this.producers.values()) p.close();
    this.producers.clear();
    this.producerIds.clear();
    for (const t of [this.send, this.recv]) if (t && !t.closed) t.close();
    this.send = this.recv = null;
  }

  /** Forgets what the app had asked for (after leave). */
  forget() {
    this.tracks = null;
    this.live = null;
    this.feed = null;
    this.roomProducers.clear();
  }
}
