// The client's state machine against a fake server and a fake Device (node --test).
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '../src/client.js';
import { SfuError, CloseCode } from '../src/errors.js';
import { tokenExpiryMs } from '../src/token.js';
import { FakeServer, FakeDevice, fakeToken, until } from './fakes.mjs';

const URL = 'ws://sfu.test/ws';

// Every client a test made is closed after it: no timer (token refresh, drain) outlives its test,
// so the test process ends.
const made = [];
afterEach(async () => {
  for (const c of made.splice(0)) await c.close().catch(() => undefined);
});

function setup(options = {}) {
  const server = new FakeServer();
  // No network: a cluster's node list is read only through a test's own fetch.
  const fetch = async () => { throw new Error('no network in tests'); };
  const client = new Client({ Device: FakeDevice, WebSocket: server.WebSocket, reconnectDelayMs: 5, requestTimeoutMs: 200, fetch, ...options });
  made.push(client);
  const events = [];
  for (const name of ['connectionState', 'resumed', 'rejoined', 'mediaReset', 'removed', 'roomClosed', 'closed', 'error', 'track', 'trackEnded', 'feedSwitched', 'feedWaiting', 'tokenRefreshed', 'producerPaused', 'serverDraining']) {
    client.on(name, (data) => events.push({ name, data }));
  }
  return { server, client, events, seen: (name) => events.filter((e) => e.name === name) };
}

const track = (kind) => ({ kind, id: `local-${kind}` });

test('requests carry increasing ids and errors keep the protocol code', async () => {
  const { server, client } = setup();
  server.handlers.join = () => { throw { code: 'forbidden', message: 'a viewer token may not broadcast' }; };
  await client.connect(URL);
  const err = await client.join('lobby', 'broadcaster').catch((e) => e);
  assert.ok(err instanceof SfuError);
  assert.equal(err.code, 'forbidden');
  assert.equal(err.method, 'join');
  const ids = server.log.map((r) => r.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(client.session, null, 'a refused join leaves the client unjoined');
});

test('a request without an answer times out with code timeout', async () => {
  const { server, client } = setup({ requestTimeoutMs: 50 });
  await client.connect(URL);
  server.silent.add('ping');
  const started = Date.now();
  const err = await client.request('ping').catch((e) => e);
  assert.equal(err.code, 'timeout');
  assert.ok(Date.now() - started < 1000);
});

test('join sends the device capabilities and the token; banned is surfaced', async () => {
  const { server, client } = setup();
  await client.connect(URL, { token: 'tok-1' });
  await client.join('lobby', 'viewer', { displayName: 'Ann' });
  const join = server.requests('join')[0].data;
  assert.equal(join.token, 'tok-1');
  assert.equal(join.displayName, 'Ann');
  assert.deepEqual(join.rtpCapabilities, { codecs: [{ mimeType: 'audio/opus' }] });
  const other = setup();
  other.server.handlers.join = () => { throw { code: 'banned', message: 'you are banned from this room' }; };
  await other.client.connect(URL);
  await assert.rejects(other.client.join('lobby', 'viewer'), (e) => e.code === 'banned');
});

test('a dropped socket is taken back with resume: same peer, media untouched', async () => {
  const { server, client, seen } = setup();
  await client.connect(URL);
  await client.join('lobby', 'viewer');
  const tracks = await client.subscribeFeed();
  assert.equal(tracks.audio.kind, 'audio');
  const recv = client.media.recv;
  const token = client.session.resumeToken;
  server.drop(server.last);
  await until('resumed', () => seen('resumed').length === 1);
  assert.equal(server.requests('resume')[0].data.resumeToken, token);
  assert.equal(server.requests('join').length, 1, 'no second join');
  assert.equal(client.media.recv, recv, 'the transport was kept');
  assert.equal(recv.closed, false);
  assert.notEqual(client.session.resumeToken, token, 'the next resume uses the new token');
  assert.equal(client.connectionState, 'connected');
  assert.deepEqual(seen('connectionState').map((e) => e.data), ['connecting', 'connected', 'reconnecting', 'connected']);
  // The new socket is the one in use.
  await client.skip();
  assert.equal(server.requests('skip')[0].ws, server.last);
});

test('an expired session is joined again and its media set up again', async () => {
  const { server, client, seen } = setup();
  await client.connect(URL);
  await client.join('lobby', 'broadcaster');
  await client.broadcast({ audio: track('audio') });
  server.sessions.clear(); // the grace period passed
  server.drop(server.last);
  await until('rejoined', () => seen('rejoined').length === 1);
  assert.equal(server.requests('join').length, 2);
  assert.equal(server.requests('produce').length, 2, 'the microphone is produced again');
  assert.equal(client.connectionState, 'connected');
});

test('reconnecting gives up after the configured attempts with an error and closed', async () => {
  const { server, client, seen } = setup({ reconnectAttempts: 3 });
  await client.connect(URL);
  await client.join('lobby', 'viewer');
  server.refuse = true;
  server.drop(server.last);
  await until('closed', () => seen('closed').length === 1);
  assert.equal(server.sockets.length, 4, 'one socket and three attempts');
  assert.equal(client.connectionState, 'closed');
  assert.equal(seen('error')[0].data.code, 'closed');
  assert.equal(client.session, null);
});

test('mediaReset: transports closed, producers and the feed set up again on the same socket', async () => {
  const { server, client, seen } = setup();
  await client.connect(URL);
  await client.join('lobby', 'broadcaster');
  await client.broadcast({ audio: track('audio'), video: track('video') });
  await client.subscribeFeed({ video: true });
  const { send, recv } = client.media;
  const sockets = server.sockets.length;
  server.notify(server.last, 'mediaReset', { reason: 'worker_died' });
  await until('feed again', () => server.requests('subscribeFeed').length === 2);
  await until('set up', () => client.media.consumers.size === 2 && client.media.producers.size === 2);
  assert.equal(seen('mediaReset').length, 1);
  assert.ok(send.closed && recv.closed, 'old transports closed');
  assert.equal(server.requests('createTransport').length, 4);
  assert.equal(server.requests('produce').length, 4);
  assert.equal(server.sockets.length, sockets, 'no new socket');
  assert.equal(seen('trackEnded').length, 2);
  assert.equal(seen('track').length, 4, 'new feed tracks for the app');
});

test('ICE restart when a transport fails, and after a while when it stays disconnected', async () => {
  const { server, client } = setup({ iceRestartDelayMs: 30 });
  await client.connect(URL);
  await client.join('lobby', 'viewer');
  await client.subscribeFeed();
  const recv = client.media.recv;
  recv.setState('failed');
  await until('restarted', () => recv.iceRestarts.length === 1);
  assert.equal(server.requests('restartIce')[0].data.transportId, recv.id);
  assert.equal(recv.iceRestarts[0].usernameFragment, 'restarted');
  // Disconnected then connected again by itself: no restart.
  recv.setState('disconnected');
  recv.setState('connected');
  await new Promise((r) => setTimeout(r, 80));
  assert.equal(recv.iceRestarts.length, 1);
  recv.setState('disconnected');
  await until('restarted again', () => recv.iceRestarts.length === 2);
});

test('the token is refreshed through getToken before it expires', async () => {
  const now = Date.now();
  let issued = 0;
  const { server, client, seen } = setup({
    minRefreshDelayMs: 10,
    // The first token expires 2 s from "now"; the clock says 1.9 s have passed: refresh soon.
    now: () => now + 1900,
  });
  const getToken = () => fakeToken(now + 2000 + 60_000 * issued++);
  await client.connect(URL, { getToken });
  await client.join('lobby', 'viewer');
  await until('refreshed', () => seen('tokenRefreshed').length === 1);
  const sent = server.requests('refreshToken')[0].data.token;
  assert.equal(tokenExpiryMs(sent), Math.floor((now + 62_000) / 1000) * 1000);
  assert.notEqual(sent, server.requests('join')[0].data.token);
  assert.equal(server.sockets.length, 1, 'the session was not cut');
});

test('4003 (token expired) joins again with a fresh token, not resume', async () => {
  let n = 0;
  const { server, client, seen } = setup();
  await client.connect(URL, { getToken: () => `token-${++n}` });
  await client.join('lobby', 'viewer');
  await client.listen();
  server.last.serverClose(CloseCode.TOKEN_EXPIRED, 'token expired');
  await until('rejoined', () => seen('rejoined').length === 1);
  assert.equal(server.requests('resume').length, 0);
  assert.equal(server.requests('join')[1].data.token, 'token-2');
});

for (const [notification, code] of [['removed', 4005], ['roomClosed', 4006]]) {
  test(`${notification} then close ${code} is final: no resume, no reconnect`, async () => {
    const { server, client, seen } = setup();
    await client.connect(URL);
    await client.join('lobby', 'broadcaster');
    await client.broadcast({ audio: track('audio') });
    const send = client.media.send;
    server.notify(server.last, notification, { reason: 'a moderator did it' });
    server.last.serverClose(code, notification);
    await until('closed', () => seen('closed').length === 1);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(seen(notification)[0].data.reason, 'a moderator did it');
    assert.equal(seen('closed')[0].data.code, code);
    assert.equal(server.sockets.length, 1, 'no new connection');
    assert.equal(server.requests('resume').length, 0);
    assert.equal(client.connectionState, 'closed');
    assert.ok(send.closed, 'media closed');
    assert.equal(client.session, null);
  });
}

test('moderation: a server pause of my producer says mine, muted_by_moderator rejects setMuted', async () => {
  const { server, client, seen } = setup();
  await client.connect(URL);
  await client.join('lobby', 'broadcaster');
  await client.broadcast({ audio: track('audio') });
  const producerId = client.media.producers.get('audio').id;
  server.notify(server.last, 'producerPaused', { producerId, peerId: client.session.peerId, byServer: true });
  await until('paused', () => seen('producerPaused').length === 1);
  assert.deepEqual(seen('producerPaused')[0].data, { producerId, peerId: client.session.peerId, byServer: true, mine: true });
  server.handlers.resumeProducer = () => { throw { code: 'muted_by_moderator', message: 'a moderator muted you' }; };
  await assert.rejects(client.setMuted(false), (e) => e.code === 'muted_by_moderator');
});

test('feedSwitched carries the speaker; like, skip and setPreferences are sent', async () => {
  const { server, client, seen } = setup();
  server.peers = [{ peerId: 'ann', displayName: 'Ann', role: 'broadcaster' }];
  await client.connect(URL);
  await client.join('lobby', 'viewer');
  await client.subscribeFeed();
  server.notify(server.last, 'feedSwitched', { utteranceId: '7', speakerUid: 'u-ann', speakerPeerId: 'ann', reason: 'started' });
  await until('switched', () => seen('feedSwitched').length === 1);
  assert.equal(seen('feedSwitched')[0].data.speaker.displayName, 'Ann');
  await client.like();
  await client.skip();
  await client.setPreferences({ favour: ['u-ann'] });
  assert.deepEqual(server.log.slice(-3).map((r) => r.method), ['like', 'skip', 'setPreferences']);
  assert.deepEqual(server.requests('setPreferences')[0].data, { favour: ['u-ann'] });
});

test('listen consumes the room and new producers; choosing a peer pauses the others', async () => {
  const { server, client, seen } = setup();
  server.producers = [{ producerId: 'a1', peerId: 'ann', kind: 'audio', paused: false }, { producerId: 'd1', peerId: 'dee', kind: 'audio', paused: false }];
  await client.connect(URL);
  await client.join('lobby', 'viewer');
  await client.listen('*');
  assert.equal(seen('track').length, 2);
  assert.equal(server.requests('resumeConsumer').length, 2);
  await client.listen('dee');
  assert.equal(server.requests('pauseConsumer').length, 1);
  server.notify(server.last, 'newProducer', { producerId: 'e1', peerId: 'eve', kind: 'audio' });
  await until('consumed', () => server.requests('consume').length === 3);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(server.requests('resumeConsumer').length, 2, "eve's consumer stays paused");
});

test('serverDraining: moves at the next utterance boundary (make before break)', async () => {
  const { server, client, seen } = setup();
  await client.connect(URL);
  await client.join('lobby', 'viewer');
  await client.subscribeFeed();
  const old = server.last;
  server.notify(old, 'serverDraining', { reason: 'server draining', deadlineMs: Date.now() + 30_000 });
  await until('draining seen', () => seen('serverDraining').length === 1);
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(server.sockets.length, 1, 'waits for the utterance to end');
  server.notify(old, 'feedSwitched', { utteranceId: '8', speakerUid: 'u', speakerPeerId: 'x', reason: 'ended' });
  await until('rejoined', () => seen('rejoined').length === 1);
  assert.equal(seen('rejoined')[0].data.reason, 'serverDraining');
  assert.equal(server.requests('subscribeFeed').length, 2);
  await until('old left', () => old.closedBy !== null);
  assert.equal(server.requests('leave')[0].ws, old);
  assert.equal(client.connectionState, 'connected');
});

test('close leaves, closes the socket and never reconnects', async () => {
  const { server, client, seen } = setup();
  await client.connect(URL);
  await client.join('lobby', 'viewer');
  await client.close();
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(server.requests('leave').length, 1);
  assert.equal(server.sockets.length, 1);
  assert.equal(server.last.closedBy.code, 1000);
  assert.equal(client.connectionState, 'closed');
  assert.equal(seen('error').length, 0);
});

test('methods that need a room say not_joined before join', async () => {
  const { client } = setup();
  await client.connect(URL);
  assert.throws(() => client.subscribeFeed(), (e) => e.code === 'not_joined');
  assert.throws(() => client.broadcast({ audio: track('audio') }), (e) => e.code === 'not_joined');
});

test('a token refresh that fails (socket coming back) is tried again', async () => {
  const now = Date.now();
  let issued = 0;
  const { server, client, seen } = setup({ minRefreshDelayMs: 10, now: () => now + 1900 });
  await client.connect(URL, { getToken: () => fakeToken(now + 2000 + 60_000 * issued++) });
  await client.join('lobby', 'viewer');
  let refusals = 1;
  server.handlers.refreshToken = () => {
    if (refusals-- > 0) throw { code: 'auth_unavailable', message: 'keys unreachable' };
    return {};
  };
  await until('refreshed after a retry', () => seen('tokenRefreshed').length === 1, 3000);
  assert.equal(server.requests('refreshToken').length, 2);
  assert.equal(seen('error')[0].data.code, 'auth_unavailable');
});

test('a redirect moves the session to the named server; a stray error is surfaced', async () => {
  const { server, client, seen } = setup();
  await client.connect(URL);
  await client.join('lobby', 'viewer');
  await client.listen();
  const old = server.last;
  old.deliver({ id: null, ok: false, error: { code: 'rate_limited', message: 'slow down' } });
  await until('stray error', () => seen('error').length === 1);
  assert.equal(seen('error')[0].data.code, 'rate_limited');
  server.notify(old, 'redirect', { url: 'ws://other.test/ws' });
  await until('rejoined', () => seen('rejoined').length === 1);
  assert.equal(seen('rejoined')[0].data.reason, 'redirect');
  assert.equal(server.last.url, 'ws://other.test/ws');
  assert.equal(client.url, 'ws://other.test/ws');
  await until('old left', () => old.closedBy !== null);
  assert.equal(server.requests('join').length, 2);
});

test('join follows a redirect error to the node it names (a cluster), leaving the first', async () => {
  const { server, client } = setup();
  await client.connect(URL);
  let refused = 0;
  server.handlers.join = (data, ws) => {
    if (ws.url === URL) {
      refused += 1;
      throw { code: 'redirect', message: 'the room is homed on node b', url: 'http://node-b.test:8080' };
    }
    return { peerId: 'peer-b', room: data.room, role: data.role, resumeToken: 'rt-b', routerRtpCapabilities: { codecs: [] }, iceServers: [], peers: [], producers: [] };
  };
  const joined = await client.join('lobby', 'broadcaster');
  assert.equal(joined.peerId, 'peer-b');
  assert.equal(refused, 1);
  assert.equal(server.last.url, 'ws://node-b.test:8080/ws');
  assert.equal(client.url, 'ws://node-b.test:8080/ws');
  await until('first connection closed', () => server.sockets[0].closedBy !== null);
  // A redirect that loops ends with the error after 3 moves.
  const { server: looping, client: other } = setup();
  looping.handlers.join = () => { throw { code: 'redirect', message: 'elsewhere', url: 'https://loop.test' }; };
  await other.connect(URL);
  const err = await other.join('lobby', 'viewer').catch((e) => e);
  assert.equal(err.code, 'redirect');
  assert.equal(err.url, 'https://loop.test');
  assert.equal(looping.requests('join').length, 4);
  assert.equal(other.url, 'wss://loop.test/ws');
});

test('when its node is gone it asks a known node for the live ones and joins one, following the home redirect', async () => {
  const A = 'ws://a.test:8080/ws';
  const lists = [];
  const fetch = async (url) => {
    lists.push(url);
    if (url.startsWith('http://a.test')) throw new Error('connection refused');
    const nodes = [
      { id: 'a', url: 'http://a.test:8080', draining: false }, // dead, still listed (its record lives a few s)
      { id: 'b', url: 'http://b.test:8080', draining: true },
      { id: 'c', url: 'http://c.test:8080', draining: false },
      { id: 'd', url: 'http://d.test:8080', draining: false },
    ];
    return { ok: true, json: async () => ({ node: 'b', degraded: false, nodes }) };
  };
  const { server, client, seen } = setup({ fetch, nodes: ['http://b.test:8080'], reconnectAttempts: 4 });
  await client.connect(A);
  await client.join('lobby', 'broadcaster');
  await client.broadcast({ audio: track('audio') });
  // Another node has no session to resume; c sends broadcasters on to the room's home, d.
  server.handlers.resume = () => { throw { code: 'session_expired', message: 'no session to resume with this token' }; };
  server.handlers.join = (data, ws) => {
    if (ws.url === 'ws://c.test:8080/ws') throw { code: 'redirect', message: 'the room is homed on node d', url: 'http://d.test:8080' };
    return { peerId: 'peer-d', room: data.room, role: data.role, resumeToken: 'rt-d', routerRtpCapabilities: { codecs: [] }, iceServers: [], peers: [], producers: [] };
  };
  server.refuseUrls.add(A);
  server.drop(server.last);
  await until('rejoined', () => seen('rejoined').length === 1);
  // A first (it may be back), then b's list: a left out (gone), b left out (draining): c, sent on to d.
  const tried = server.sockets.map((s) => s.url);
  assert.deepEqual(tried.slice(1), [A, 'ws://c.test:8080/ws', 'ws://d.test:8080/ws']);
  assert.ok(lists.includes('http://b.test:8080/cluster/nodes'), lists.join(' '));
  assert.equal(client.url, 'ws://d.test:8080/ws');
  assert.equal(client.connectionState, 'connected');
  assert.equal(server.requests('produce').length, 2, 'the microphone is produced again on d');
  assert.ok(client.knownNodes.includes('ws://c.test:8080/ws'));
});

test('a redirect notification names a node by its http URL: the client moves to its /ws', async () => {
  const { server, client, seen } = setup();
  await client.connect(URL);
  await client.join('lobby', 'viewer');
  server.notify(server.last, 'redirect', { url: 'http://other.test:8080', reason: 'node draining: its rooms moved' });
  await until('rejoined', () => seen('rejoined').length === 1);
  assert.equal(client.url, 'ws://other.test:8080/ws');
});
