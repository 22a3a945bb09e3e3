/** @template {Record<string, any>} Events */
export class Emitter<Events extends Record<string, any>> {
    /** @type {Map<keyof Events, Set<Function>>} */
    _listeners: Map<keyof Events, Set<Function>>;
    /**
     * Calls `fn` for each `name` event; returns a function that removes it.
     * @template {keyof Events} K
     * @param {K} name
     * @param {(data: Events[K]) => void} fn
     * @returns {() => void}
     */
    on<K extends keyof Events>(name: K, fn: (data: Events[K]) => void): () => void;
    /**
     * @template {keyof Events} K
     * @param {K} name
     * @param {(data: Events[K]) => void} fn
     */
    off<K extends keyof Events>(name: K, fn: (data: Events[K]) => void): void;
    /**
     * Resolves with the next `name` event's data.
     * @template {keyof Events} K
     * @param {K} name
     * @returns {Promise<Events[K]>}
     */
    once<K extends keyof Events>(name: K): Promise<Events[K]>;
    /**
     * @template {keyof Events} K
     * @param {K} name
     * @param {Events[K]} data
     */
    emit<K extends keyof Events>(name: K, data: Events[K]): void;
}
