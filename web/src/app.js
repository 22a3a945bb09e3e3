// The sfu demo page: broadcast your microphone (and camera) into a room, or listen to it.
// Signaling is docs/protocol.md over one WebSocket; media is mediasoup-client.
import { Device } from 'mediasoup-client';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

class Signaling {
  constructor(url) {
    this.url = url;
    this.nextId = 1;
    this.pending = new Map();
    this.handlers = new Map();
  }

  open() {
    return new Promise((resolve, reject) => {
      this.ws = new WebSocket(this.url);
      this.ws.onopen = () => resolve();
      this.ws.onerror = () => reject(new Error(`cannot reach the server at ${this.url}`));
      this.ws.onclose = (e) => {
        for (const { reject: r } of this.pending.values()) r(new Error('connection closed'));
        this.pending.clear();
        this.emit('close', e);
      };
      this.ws.onmessage = (e) => {
        const msg = JSON.parse(e.data);
        if (msg.notification) {
          this.emit(msg.notification, msg.data);
        } else if (this.pending.has(msg.id)) {
          const { resolve: ok, reject: fail } = this.pending.get(msg.id);
          this.pending.delete(msg.id);
          if (msg.ok) ok(msg.data);
          else fail(new Error(`${msg.error.message} (${msg.error.code})`));
        }
      };
    });
  }

  request(method, data = {}) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return Promise.reject(new Error('not connected'));
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, data }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  on(name, fn) {
    this.handlers.set(name, fn);
  }

  emit(name, data) {
    const fn = this.handlers.get(name);
    if (fn) fn(data);
  }

  close() {
    if (this.ws) this.ws.close();
  }
}

// What the page knows, also read by the browser test (window.sfuDemo).
const state = {
  role: null,
  room: null,
  peerId: null,
  connection: 'idle',
  transport: 'none',
  peers: new Map(), // peerId -> {displayName, role}
  consumers: new Map(), // consumerId -> {consumer, peerId, audio, level}
  events: [],
  error: null,
  // Feed mode: what the server's rerouted feed plays now.
  feed: null, // {consumerId, speakerPeerId, utteranceId, reason} | {waiting: reason}
  switches: 0,
  // Times the room's media worker died and the page set its media up again.
  mediaResets: 0,
  // Times the signaling connection died and the session was taken back with `resume`.
  resumes: 0,
  resumeToken: null,
};

let signaling = null;
let device = null;
let sendTransport = null;
let recvTransport = null;
let localStream = null;
let audioContext = null;
// Settles when the page's transports are set up (after join, and again after mediaReset): a
// producer announced meanwhile is consumed then.
let mediaReady = Promise.resolve();

function log(text) {
  const time = new Date().toLocaleTimeString();
  state.events.unshift(`${time}  ${text}`);
  state.events.length = Math.min(state.events.length, 50);
  render();
}

function fail(err) {
  state.error = err && err.message ? err.message : String(err);
  render();
}

function nameOf(peerId) {
  const p = state.peers.get(peerId);
  return (p && p.displayName) || (peerId ? peerId.slice(0, 8) : 'someone');
}

function meter(stream) {
  audioContext = audioContext || new AudioContext();
  const source = audioContext.createMediaStreamSource(stream);
  const analyser = audioContext.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const buf = new Float32Array(analyser.fftSize);
  return () => {
    analyser.getFloatTimeDomainData(buf);
    let sum = 0;
    for (const v of buf) sum += v * v;
    return Math.sqrt(sum / buf.length);
  };
}

// Which broadcaster a listener hears: '' = everyone.
let chosen = '';

function broadcasters() {
  const ids = new Set([...state.consumers.values()].map((c) => c.peerId));
  return [...ids];
}

function renderChooser() {
  const select = $('listen-to');
  const ids = broadcasters();
  if (chosen && !ids.includes(chosen)) chosen = '';
  const options = [['', 'everyone']].concat(ids.map((id) => [id, nameOf(id)]));
  const current = [...select.options].map((o) => `${o.value}=${o.text}`).join('|');
  if (current !== options.map(([v, t]) => `${v}=${t}`).join('|')) {
    select.replaceChildren(...options.map(([v, t]) => new Option(t, v)));
  }
  select.value = chosen;
  $('chooser').hidden = state.mode !== 'viewer';
}

// Pauses on the server the consumers of everyone but the chosen broadcaster, so unchosen audio
// costs no bandwidth.
async function applyChoice() {
  for (const [id, c] of state.consumers) {
    const wanted = !chosen || c.peerId === chosen;
    if (wanted === !c.paused) continue;
    c.paused = !wanted;
    await signaling.request(wanted ? 'resumeConsumer' : 'pauseConsumer', { consumerId: id });
    if (wanted) c.consumer.resume();
    else c.consumer.pause();
  }
  render();
}

function feedLabel() {
  const f = state.feed || {};
  if (f.waiting || !f.speakerPeerId) return 'feed — waiting for someone to speak';
  return `feed — ${nameOf(f.speakerPeerId)}`;
}

function render() {
  renderChooser();
  $('room-label').textContent = state.room || '—';
  $('role-label').textContent = state.mode === 'feed' ? 'viewer (feed)' : state.role || '—';
  $('connection').textContent = state.connection;
  $('transport').textContent = state.transport;
  $('error').textContent = state.error || '';
  $('error').hidden = !state.error;
  const speakers = $('speakers');
  speakers.replaceChildren();
  for (const [id, c] of state.consumers) {
    const li = document.createElement('li');
    const speaking = !c.paused && c.level > 0.02;
    li.className = speaking ? 'speaking' : c.paused ? 'muted' : '';
    const who = c.feed ? `${feedLabel()}${c.consumer.kind === 'video' ? ' (video)' : ''}` : `${nameOf(c.peerId)} (${c.consumer.kind})`;
    li.textContent = `${who}${c.paused ? ' — not listening' : speaking ? ' — speaking' : ''}`;
    li.dataset.consumer = id;
    speakers.appendChild(li);
  }
  $('skip').hidden = state.mode !== 'feed';
  if (state.consumers.size === 0 && state.role === 'viewer') {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = 'nobody is broadcasting';
    speakers.appendChild(li);
  }
  $('events').textContent = state.events.join('\n');
  $('start').hidden = !!state.role;
  $('stop').hidden = !state.role;
}

// `mode` is what the page does: 'broadcaster', 'viewer' (live, everyone or one chosen
// broadcaster) or 'feed' (one stream the server reroutes utterance by utterance).
async function connect(mode) {
  const role = mode === 'broadcaster' ? 'broadcaster' : 'viewer';
  state.error = null;
  state.role = role;
  state.mode = mode;
  state.room = $('room').value.trim() || 'demo';
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  signaling = new Signaling(`${scheme}://${location.host}/ws`);
  state.connection = 'connecting';
  render();
  await signaling.open();
  state.connection = 'connected';
  signaling.on('close', (e) => {
    state.connection = `closed${e.code ? ` (${e.code}${e.reason ? `: ${e.reason}` : ''})` : ''}`;
    render();
    // The connection died (no close frame: network change, sleep) or the server timed it out:
    // the server keeps the session for a while; take it back on a new connection.
    if (state.role && (e.code === 1006 || e.code === 4001)) resumeSession().catch(fail);
  });
  signaling.on('serverShutdown', (d) => log(`server is shutting down: ${d.reason}`));
  signaling.on('peerJoined', (d) => {
    state.peers.set(d.peerId, d);
    log(`${nameOf(d.peerId)} joined as ${d.role}`);
  });
  signaling.on('peerLeft', (d) => {
    log(`${nameOf(d.peerId)} left`);
    state.peers.delete(d.peerId);
  });
  signaling.on('newProducer', (d) => {
    log(`${nameOf(d.peerId)} started ${d.kind}`);
    if (state.mode === 'viewer') mediaReady.then(() => consume(d.producerId, d.peerId)).catch(fail);
  });
  signaling.on('producerClosed', (d) => log(`${nameOf(d.peerId)} stopped broadcasting`));
  signaling.on('consumerClosed', (d) => dropConsumer(d.consumerId));
  signaling.on('feedSwitched', (d) => {
    state.switches += 1;
    state.feed = { ...state.feed, speakerPeerId: d.speakerPeerId, utteranceId: d.utteranceId, reason: d.reason, waiting: null };
    log(`feed: now ${nameOf(d.speakerPeerId)} (${d.reason})`);
  });
  signaling.on('feedWaiting', (d) => {
    state.feed = { ...state.feed, waiting: d.reason };
    log(`feed: waiting for someone to speak`);
  });
  signaling.on('mediaReset', (d) => onMediaReset(d.reason).catch(fail));
  signaling.on('producerPaused', (d) => log(`${nameOf(d.peerId)} paused`));
  signaling.on('producerResumed', (d) => log(`${nameOf(d.peerId)} resumed`));

  let joinedMedia;
  mediaReady = new Promise((resolve) => { joinedMedia = resolve; });
  const { routerRtpCapabilities } = await signaling.request('getRouterRtpCapabilities');
  device = new Device();
  await device.load({ routerRtpCapabilities });
  const joined = await signaling.request('join', {
    room: state.room,
    role,
    displayName: $('name').value.trim() || undefined,
    rtpCapabilities: device.rtpCapabilities,
  });
  state.peerId = joined.peerId;
  state.resumeToken = joined.resumeToken;
  for (const p of joined.peers) state.peers.set(p.peerId, p);
  log(`joined room ${joined.room} as ${role}`);
  state.iceServers = joined.iceServers;
  const setup = setupMedia(joined.producers);
  joinedMedia(setup);
  await setup;
  render();
}

function setupMedia(producers) {
  mediaReady = createMedia(producers);
  return mediaReady;
}

// Transports, then producing (broadcaster), consuming `producers` or the feed (listener). Run
// after join, and again after mediaReset with no producers: the server announces the room's
// producers anew as their broadcasters produce again.
async function createMedia(producers) {
  const iceServers = state.iceServers;
  // ?relay=1 forces media through the TURN server (what a client behind a strict firewall does).
  const iceTransportPolicy = params.get('relay') === '1' ? 'relay' : 'all';
  if (state.role === 'broadcaster') {
    const t = await signaling.request('createTransport', { direction: 'send' });
    const transport = device.createSendTransport({ ...transportOptions(t), iceServers, iceTransportPolicy });
    sendTransport = transport;
    wireTransport(transport);
    transport.on('produce', ({ kind, rtpParameters, appData }, ok, err) => {
      signaling.request('produce', { transportId: transport.id, kind, rtpParameters, appData })
        .then(({ producerId }) => ok({ id: producerId }), err);
    });
    if (!localStream) {
      const video = $('camera').checked;
      localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video });
      state.localLevel = meter(localStream);
    }
    for (const track of localStream.getTracks()) {
      // The tracks outlive the producer: after mediaReset they are produced again.
      await transport.produce({ track, stopTracks: false });
      log(`broadcasting ${track.kind}`);
    }
  } else {
    const t = await signaling.request('createTransport', { direction: 'recv' });
    recvTransport = device.createRecvTransport({ ...transportOptions(t), iceServers, iceTransportPolicy });
    wireTransport(recvTransport);
    if (state.mode === 'feed') await subscribeFeed();
    else for (const p of producers) await consume(p.producerId, p.peerId);
  }
}

// The room's media worker died and the room moved to a new one: our transports, producers and
// consumers are gone on the server. We stay in the room; set up media again on this socket.
async function onMediaReset(reason) {
  state.mediaResets += 1;
  log(`media server restarted (${reason}): reconnecting media`);
  for (const id of [...state.consumers.keys()]) dropConsumer(id);
  if (sendTransport) sendTransport.close();
  if (recvTransport) recvTransport.close();
  sendTransport = recvTransport = null;
  state.transport = 'reconnecting';
  render();
  await setupMedia([]);
  render();
}

function transportOptions(t) {
  return { id: t.transportId, iceParameters: t.iceParameters, iceCandidates: t.iceCandidates, dtlsParameters: t.dtlsParameters };
}

function wireTransport(transport) {
  transport.on('connect', ({ dtlsParameters }, ok, err) => {
    signaling.request('connectTransport', { transportId: transport.id, dtlsParameters }).then(ok, err);
  });
  transport.on('connectionstatechange', (s) => {
    state.transport = s;
    if (s === 'failed') fail(new Error('media connection failed: check that UDP/TCP to the server\'s media ports is allowed'));
    render();
  });
}

async function consume(producerId, peerId) {
  const c = await signaling.request('consume', { transportId: recvTransport.id, producerId });
  const consumer = await recvTransport.consume({ id: c.consumerId, producerId: c.producerId, kind: c.kind, rtpParameters: c.rtpParameters });
  const stream = new MediaStream([consumer.track]);
  let media;
  if (consumer.kind === 'audio') {
    media = document.createElement('audio');
  } else {
    media = document.createElement('video');
    media.muted = true;
    media.playsInline = true;
  }
  media.autoplay = true;
  media.srcObject = stream;
  $('media').appendChild(media);
  const entry = { consumer, peerId, media, level: 0, paused: true, meter: consumer.kind === 'audio' ? meter(stream) : null };
  state.consumers.set(consumer.id, entry);
  log(`${nameOf(peerId)} is broadcasting ${consumer.kind}`);
  await applyChoice();
}

// The feed: one stream (audio, and video with "video too") whose source the server switches;
// feedSwitched says who it is now.
async function subscribeFeed() {
  const withVideo = $('camera').checked;
  const c = await signaling.request('subscribeFeed', { transportId: recvTransport.id, video: withVideo });
  state.feed = { ...state.feed, consumerId: c.consumerId };
  for (const part of [c, c.video].filter(Boolean)) {
    const consumer = await recvTransport.consume({ id: part.consumerId, producerId: part.producerId, kind: part.kind, rtpParameters: part.rtpParameters });
    const stream = new MediaStream([consumer.track]);
    const media = document.createElement(consumer.kind);
    media.autoplay = true;
    if (consumer.kind === 'video') {
      media.muted = true;
      media.playsInline = true;
    }
    media.srcObject = stream;
    $('media').appendChild(media);
    const meterOf = consumer.kind === 'audio' ? meter(stream) : null;
    state.consumers.set(consumer.id, { consumer, peerId: null, media, level: 0, paused: false, feed: true, meter: meterOf });
    await signaling.request('resumeConsumer', { consumerId: part.consumerId });
  }
  log(withVideo ? 'watching the feed' : 'listening to the feed');
}

function dropConsumer(consumerId) {
  const entry = state.consumers.get(consumerId);
  if (!entry) return;
  entry.consumer.close();
  entry.media.remove();
  state.consumers.delete(consumerId);
  render();
}

// Takes the session back on a new WebSocket (`resume`): same peer, same transports, producers,
// consumers and feed (media kept flowing meanwhile), then the notifications missed. A few
// attempts, backing off; a session the server no longer has means joining again.
async function resumeSession() {
  const handlers = signaling.handlers;
  const url = signaling.url;
  for (let attempt = 1; attempt <= 5 && state.role; attempt++) {
    state.connection = `reconnecting (attempt ${attempt})`;
    render();
    await new Promise((r) => setTimeout(r, 300 * attempt));
    const next = new Signaling(url);
    next.handlers = handlers;
    try {
      await next.open();
    } catch (_) {
      continue; // the server is unreachable for now: try again
    }
    try {
      const resumed = await next.request('resume', { resumeToken: state.resumeToken });
      signaling = next;
      state.resumeToken = resumed.resumeToken;
      state.resumes += 1;
      state.connection = 'connected';
      log('connection lost and resumed: same session, media kept playing');
      return;
    } catch (err) {
      next.handlers = new Map();
      next.close();
      if (/session_expired/.test(err.message)) break;
    }
  }
  if (!state.role) return;
  fail(new Error('the connection to the server was lost and the session could not be resumed; start again'));
  await stop();
}

async function stop() {
  if (signaling) {
    try { await signaling.request('leave'); } catch (_) { /* already gone */ }
    signaling.close();
  }
  for (const id of [...state.consumers.keys()]) dropConsumer(id);
  if (localStream) localStream.getTracks().forEach((t) => t.stop());
  if (sendTransport) sendTransport.close();
  if (recvTransport) recvTransport.close();
  sendTransport = recvTransport = localStream = signaling = null;
  Object.assign(state, { role: null, mode: null, peerId: null, resumeToken: null, connection: 'idle', transport: 'none', localLevel: null, feed: null });
  state.peers.clear();
  log('left the room');
}

// Levels: who is speaking now (a receiver's level or our own microphone's).
setInterval(() => {
  let changed = false;
  for (const c of state.consumers.values()) {
    if (!c.meter) continue;
    const level = c.meter();
    if ((level > 0.02) !== (c.level > 0.02)) changed = true;
    c.level = level;
  }
  if (state.localLevel) {
    const speaking = state.localLevel() > 0.02;
    $('self').textContent = speaking ? 'you are speaking' : 'you are silent';
  } else {
    $('self').textContent = '';
  }
  if (changed) render();
}, 100);

// For the browser test: inbound audio counters from the receive transport's RTCPeerConnection.
window.sfuDemo = {
  state,
  async inboundAudio() {
    if (!recvTransport) return null;
    const report = await recvTransport.getStats();
    let out = null;
    report.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        out = { packetsReceived: s.packetsReceived, bytesReceived: s.bytesReceived, audioLevel: s.audioLevel || 0 };
      }
    });
    return out;
  },
  // Inbound video counters (the feed's or a broadcaster's camera): frames decoded and key frames.
  // mediasoup-client also receives a "probator" video stream (SSRC 1234: the server's bandwidth
  // probes, padding only), which is not a camera: skip it, and report the busiest camera stream.
  async inboundVideo() {
    if (!recvTransport) return null;
    const report = await recvTransport.getStats();
    let out = null;
    report.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video' && s.ssrc !== 1234) {
        const v = { packetsReceived: s.packetsReceived, framesDecoded: s.framesDecoded || 0, keyFramesDecoded: s.keyFramesDecoded || 0, frameWidth: s.frameWidth || 0 };
        if (!out || v.packetsReceived > out.packetsReceived) out = v;
      }
    });
    return out;
  },
  // The local candidate type of the receive transport's selected pair: 'host', 'srflx' or 'relay'.
  async selectedCandidateType() {
    if (!recvTransport) return null;
    const report = await recvTransport.getStats();
    const byId = new Map();
    report.forEach((s) => byId.set(s.id, s));
    let pairId = null;
    report.forEach((s) => {
      if (s.type === 'transport' && s.selectedCandidatePairId) pairId = s.selectedCandidatePairId;
    });
    const pair = pairId && byId.get(pairId);
    const local = pair && byId.get(pair.localCandidateId);
    return local ? local.candidateType : null;
  },
};

$('room').value = params.get('room') || 'demo';
$('name').value = params.get('name') || '';
$('camera').checked = params.get('video') === '1';
$('start').onclick = () => connect($('role').value).catch(fail);
$('stop').onclick = () => stop().catch(fail);
$('skip').onclick = () => signaling.request('skip').catch(fail);
$('listen-to').onchange = (e) => {
  chosen = e.target.value;
  applyChoice().catch(fail);
};
$('role').value = { listen: 'viewer', feed: 'feed' }[params.get('role')] || 'broadcaster';
render();
if (params.get('autostart') === '1') connect($('role').value).catch(fail);
