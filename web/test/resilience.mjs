// One session through everything, in Chromium, on the client library (window.sfuDemo.SfuClient):
// a broadcaster and a listener whose ID tokens live a few seconds (unsigned, as the Auth emulator
// makes them, for a server that trusts the emulator). The listener's socket is cut (through a
// TCP proxy, no close frame), the room's media worker is killed (the admin API), and tokens
// expire again and again: the listener stays the same peer on one session and its audio keeps
// flowing after each, with no 4003 and no new join.
//
// usage: node web/test/resilience.mjs BASE_URL ADMIN_TOKEN PROJECT_ID TOKEN_LIFETIME_SECS
// Prints one JSON line with what it saw; exits non-zero on a failed step (with the reason).
import { launchChromium, startProxy, until } from './chromium.mjs';

const [base, adminToken, project, lifetime] = process.argv.slice(2);
const room = `res-${process.pid}`;
const result = { steps: [] };
const step = (name, data = {}) => result.steps.push({ name, ...data });

// An unsigned Firebase-shaped ID token that expires `lifetime` seconds from now.
function mint(sub, role) {
  const now = Math.floor(Date.now() / 1000);
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
    iss: `https://securetoken.google.com/${project}`, aud: project, sub, user_id: sub, role,
    iat: now - 1, auth_time: now - 1, exp: now + Number(lifetime), firebase: { sign_in_provider: 'custom' },
  })}.`;
}

// A page running one SfuClient; what it saw is in window.seen.
async function client(context, origin, name, role) {
  const page = await context.newPage();
  page.on('pageerror', (e) => step(`${name} page error`, { message: e.message }));
  let minted = 0;
  await page.exposeFunction('mintToken', () => {
    minted += 1;
    return mint(name, role);
  });
  await page.goto(`${origin}/?room=${room}`);
  await page.evaluate(async ({ origin: o, room: r, role: peerRole }) => {
    const seen = { events: [], tokenRefreshed: 0, resumed: 0, rejoined: 0, mediaReset: 0, closed: [], errors: [] };
    window.seen = seen;
    const c = new window.sfuDemo.SfuClient({ iceRestartDelayMs: 1000 });
    window.testClient = c;
    for (const name of ['tokenRefreshed', 'resumed', 'rejoined', 'mediaReset']) c.on(name, () => { seen[name] += 1; seen.events.push(name); });
    c.on('closed', (d) => seen.closed.push(d));
    c.on('disconnected', (d) => seen.events.push(`disconnected ${d.code} ${d.reason}`));
    c.on('rejoined', (d) => seen.events.push(`rejoined because ${d.reason}`));
    c.on('error', (e) => seen.errors.push(`${e.code}: ${e.message}`));
    c.on('track', ({ track, kind }) => {
      const el = document.createElement(kind);
      el.autoplay = true;
      el.muted = kind === 'video';
      el.srcObject = new MediaStream([track]);
      document.body.appendChild(el);
    });
    await c.connect(`${o.replace('http', 'ws')}/ws`, { getToken: () => window.mintToken() });
    const joined = await c.join(r, peerRole);
    seen.peerId = joined.peerId;
    if (peerRole === 'broadcaster') {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      await c.broadcast({ audio: stream.getAudioTracks()[0] });
    } else {
      await c.listen('*');
    }
  }, { origin, room, role });
  return { page, minted: () => minted };
}

// Inbound audio packets of the listener's receive transport.
const packets = (page) => page.evaluate(async () => {
  const t = window.testClient.recvTransport;
  if (!t) return 0;
  let n = 0;
  (await t.getStats()).forEach((s) => { if (s.type === 'inbound-rtp' && s.kind === 'audio') n = Math.max(n, s.packetsReceived); });
  return n;
});

// Audio keeps flowing: 25 more packets (half a second of Opus) within the wait.
async function flowing(page, what) {
  const before = await packets(page);
  const after = await until(`${what}: audio flowing`, () => packets(page).then((n) => n > before + 25 && n), 20000);
  return { before, after };
}

const seen = (page) => page.evaluate(() => ({ ...window.seen, state: window.testClient.connectionState }));

const proxy = await startProxy(base);
const browser = await launchChromium();
let code = 0;
try {
  const context = await browser.newContext();
  const ann = await client(context, base, 'ann', 'broadcaster');
  const bob = await client(context, proxy.url, 'bob', 'viewer');
  step('joined', { audio: await flowing(bob.page, 'at start') });
  const bobId = (await seen(bob.page)).peerId;

  // 1. Past the first tokens' exp: refreshed, not cut.
  await until('tokens refreshed', async () => (await seen(bob.page)).tokenRefreshed >= 1 && (await seen(ann.page)).tokenRefreshed >= 1, Number(lifetime) * 1000 + 5000);
  await new Promise((r) => setTimeout(r, 1500));
  step('token refreshed', { audio: await flowing(bob.page, 'after the refresh'), bob: await seen(bob.page) });

  // 2. The listener's socket is cut: resumed on a new one.
  const cut = Date.now();
  proxy.cut();
  await until('resumed', async () => { const s = await seen(bob.page); return s.resumed === 1 && s.state === 'connected'; });
  const resumedMs = Date.now() - cut;
  step('socket dropped', { resumedMs, audio: await flowing(bob.page, 'after the drop') });

  // 3. The room's media worker dies: media set up again on the same sockets.
  const crashed = Date.now();
  const crash = await fetch(`${base}/admin/workers/0/crash`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } });
  if (crash.status !== 202) throw new Error(`crash endpoint: HTTP ${crash.status} ${await crash.text()}`);
  await until('media reset', async () => (await seen(bob.page)).mediaReset === 1 && (await seen(ann.page)).mediaReset === 1);
  // The listener's new consumer counts from 0: audio flows again once it has 25 packets.
  const reset = await until('audio after the reset', () => packets(bob.page).then((n) => n > 25 && n), 20000);
  step('worker killed', { audioAgainMs: Date.now() - crashed, packets: reset });

  // 4. Another token lifetime after all that: refreshed again, still the same session.
  const refreshed = (await seen(bob.page)).tokenRefreshed;
  await until('tokens refreshed again', async () => (await seen(bob.page)).tokenRefreshed > refreshed, Number(lifetime) * 1000 + 5000);
  const audio = await flowing(bob.page, 'at the end');
  const final = { bob: await seen(bob.page), ann: await seen(ann.page), minted: { ann: ann.minted(), bob: bob.minted() } };
  step('end', { audio, ...final });
  for (const who of ['ann', 'bob']) {
    const s = final[who];
    if (s.rejoined !== 0 || s.closed.length !== 0) throw new Error(`${who} lost its session: ${JSON.stringify(s)}`);
    if (s.state !== 'connected') throw new Error(`${who} is ${s.state}`);
  }
  if (final.bob.peerId !== bobId) throw new Error('the listener became another peer');
  result.ok = true;
} catch (e) {
  result.ok = false;
  result.error = e.message;
  result.pages = {};
  for (const page of browser.contexts().flatMap((c) => c.pages())) {
    result.pages[page.url()] = await seen(page).catch((err) => err.message);
  }
  code = 1;
} finally {
  await browser.close();
  proxy.close();
}
console.log(JSON.stringify(result));
process.exit(code);
