// Browser end-to-end check of the demo page, driven by Playwright (playwright-core) in Debian's
// Chromium with fake media devices (its fake microphone plays a periodic beep).
//
// usage: node web/test/e2e.mjs BASE_URL [SCREENSHOT_DIR] [ADMIN_TOKEN]
// With ADMIN_TOKEN (and a server with admin.fault_injection on) it also kills the room's media
// worker and checks that the listener and feed pages set their media up again.
// Prints one JSON line with what it saw; exits non-zero on a failed step (with the reason).
import { launchChromium, startProxy, until } from './chromium.mjs';

const base = process.argv[2];
const shots = process.argv[3];
const adminToken = process.argv[4];
const room = `e2e-${process.pid}`;
const result = { steps: [] };

function step(name, data = {}) {
  result.steps.push({ name, ...data });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Packets received so far by the listener's consumer `id` (its receiver's inbound-rtp).
function consumerPackets(page, id) {
  return page.evaluate(async (cid) => {
    const c = window.sfuDemo.state.consumers.get(cid);
    if (!c) return null;
    let n = 0;
    (await c.consumer.getStats()).forEach((s) => { if (s.type === 'inbound-rtp') n = s.packetsReceived; });
    return n;
  }, id);
}

// The listener's audio consumer of `peerId`'s producer.
function audioConsumerOf(page, peerId) {
  return page.evaluate((p) => {
    for (const [id, c] of window.sfuDemo.state.consumers) if (c.peerId === p && c.consumer.kind === 'audio') return id;
    return null;
  }, peerId);
}

// The server's view (admin dump) of consumer `id`: paused or not.
async function serverPaused(id) {
  if (!adminToken) return null;
  const dump = await fetch(`${base}/admin/rooms`, { headers: { authorization: `Bearer ${adminToken}` } }).then((r) => r.json());
  const consumer = dump.rooms.flatMap((r) => r.peers.flatMap((p) => p.consumers)).find((c) => c.id === id);
  return consumer ? consumer.paused : null;
}

async function pauseAndResume(context, listener, annId) {
  const dee = await context.newPage();
  dee.on('pageerror', (e) => step('second broadcaster page error', { message: e.message }));
  await dee.goto(`${base}/?room=${room}&name=Dee&autostart=1`);
  await until('second broadcaster connected', () => dee.evaluate(() => window.sfuDemo.state.transport === 'connected'));
  const deeId = await dee.evaluate(() => window.sfuDemo.state.peerId);
  const deeAudio = await until('listener consumes Dee', () => audioConsumerOf(listener, deeId));
  const annAudio = await audioConsumerOf(listener, annId);
  await until('Dee audio flowing', () => consumerPackets(listener, deeAudio).then((n) => n > 20));
  await until('Dee in the chooser', () => listener.evaluate(
    (d) => [...document.getElementById('listen-to').options].some((o) => o.value === d), deeId));
  await listener.selectOption('#listen-to', deeId);
  await until('Ann paused on the server', async () => (adminToken ? (await serverPaused(annAudio)) === true : true));
  await sleep(500); // packets in flight land
  const paused = [await consumerPackets(listener, annAudio), null];
  const deeBefore = await consumerPackets(listener, deeAudio);
  await sleep(1500);
  paused[1] = await consumerPackets(listener, annAudio);
  const deeAfter = await consumerPackets(listener, deeAudio);
  if (paused[1] !== paused[0]) throw new Error(`Ann's packets did not stop while paused: ${paused}`);
  if (!(deeAfter > deeBefore + 20)) throw new Error(`Dee's packets stopped too: ${deeBefore} -> ${deeAfter}`);
  await listener.selectOption('#listen-to', '');
  const resumed = await until("Ann's packets again", () => consumerPackets(listener, annAudio).then((n) => n > paused[1] + 20 && n));
  const serverResumed = await serverPaused(annAudio);
  if (serverResumed === true) throw new Error('Ann still paused on the server');
  await dee.close();
  await until('Dee gone from the listener', () => audioConsumerOf(listener, deeId).then((id) => id === null));
  return { annAudio, paused, resumed, dee: [deeBefore, deeAfter], serverResumed };
}

const proxy = await startProxy(base);
const browser = await launchChromium();
let code = 0;
try {
  const context = await browser.newContext({ viewport: { width: 900, height: 760 } });
  // Without authentication the page never loads the Firebase SDK (a bundle of its own).
  const sdkRequests = [];
  context.on('request', (r) => { if (r.url().endsWith('/firebase.js')) sdkRequests.push(r.url()); });
  const broadcaster = await context.newPage();
  const listener = await context.newPage();
  const feed = await context.newPage();
  for (const [name, page] of [['broadcaster', broadcaster], ['listener', listener], ['feed', feed]]) {
    page.on('pageerror', (e) => step(`${name} page error`, { message: e.message }));
  }
  // Ann broadcasts her (fake) microphone and camera.
  await broadcaster.goto(`${base}/?room=${room}&name=Ann&video=1&autostart=1`);
  await until('broadcaster media connected', () => broadcaster.evaluate(() => window.sfuDemo.state.transport === 'connected'));
  step('broadcaster connected');
  await listener.goto(`${proxy.url}/?room=${room}&name=Bob&role=listen&autostart=1`);
  await until('listener consumes', () => listener.evaluate(() => window.sfuDemo.state.consumers.size > 0));
  await until('listener media connected', () => listener.evaluate(() => window.sfuDemo.state.transport === 'connected'));
  step('listener connected');

  const first = await until('inbound audio', () => listener.evaluate(() => window.sfuDemo.inboundAudio()));
  let maxLevel = first.audioLevel;
  let last = first;
  for (let i = 0; i < 15; i++) {
    await new Promise((r) => setTimeout(r, 200));
    last = await listener.evaluate(() => window.sfuDemo.inboundAudio());
    maxLevel = Math.max(maxLevel, last.audioLevel);
  }
  step('inbound audio', { first, last, maxLevel });
  if (!(last.packetsReceived > first.packetsReceived && last.bytesReceived > first.bytesReceived)) {
    throw new Error(`inbound audio is not growing: ${JSON.stringify({ first, last })}`);
  }
  if (!(maxLevel > 0)) throw new Error('inbound audio level stayed 0');

  // The feed: one stream the server reroutes; with one broadcaster every utterance is Ann's.
  const annId = await broadcaster.evaluate(() => window.sfuDemo.state.peerId);
  await feed.goto(`${base}/?room=${room}&name=Cy&role=feed&video=1&autostart=1`);
  await until('feed media connected', () => feed.evaluate(() => window.sfuDemo.state.transport === 'connected'));
  const switched = await until('feedSwitched to the broadcaster', () =>
    feed.evaluate((ann) => {
      const s = window.sfuDemo.state;
      return s.switches > 0 && s.feed.speakerPeerId === ann ? { switches: s.switches, feed: s.feed } : null;
    }, annId), 30000);
  const feedFirst = await until('inbound feed audio', () => feed.evaluate(() => window.sfuDemo.inboundAudio()));
  let feedLast = feedFirst;
  let feedLevel = feedFirst.audioLevel;
  for (let i = 0; i < 15; i++) {
    await new Promise((r) => setTimeout(r, 200));
    feedLast = await feed.evaluate(() => window.sfuDemo.inboundAudio());
    feedLevel = Math.max(feedLevel, feedLast.audioLevel);
  }
  step('feed audio', { switched, first: feedFirst, last: feedLast, maxLevel: feedLevel });
  if (!(feedLast.packetsReceived > feedFirst.packetsReceived)) {
    throw new Error(`feed audio is not growing: ${JSON.stringify({ feedFirst, feedLast })}`);
  }
  if (!(feedLevel > 0)) throw new Error('feed audio level stayed 0');
  // The feed's video: Ann's camera from a key frame on, decoded by Chromium's VP8 decoder.
  const feedVideo = await until('feed video decoded', () => feed.evaluate(
    () => window.sfuDemo.inboundVideo().then((v) => v && v.framesDecoded > 10 && v)), 30000);
  step('feed video', feedVideo);
  // Like what the feed plays (a recommender signal): the server takes it, the page says so.
  await feed.click('#like');
  const liked = await until('like taken', () => feed.evaluate(() => {
    const s = window.sfuDemo.state;
    return (s.likes === 1 || s.error) && { likes: s.likes, error: s.error, event: s.events[0] };
  }));
  if (liked.error || !/you liked/.test(liked.event)) throw new Error(`like: ${JSON.stringify(liked)}`);
  step('like', liked);
  const feedText = await feed.locator('#speakers').innerText();
  if (!/feed — (Ann|waiting)/.test(feedText)) throw new Error(`feed page does not show the speaker: ${feedText}`);

  // The listener's connection dies (reset, no close frame): the page resumes its session on a
  // new connection; the others see nothing, and its audio never stopped.
  const bobId = await listener.evaluate(() => window.sfuDemo.state.peerId);
  const beforeCut = await listener.evaluate(() => window.sfuDemo.inboundAudio());
  proxy.cut();
  const resumed = await until('listener resumed', () => listener.evaluate(() => {
    const s = window.sfuDemo.state;
    return s.resumes === 1 && s.connection === 'connected' ? { peerId: s.peerId, events: s.events.slice(0, 3) } : null;
  }));
  if (resumed.peerId !== bobId) throw new Error(`resumed as another peer: ${resumed.peerId} vs ${bobId}`);
  const afterResume = await until('listener audio after resume', () => listener.evaluate(
    (n) => window.sfuDemo.inboundAudio().then((a) => a && a.packetsReceived > n + 20 && a), beforeCut.packetsReceived));
  const annEvents = await broadcaster.locator('#events').innerText();
  if (/Bob left/.test(annEvents)) throw new Error('the broadcaster saw the listener leave');
  await listener.evaluate(() => window.sfuDemo.state.error === null || Promise.reject(new Error(window.sfuDemo.state.error)));
  step('resumed', { resumed, beforeCut, afterResume });

  if (adminToken) {
    // The room's only worker dies; the server replaces it and the pages get mediaReset.
    const crash = await fetch(`${base}/admin/workers/0/crash`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } });
    if (crash.status !== 202) throw new Error(`crash endpoint: HTTP ${crash.status} ${await crash.text()}`);
    const crashed = Date.now();
    for (const [name, page] of [['broadcaster', broadcaster], ['listener', listener], ['feed', feed]]) {
      await until(`${name} media set up again`, () => page.evaluate(() => {
        const s = window.sfuDemo.state;
        return s.mediaResets === 1 && s.transport === 'connected';
      }));
    }
    const reconnected = Date.now() - crashed;
    const again = {};
    for (const [name, page] of [['listener', listener], ['feed', feed]]) {
      const before = await until(`${name} inbound audio again`, () => page.evaluate(() => window.sfuDemo.inboundAudio()));
      await until(`${name} audio growing again`, () => page.evaluate(
        (n) => window.sfuDemo.inboundAudio().then((a) => a && a.packetsReceived > n + 20 && a), before.packetsReceived));
      again[name] = await page.evaluate(() => window.sfuDemo.inboundAudio());
    }
    step('media reset', { reconnectedMs: reconnected, recoveredMs: Date.now() - crashed, again });
  }

  if (shots) {
    await broadcaster.screenshot({ path: `${shots}/broadcast.png`, fullPage: true });
    await listener.screenshot({ path: `${shots}/listen.png`, fullPage: true });
    await feed.screenshot({ path: `${shots}/feed.png`, fullPage: true });
    step('screenshots', { dir: shots });
  }

  // Pause and resume a consumer through the listener's chooser: with a second broadcaster (Dee)
  // in the room, listening to Dee only pauses Ann's consumers on the server, and Ann's audio
  // packets stop while Dee's keep coming; listening to everyone again resumes them.
  step('pause and resume consumer', await pauseAndResume(context, listener, annId));

  await broadcaster.close();
  const events = await until('listener shows the broadcaster left', async () => {
    const text = await listener.locator('#events').innerText();
    return /Ann (stopped broadcasting|left)/.test(text) ? text : null;
  });
  const speakers = await listener.locator('#speakers').innerText();
  step('broadcaster gone', { events: events.split('\n').slice(0, 4), speakers });
  if (sdkRequests.length) throw new Error(`the page without authentication loaded ${sdkRequests}`);
  step('no sign-in SDK without authentication');
  result.ok = true;
} catch (e) {
  result.ok = false;
  result.error = e.message;
  // What each page said, for the diagnosis.
  result.pages = {};
  for (const page of browser.contexts().flatMap((c) => c.pages())) {
    result.pages[page.url()] = await page.evaluate(async () => ({
      error: window.sfuDemo.state.error, transport: window.sfuDemo.state.transport, events: window.sfuDemo.state.events.slice(0, 6),
      audio: await window.sfuDemo.inboundAudio(), video: await window.sfuDemo.inboundVideo(),
    })).catch((err) => err.message);
  }
  if (adminToken) {
    // The server's view of every peer's consumers (paused or not) at the moment of the failure.
    result.server = await fetch(`${base}/admin/rooms`, { headers: { authorization: `Bearer ${adminToken}` } })
      .then((r) => r.json()).then((d) => d.rooms.map((r) => r.peers.map((p) => ({ role: p.role, consumers: p.consumers, feed: p.feed }))))
      .catch((err) => err.message);
  }
  code = 1;
} finally {
  await browser.close();
  proxy.close();
}
console.log(JSON.stringify(result));
process.exit(code);
