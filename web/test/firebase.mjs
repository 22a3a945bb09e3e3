// Browser check of the demo page's Firebase sign-in, against the Firebase Auth emulator the
// server trusts (tests/firebase_emulator.rs starts both and creates the users).
//
// usage: node web/test/firebase.mjs BASE_URL BROADCASTER_EMAIL VIEWER_EMAIL PASSWORD [SCREENSHOT_DIR]
// A user whose role claim is broadcaster signs in and broadcasts; a viewer user's attempt to
// broadcast shows the server's `forbidden` in words; an anonymous listener hears the broadcaster.
// Prints one JSON line with what it saw; exits non-zero on a failed step (with the reason).
import { launchChromium, until } from './chromium.mjs';

const [base, broadcasterEmail, viewerEmail, password, shots] = process.argv.slice(2);
const room = `fb-${process.pid}`;
const result = { steps: [] };
const step = (name, data = {}) => result.steps.push({ name, ...data });
const demo = (page, fn, arg) => page.evaluate(fn, arg);

// Each user in a browser context of their own: Firebase keeps the signed-in user per origin.
async function open(name, role) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => step(`${name} page error`, { message: e.message }));
  const sdk = [];
  page.on('request', (r) => { if (r.url().endsWith('/firebase.js')) sdk.push(r.url()); });
  await page.goto(`${base}/?room=${room}&name=${name}${role ? `&role=${role}` : ''}`);
  await until(`${name}: sign-in offered`, () => page.locator('#signed-out').isVisible());
  return { page, sdk };
}

async function signIn(page, name, email) {
  if (email) {
    await page.fill('#email', email);
    await page.fill('#password', password);
    await page.click('#sign-in-password');
  } else {
    await page.click('#sign-in-anonymous');
  }
  await until(`${name} signed in`, () => page.locator('#signed-in').isVisible());
  await until(`${name}'s role read`, () => demo(page, () => window.sfuDemo.state.auth.user !== null));
  return page.locator('#who').innerText();
}

const browser = await launchChromium();
let code = 0;
try {
  // Bea: role claim broadcaster.
  const bea = await open('Bea');
  const beaWho = await signIn(bea.page, 'Bea', broadcasterEmail);
  if (!/role: broadcaster/.test(beaWho)) throw new Error(`Bea's page shows: ${beaWho}`);
  await bea.page.click('#start');
  await until('Bea broadcasting', () => demo(bea.page, () => window.sfuDemo.state.transport === 'connected'));
  if (bea.sdk.length !== 1) throw new Error(`the page loaded the Firebase SDK ${bea.sdk.length} times`);
  step('broadcaster signed in and broadcasting', { who: beaWho });

  // Vic: role claim viewer; broadcasting is refused by the server.
  const vic = await open('Vic');
  const vicWho = await signIn(vic.page, 'Vic', viewerEmail);
  await vic.page.click('#start');
  const refused = await until('Vic refused', async () => {
    const visible = await vic.page.locator('#error').isVisible();
    return visible && vic.page.locator('#error').innerText();
  });
  if (!/role does not allow/.test(refused) || !/forbidden/.test(refused)) throw new Error(`Vic's page shows: ${refused}`);
  step('viewer may not broadcast', { who: vicWho, error: refused });
  if (shots) {
    await bea.page.setViewportSize({ width: 900, height: 620 });
    await bea.page.screenshot({ path: `${shots}/signed-in.png` });
    await vic.page.setViewportSize({ width: 900, height: 620 });
    await vic.page.screenshot({ path: `${shots}/forbidden.png` });
  }

  // An anonymous listener (no role claim: the server's default, viewer) hears Bea.
  const lee = await open('Lee', 'listen');
  const leeWho = await signIn(lee.page, 'Lee', null);
  await lee.page.click('#start');
  const first = await until('Lee hears audio', () => demo(lee.page, () => window.sfuDemo.inboundAudio()));
  let last = first;
  let maxLevel = first.audioLevel;
  for (let i = 0; i < 15; i++) {
    await new Promise((r) => setTimeout(r, 200));
    last = await demo(lee.page, () => window.sfuDemo.inboundAudio());
    maxLevel = Math.max(maxLevel, last.audioLevel);
  }
  if (!(last.packetsReceived > first.packetsReceived) || !(maxLevel > 0)) {
    throw new Error(`Lee's audio: ${JSON.stringify({ first, last, maxLevel })}`);
  }
  step('anonymous listener hears the broadcaster', { who: leeWho, first, last, maxLevel });
  result.ok = true;
} catch (e) {
  result.ok = false;
  result.error = e.message;
  result.pages = {};
  for (const page of browser.contexts().flatMap((c) => c.pages())) {
    result.pages[page.url()] = await page.evaluate(() => ({
      error: window.sfuDemo.state.error, auth: window.sfuDemo.state.auth && { user: window.sfuDemo.state.auth.user, role: window.sfuDemo.state.auth.role },
      transport: window.sfuDemo.state.transport, events: window.sfuDemo.state.events.slice(0, 6),
    })).catch((err) => err.message);
  }
  code = 1;
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(code);
