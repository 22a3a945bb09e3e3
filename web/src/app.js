// The sfu demo page: broadcast your microphone (and camera) into a room, listen to it live, or
// listen to the feed. It is an example of the client library (clients/js): the library does the
// signaling, the media, and the coming back after drops, media resets and token expiry; the
// page shows what happens. With authentication on (/auth/config), it signs in with Firebase
// first and hands the library the ID token.
import { SfuClient } from '../../clients/js/src/index.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

// What the page knows, also read by the browser tests (window.sfuDemo).
const state = {
  role: null,
  mode: null,
  room: null,
  peerId: null,
  connection: 'idle',
  transport: 'none',
  peers: new Map(), // peerId -> {displayName, role}
  consumers: new Map(), // consumerId -> {consumer, peerId, media, level, feed, meter}
  events: [],
  error: null,
  feed: null, // {speakerPeerId, utteranceId, reason} | {waiting: reason}
  switches: 0,
  likes: 0,
  mediaResets: 0,
  resumes: 0,
  rejoins: 0,
  muted: false,
  // Firebase sign-in: null (auth off), or {config, user: {uid, email, anonymous} | null, role}.
  auth: null,
};

let client = null;
let firebase = null;
let localStream = null;
let audioContext = null;
// Which broadcaster a listener hears: '' = everyone.
let chosen = '';

function log(text) {
  const time = new Date().toLocaleTimeString();
  state.events.unshift(`${time}  ${text}`);
  state.events.length = Math.min(state.events.length, 50);
  render();
}

// The server's error codes (docs/protocol.md) in words.
const WORDS = {
  forbidden: 'your role does not allow this',
  unauthenticated: 'sign in first: the server needs a valid Firebase ID token',
  auth_unavailable: 'the server cannot check sign-ins right now; try again in a moment',
  muted_by_moderator: 'a moderator muted you; you cannot unmute yourself',
  banned: 'you are banned from this room',
  room_full: 'the room is full',
  shutting_down: 'the server is restarting; try again in a moment',
  not_connected: 'cannot reach the server',
};

function fail(err) {
  const code = err && err.code;
  const message = err && err.message ? err.message : String(err);
  state.error = WORDS[code] ? `${WORDS[code]} (${code}: ${err.detail || message})` : message;
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

function paused(id) {
  return client ? client.isPaused(id) : false;
}

function renderChooser() {
  const select = $('listen-to');
  const ids = [...new Set([...state.consumers.values()].filter((c) => !c.feed).map((c) => c.peerId))];
  if (chosen && !ids.includes(chosen)) chosen = '';
  const options = [['', 'everyone']].concat(ids.map((id) => [id, nameOf(id)]));
  const current = [...select.options].map((o) => `${o.value}=${o.text}`).join('|');
  if (current !== options.map(([v, t]) => `${v}=${t}`).join('|')) {
    select.replaceChildren(...options.map(([v, t]) => new Option(t, v)));
  }
  select.value = chosen;
  $('chooser').hidden = state.mode !== 'viewer';
}

function feedLabel() {
  const f = state.feed || {};
  if (f.waiting || !f.speakerPeerId) return 'feed — waiting for someone to speak';
  return `feed — ${nameOf(f.speakerPeerId)}`;
}

function renderSpeakers() {
  const speakers = $('speakers');
  speakers.replaceChildren();
  for (const [id, c] of state.consumers) {
    const li = document.createElement('li');
    const off = !c.feed && paused(id);
    const speaking = !off && c.level > 0.02;
    li.className = speaking ? 'speaking' : off ? 'muted' : '';
    const who = c.feed ? `${feedLabel()}${c.consumer.kind === 'video' ? ' (video)' : ''}` : `${nameOf(c.peerId)} (${c.consumer.kind})`;
    li.textContent = `${who}${off ? ' — not listening' : speaking ? ' — speaking' : ''}`;
    li.dataset.consumer = id;
    speakers.appendChild(li);
  }
  if (state.consumers.size === 0 && state.role === 'viewer') {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = 'nobody is broadcasting';
    speakers.appendChild(li);
  }
}

function renderAuth() {
  const a = state.auth;
  $('auth').hidden = !a;
  if (!a) return;
  const user = a.user;
  $('signed-out').hidden = !!user;
  $('signed-in').hidden = !user;
  $('sign-in-google').hidden = !a.config.signIn.includes('google');
  if (user) {
    const who = user.anonymous ? `anonymous (${user.uid.slice(0, 8)})` : user.email || user.uid;
    $('who').textContent = `${who} — role: ${a.role || 'none in the token (the server gives its default role)'}`;
  }
}

function render() {
  renderChooser();
  renderAuth();
  renderSpeakers();
  $('room-label').textContent = state.room || '—';
  $('role-label').textContent = state.mode === 'feed' ? 'viewer (feed)' : state.role || '—';
  $('connection').textContent = state.connection;
  $('transport').textContent = state.transport;
  $('error').textContent = state.error || '';
  $('error').hidden = !state.error;
  $('skip').hidden = $('like').hidden = state.mode !== 'feed';
  $('like').disabled = !state.feed || !!state.feed.waiting;
  $('mute').hidden = state.role !== 'broadcaster';
  $('mute').textContent = state.muted ? 'Unmute' : 'Mute';
  $('events').textContent = state.events.join('\n');
  $('start').hidden = !!state.role;
  $('stop').hidden = !state.role;
}

function addTrack({ track, kind, consumerId, peerId, feed, consumer }) {
  const stream = new MediaStream([track]);
  const media = document.createElement(kind);
  media.autoplay = true;
  if (kind === 'video') {
    media.muted = true;
    media.playsInline = true;
  }
  media.srcObject = stream;
  $('media').appendChild(media);
  state.consumers.set(consumerId, { consumer, peerId, media, level: 0, feed, meter: kind === 'audio' ? meter(stream) : null });
  if (!feed) log(`${nameOf(peerId)} is broadcasting ${kind}`);
  render();
}

function dropTrack({ consumerId }) {
  const entry = state.consumers.get(consumerId);
  if (!entry) return;
  entry.media.remove();
  state.consumers.delete(consumerId);
  render();
}

// Moderation and the server's own decisions, in words.
function wireModeration(c) {
  c.on('producerPaused', (d) => {
    if (d.mine && d.byServer) {
      state.muted = true;
      log('you were muted by a moderator');
    } else log(`${nameOf(d.peerId)} ${d.byServer ? 'was muted by a moderator' : 'paused'}`);
  });
  c.on('producerResumed', (d) => {
    if (d.mine && d.byServer) {
      state.muted = false;
      log('a moderator unmuted you');
    } else log(`${nameOf(d.peerId)} ${d.byServer ? 'was unmuted by a moderator' : 'resumed'}`);
  });
  c.on('removed', (d) => fail(new Error(`you were removed from the room by a moderator${d.reason ? `: ${d.reason}` : ''}`)));
  c.on('roomClosed', (d) => fail(new Error(`the room was closed${d.reason ? `: ${d.reason}` : ''}`)));
  c.on('serverDraining', () => log('the server is restarting: moving to another one between utterances'));
  c.on('serverShutdown', (d) => log(`server is shutting down: ${d.reason}`));
}

function wireRoom(c) {
  c.on('peerJoined', (d) => {
    state.peers.set(d.peerId, d);
    log(`${nameOf(d.peerId)} joined as ${d.role}`);
  });
  c.on('peerLeft', (d) => {
    log(`${nameOf(d.peerId)} left`);
    state.peers.delete(d.peerId);
  });
  c.on('newProducer', (d) => log(`${nameOf(d.peerId)} started ${d.kind}`));
  c.on('producerClosed', (d) => log(`${nameOf(d.peerId)} stopped broadcasting`));
  c.on('feedSwitched', (d) => {
    state.switches += 1;
    state.feed = { speakerPeerId: d.speakerPeerId, utteranceId: d.utteranceId, reason: d.reason };
    log(d.reason === 'removed' ? `feed: the speaker was removed; now ${nameOf(d.speakerPeerId)}` : `feed: now ${nameOf(d.speakerPeerId)} (${d.reason})`);
  });
  c.on('feedWaiting', (d) => {
    state.feed = { waiting: d.reason };
    log(d.stopped === 'speakerGone' ? 'feed: the speaker left; waiting for someone to speak' : 'feed: waiting for someone to speak');
  });
  c.on('track', addTrack);
  c.on('trackEnded', dropTrack);
}

function wireConnection(c) {
  const mine = state.role === 'broadcaster' ? 'send' : 'recv';
  c.on('connectionState', (s) => {
    state.connection = s;
    render();
  });
  c.on('transportState', ({ direction, state: s }) => {
    if (direction !== mine) return;
    state.transport = s;
    if (s === 'failed') log('media connection failed: restarting ICE (check that UDP/TCP to the server\'s media ports is allowed)');
    render();
  });
  c.on('resumed', () => {
    state.resumes += 1;
    log('connection lost and resumed: same session, media kept playing');
  });
  c.on('rejoined', (d) => {
    state.rejoins += 1;
    state.peerId = d.peerId;
    log(`joined again on a new connection (${d.reason})`);
  });
  c.on('mediaReset', (d) => {
    state.mediaResets += 1;
    log(`media server restarted (${d.reason}): reconnecting media`);
  });
  c.on('tokenRefreshed', () => log('sign-in token refreshed'));
  c.on('error', fail);
  c.on('closed', (d) => {
    state.connection = `closed (${d.code}${d.reason ? `: ${d.reason}` : ''})`;
    reset();
  });
}

// `mode` is what the page does: 'broadcaster', 'viewer' (live, everyone or one chosen
// broadcaster) or 'feed' (one stream the server reroutes utterance by utterance).
async function start(mode) {
  state.error = null;
  state.mode = mode;
  state.role = mode === 'broadcaster' ? 'broadcaster' : 'viewer';
  state.room = $('room').value.trim() || 'demo';
  // ?relay=1 forces media through the TURN server (what a client behind a strict firewall does).
  client = new SfuClient({ iceTransportPolicy: params.get('relay') === '1' ? 'relay' : 'all' });
  wireConnection(client);
  wireRoom(client);
  wireModeration(client);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const auth = firebase ? { getToken: () => firebase.token() } : {};
  try {
    await client.connect(`${scheme}://${location.host}/ws`, auth);
    const joined = await client.join(state.room, state.role, { displayName: $('name').value.trim() || undefined });
    state.peerId = joined.peerId;
    for (const p of joined.peers) state.peers.set(p.peerId, p);
    log(`joined room ${joined.room} as ${state.role}`);
    await startMedia(mode);
  } catch (err) {
    const c = client;
    reset();
    if (c) c.close().catch(() => undefined);
    throw err;
  }
  render();
}

async function startMedia(mode) {
  if (mode === 'broadcaster') {
    localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: $('camera').checked });
    state.localLevel = meter(localStream);
    const [audio] = localStream.getAudioTracks();
    const [video] = localStream.getVideoTracks();
    await client.broadcast({ audio, video });
    log(`broadcasting ${video ? 'audio and video' : 'audio'}`);
  } else if (mode === 'feed') {
    await client.subscribeFeed({ video: $('camera').checked });
    log($('camera').checked ? 'watching the feed' : 'listening to the feed');
  } else {
    await client.listen(chosen || '*');
  }
}

function reset() {
  for (const id of [...state.consumers.keys()]) dropTrack({ consumerId: id });
  if (localStream) localStream.getTracks().forEach((t) => t.stop());
  localStream = null;
  client = null;
  Object.assign(state, { role: null, mode: null, peerId: null, transport: 'none', localLevel: null, feed: null, muted: false });
  state.peers.clear();
  render();
}

async function stop() {
  const c = client;
  reset();
  state.connection = 'idle';
  if (c) await c.close();
  log('left the room');
}

async function toggleMute() {
  const next = !state.muted;
  await client.setMuted(next);
  state.muted = next;
  log(next ? 'you muted yourself' : 'you unmuted yourself');
}

async function like() {
  const f = state.feed;
  await client.like();
  state.likes += 1;
  log(`you liked ${f && f.speakerPeerId ? `${nameOf(f.speakerPeerId)}'s utterance` : 'this utterance'}`);
}

// ---- sign-in (only when the server has authentication on) ----

async function setUpAuth() {
  let config;
  try {
    config = await fetch('/auth/config').then((r) => (r.ok ? r.json() : { mode: 'none', signIn: [] }));
  } catch (_) {
    return;
  }
  if (config.mode !== 'firebase') return;
  state.auth = { config, user: null, role: null };
  if (!config.signIn.length) {
    fail(new Error('the server needs sign-in but publishes no Firebase web API key (auth.api_key)'));
    return;
  }
  // A separate bundle: the page without authentication never loads the Firebase SDK.
  const sdkUrl = '/firebase.js';
  const { startAuth } = await import(sdkUrl);
  firebase = startAuth(config);
  firebase.onUser(async (user) => {
    state.auth.user = user ? { uid: user.uid, email: user.email, anonymous: user.isAnonymous } : null;
    state.auth.role = user ? await firebase.role() : null;
    if (user) log(`signed in as ${user.email || 'anonymous'}`);
    render();
  });
  render();
}

function signIn(how) {
  const email = $('email').value.trim();
  const password = $('password').value;
  state.error = null;
  const run = {
    password: () => firebase.withPassword(email, password),
    create: () => firebase.createAccount(email, password),
    anonymous: () => firebase.anonymously(),
    google: () => firebase.withGoogle(),
  }[how];
  return run().catch((e) => fail(new Error(`sign-in failed: ${e.code || e.message}`)));
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
  $('self').textContent = state.localLevel ? (state.localLevel() > 0.02 ? 'you are speaking' : 'you are silent') : '';
  if (changed) render();
}, 100);

async function statsOf(transport, pick) {
  if (!transport) return null;
  const report = await transport.getStats();
  let out = null;
  report.forEach((s) => { out = pick(s, out); });
  return out;
}

// For the browser tests: inbound counters from the receive transport's RTCPeerConnection.
window.sfuDemo = {
  state,
  // The library itself, for tests that drive a client of their own in the page.
  SfuClient,
  get client() {
    return client;
  },
  inboundAudio() {
    return statsOf(client && client.recvTransport, (s, out) => (s.type === 'inbound-rtp' && s.kind === 'audio'
      ? { packetsReceived: s.packetsReceived, bytesReceived: s.bytesReceived, audioLevel: s.audioLevel || 0 }
      : out));
  },
  // Inbound video counters (the feed's or a broadcaster's camera). mediasoup-client also receives
  // a "probator" video stream (SSRC 1234: the server's bandwidth probes, padding only): skip it,
  // and report the busiest camera stream.
  inboundVideo() {
    return statsOf(client && client.recvTransport, (s, out) => {
      if (s.type !== 'inbound-rtp' || s.kind !== 'video' || s.ssrc === 1234) return out;
      const v = { packetsReceived: s.packetsReceived, framesDecoded: s.framesDecoded || 0, keyFramesDecoded: s.keyFramesDecoded || 0, frameWidth: s.frameWidth || 0 };
      return !out || v.packetsReceived > out.packetsReceived ? v : out;
    });
  },
  // The local candidate type of the receive transport's selected pair: 'host', 'srflx' or 'relay'.
  async selectedCandidateType() {
    const t = client && client.recvTransport;
    if (!t) return null;
    const report = await t.getStats();
    const byId = new Map();
    let pairId = null;
    report.forEach((s) => {
      byId.set(s.id, s);
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
$('start').onclick = () => start($('role').value).catch(fail);
$('stop').onclick = () => stop().catch(fail);
$('skip').onclick = () => client.skip().catch(fail);
$('like').onclick = () => like().catch(fail);
$('mute').onclick = () => toggleMute().catch(fail);
$('listen-to').onchange = (e) => {
  chosen = e.target.value;
  client.listen(chosen || '*').then(render, fail);
};
for (const how of ['password', 'create', 'anonymous', 'google']) $(`sign-in-${how}`).onclick = () => signIn(how);
$('sign-out').onclick = () => firebase.signOut().catch(fail);
$('role').value = { listen: 'viewer', feed: 'feed' }[params.get('role')] || 'broadcaster';
render();
setUpAuth().catch(fail).finally(() => {
  if (params.get('autostart') === '1') start($('role').value).catch(fail);
});
