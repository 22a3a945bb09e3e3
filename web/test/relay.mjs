// TURN relay check of the demo page, driven by Playwright in Debian's Chromium: a broadcaster
// page (direct) and a listener page forced to iceTransportPolicy "relay", with the TURN REST
// credentials the server hands out in join.
//
// usage: node web/test/relay.mjs BASE_URL ok|refused
//   ok:      the listener receives audio and its selected ICE pair is a relay candidate.
//   refused: the TURN server rejects the credentials (401 in icecandidateerror), no relay
//            candidate is gathered and the listener's media never connects.
// Prints one JSON line with what it saw; exits non-zero on a failed step (with the reason).
import { launchChromium, until } from './chromium.mjs';

const [base, expect] = process.argv.slice(2);
const room = `relay-${process.pid}`;
const result = { expect, steps: [] };
const step = (name, data = {}) => result.steps.push({ name, ...data });


// Gathers relay candidates with the given ICE servers in a fresh RTCPeerConnection.
function probe(iceServers) {
  return new Promise((resolve) => {
    const pc = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
    const seen = { relay: 0, errors: [] };
    pc.onicecandidate = (e) => {
      if (e.candidate && e.candidate.type === 'relay') seen.relay += 1;
      if (!e.candidate) { pc.close(); resolve(seen); }
    };
    pc.onicecandidateerror = (e) => seen.errors.push({ code: e.errorCode, text: e.errorText, url: e.url });
    pc.createDataChannel('probe');
    pc.createOffer().then((o) => pc.setLocalDescription(o));
    setTimeout(() => { pc.close(); resolve(seen); }, 10000);
  });
}

const browser = await launchChromium();
let code = 0;
try {
  const context = await browser.newContext();
  const broadcaster = await context.newPage();
  const listener = await context.newPage();
  for (const [name, page] of [['broadcaster', broadcaster], ['listener', listener]]) {
    page.on('pageerror', (e) => step(`${name} page error`, { message: e.message }));
  }
  await broadcaster.goto(`${base}/?room=${room}&name=Ann&autostart=1`);
  await until('broadcaster media connected', () => broadcaster.evaluate(() => window.sfuDemo.state.transport === 'connected'));
  await listener.goto(`${base}/?room=${room}&name=Bob&role=listen&relay=1&autostart=1`);
  await until('listener joined', () => listener.evaluate(() => !!window.sfuDemo.state.peerId));
  const iceServers = await listener.evaluate(() => window.sfuDemo.client.iceServers);
  const turn = iceServers.find((s) => [].concat(s.urls).some((u) => u.startsWith('turn:')));
  if (!turn || !turn.username || !turn.credential) throw new Error(`join gave no TURN credentials: ${JSON.stringify(iceServers)}`);
  step('credentials', { username: turn.username });
  const gathered = await listener.evaluate(probe, iceServers);
  step('probe', gathered);

  if (expect === 'ok') {
    if (gathered.relay < 1) throw new Error(`no relay candidate with the server's credentials: ${JSON.stringify(gathered)}`);
    await until('listener media connected through TURN', () => listener.evaluate(() => window.sfuDemo.state.transport === 'connected'), 30000);
    const first = await until('inbound audio', () => listener.evaluate(() => window.sfuDemo.inboundAudio()));
    await new Promise((r) => setTimeout(r, 2000));
    const last = await listener.evaluate(() => window.sfuDemo.inboundAudio());
    const candidate = await listener.evaluate(() => window.sfuDemo.selectedCandidateType());
    step('inbound audio', { first, last, candidate });
    if (!(last.packetsReceived > first.packetsReceived)) throw new Error('inbound audio is not growing');
    if (candidate !== 'relay') throw new Error(`selected candidate is ${candidate}, not relay`);
  } else {
    if (gathered.relay !== 0) throw new Error(`wrong credentials still gave a relay candidate: ${JSON.stringify(gathered)}`);
    if (!gathered.errors.some((e) => e.code === 401)) throw new Error(`expected a 401 from the TURN server: ${JSON.stringify(gathered)}`);
    await new Promise((r) => setTimeout(r, 3000));
    const transport = await listener.evaluate(() => window.sfuDemo.state.transport);
    const inbound = await listener.evaluate(() => window.sfuDemo.inboundAudio());
    step('listener', { transport, inbound });
    if (transport === 'connected' || (inbound && inbound.packetsReceived > 0)) throw new Error('media flowed without valid TURN credentials');
  }
  result.ok = true;
} catch (e) {
  result.ok = false;
  result.error = e.message;
  code = 1;
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(code);
