// A small typed event emitter (browsers and Node alike, no dependency).

/** @template {Record<string, any>} Events */
export class Emitter {
  constructor() {
    /** @type {Map<keyof Events, Set<Function>>} */
    this._listeners = new Map();
  }

  /**
   * Calls `fn` for each `name` event; returns a function that removes it.
   * @template {keyof Events} K
   * @param {K} name
   * @param {(data: Events[K]) => void} fn
   * @returns {() => void}
   */
  on(name, fn) {
    if (!this._listeners.has(name)) this._listeners.set(name, new Set());
    this._listeners.get(name)?.add(fn);
    return () => this.off(name, fn);
  }

  /**
   * @template {keyof Events} K
   * @param {K} name
   * @param {(data: Events[K]) => void} fn
   */
  off(name, fn) {
    this._listeners.get(name)?.delete(fn);
  }

  /**
   * Resolves with the next `name` event's data.
   * @template {keyof Events} K
   * @param {K} name
   * @returns {Promise<Events[K]>}
   */
  once(name) {
    return new Promise((resolve) => {
      const off = this.on(name, (data) => {
        off();
        resolve(data);
      });
    });
  }

  /**
   * @template {keyof Events} K
   * @param {K} name
   * @param {Events[K]} data
   */
  emit(name, data) {
    for (const fn of [...(this._listeners.get(name) || [])]) {
      try {
        fn(data);
      } catch (err) {
        // A listener's bug must not break the client's state machine.
        if (name !== 'error') this.emit(/** @type {any} */ ('error'), err);
        else setTimeout(() => { throw err; });
      }
    }
  }
}
