// Firebase Auth for the demo page: a bundle of its own (dist/firebase.js, served at /firebase.js)
// that the page imports only when the server says sign-in is on (/auth/config), so the page
// without authentication stays small.
import { initializeApp } from 'firebase/app';
import {
  getAuth, connectAuthEmulator, onAuthStateChanged, signInWithEmailAndPassword,
  createUserWithEmailAndPassword, signInAnonymously, signInWithPopup, GoogleAuthProvider, signOut,
} from 'firebase/auth';

// `config` is /auth/config: projectId, apiKey, authDomain, emulatorUrl (development), signIn.
export function startAuth(config) {
  const app = initializeApp({
    // The emulator takes any key; a real project needs its web API key.
    apiKey: config.apiKey || 'emulator-api-key',
    authDomain: config.authDomain,
    projectId: config.projectId,
  });
  const auth = getAuth(app);
  if (config.emulatorUrl) connectAuthEmulator(auth, config.emulatorUrl, { disableWarnings: true });
  return {
    onUser: (fn) => onAuthStateChanged(auth, fn),
    withPassword: (email, password) => signInWithEmailAndPassword(auth, email, password),
    createAccount: (email, password) => createUserWithEmailAndPassword(auth, email, password),
    anonymously: () => signInAnonymously(auth),
    withGoogle: () => signInWithPopup(auth, new GoogleAuthProvider()),
    signOut: () => signOut(auth),
    // A valid ID token: the SDK's cached one, or a new one when it is close to expiring.
    token: () => (auth.currentUser ? auth.currentUser.getIdToken() : Promise.resolve(null)),
    // The role claim the server reads (auth.role_claim, "role" by default), or null.
    role: async (claim = 'role') => {
      if (!auth.currentUser) return null;
      const result = await auth.currentUser.getIdTokenResult();
      return typeof result.claims[claim] === 'string' ? result.claims[claim] : null;
    },
  };
}
