/** @extends {Emitter<ClientEvents>} */
export class Client extends Emitter<ClientEvents> {
    /** @param {ClientOptions} options */
    constructor(options: ClientOptions);
    options: {
        /**
         * mediasoup-client's Device class (the package entry passes it)
         */
        Device: any;
        /**
         * the WebSocket class (default: the global one)
         */
        WebSocket: any;
        /**
         * how long a request may wait for its answer (10 s)
         */
        requestTimeoutMs: number;
        /**
         * attempts to take a dropped session back (6)
         */
        reconnectAttempts: number;
        /**
         * first back-off between attempts, doubled each time (250 ms)
         */
        reconnectDelayMs: number;
        /**
         * how long a `disconnected` transport may recover alone (2 s)
         */
        iceRestartDelayMs: number;
        /**
         * 'relay' forces media through TURN
         */
        iceTransportPolicy: string;
        /**
         * the soonest a token refresh is scheduled (1 s)
         */
        minRefreshDelayMs: number;
        /**
         * other nodes of a cluster (`http(s)://host:port` or their
         * `ws(s)://…/ws`): when the client's node is gone it asks them (and the nodes it learnt of)
         * for the live nodes (`/cluster/nodes`) and joins one
         */
        nodes: string[];
        /**
         * reads `/cluster/nodes` (default: the global fetch;
         * null: never)
         */
        fetch: any;
        /**
         * the clock (ms since the Unix epoch)
         */
        now: () => number;
        setTimeout: typeof setTimeout;
        clearTimeout: typeof clearTimeout;
    };
    /** @type {ConnectionState} */
    connectionState: ConnectionState;
    url: string;
    auth: {
        token: any;
        getToken: any;
    };
    /** @type {Signaling | null} */
    sig: Signaling | null;
    /** @type {{room: string, role: Role, displayName?: string, peerId: string, resumeToken: string} | null} */
    session: {
        room: string;
        role: Role;
        displayName?: string;
        peerId: string;
        resumeToken: string;
    } | null;
    /** @type {Map<string, PeerInfo>} */
    peers: Map<string, PeerInfo>;
    /** @type {FeedSwitched | {waiting: string} | null} what the feed plays now */
    feed: FeedSwitched | {
        waiting: string;
    } | null;
    media: Media;
    timers: {
        refresh: any;
        drain: any;
    };
    token: any;
    reconnecting: any;
    rejoining: boolean;
    draining: {
        started: boolean;
        atBoundary: () => void;
    };
    /** @type {string[]} signaling URLs of the cluster's nodes known so far */
    knownNodes: string[];
    /**
     * Opens the connection. `token` is a Firebase ID token; `getToken` is called for a fresh one
     * before each join and before the current one expires (e.g. `() => user.getIdToken()`).
     * @param {string} url the server's WebSocket URL (`wss://host/ws`)
     * @param {{token?: string, getToken?: () => Promise<string> | string}} [auth]
     */
    connect(url: string, auth?: {
        token?: string;
        getToken?: () => Promise<string> | string;
    }): Promise<void>;
    /** @param {string} url */
    openSignaling(url: string): Promise<Signaling>;
    /**
     * Sends one request on the current connection (for methods the client has no helper for).
     * @param {string} method
     * @param {object} [data]
     */
    request(method: string, data?: object): Promise<any>;
    /** The receive transport (mediasoup-client's), e.g. for `getStats()`; null before media. */
    get recvTransport(): any;
    /** The send transport (mediasoup-client's); null before `broadcast`. */
    get sendTransport(): any;
    /**
     * The STUN/TURN servers the server gave in `join` (TURN with its short-lived credentials),
     * as the transports use them; empty before `join`.
     * @returns {RTCIceServer[]}
     */
    get iceServers(): RTCIceServer[];
    /**
     * Whether the live consumer `consumerId` is paused on the server (not chosen in `listen`).
     * @param {string} consumerId
     */
    isPaused(consumerId: string): boolean;
    /** @param {ConnectionState} state */
    setConnectionState(state: ConnectionState): void;
    /**
     * Joins `room` as `role`; loads the Device with the room's capabilities first.
     * @param {string} room
     * @param {Role} role
     * @param {{displayName?: string}} [opts]
     */
    join(room: string, role: Role, opts?: {
        displayName?: string;
    }): Promise<any>;
    /**
     * Sends `join` on the current connection; a node of a cluster that answers `redirect` names
     * another node: the client connects there (leaving the old connection) and joins again, up to
     * 3 times.
     * @param {string} room
     * @param {Role} role
     * @param {string} [displayName]
     */
    joinFollowingRedirects(room: string, role: Role, displayName?: string): Promise<any>;
    /**
     * Sends `join` (with a fresh token) on `sig`.
     * @param {Signaling} sig
     * @param {string} room
     * @param {Role} role
     * @param {string} [displayName]
     */
    sendJoin(sig: Signaling, room: string, role: Role, displayName?: string): Promise<any>;
    freshToken(): Promise<any>;
    /**
     * Sends the microphone (and camera) tracks; they are sent again after a media reset or a move
     * to another server, so the app must not stop them while broadcasting.
     * @param {{audio?: MediaStreamTrack, video?: MediaStreamTrack}} tracks
     */
    broadcast(tracks: {
        audio?: MediaStreamTrack;
        video?: MediaStreamTrack;
    }): Promise<{
        producers: any[];
    }>;
    /**
     * Pauses (`true`) or resumes the broadcast's track of `kind` on the server.
     * @param {boolean} muted
     * @param {'audio' | 'video'} [kind]
     */
    setMuted(muted: boolean, kind?: "audio" | "video"): Promise<void>;
    /**
     * Listens live: consumes every producer of the room, now and as they start, and plays those
     * of `peerId` (or of everyone with `'*'`); the others' consumers stay paused on the server.
     * Calling it again with another peer switches. Tracks come as `track` events.
     * @param {string} [peerOrAll]
     */
    listen(peerOrAll?: string): Promise<void>;
    /**
     * Subscribes to the feed: one audio (and with `video`, one video) stream that the server
     * switches utterance by utterance (`feedSwitched`). Resolves with the tracks.
     * @param {{video?: boolean}} [opts]
     */
    subscribeFeed(opts?: {
        video?: boolean;
    }): Promise<{}>;
    /** Moves the feed to the next utterance now. */
    skip(): Promise<any>;
    /** Tells the recommender the viewer likes the utterance the feed plays now. */
    like(): Promise<any>;
    /**
     * Replaces the feed's preferences: `favour` speakers first, `mute` speakers never (uids).
     * @param {{favour?: string[], mute?: string[]}} prefs
     */
    setPreferences(prefs: {
        favour?: string[];
        mute?: string[];
    }): Promise<any>;
    /** Leaves the room (the connection stays open: `join` may follow). */
    leave(): Promise<void>;
    /** Leaves and closes the connection; nothing is retried afterwards. */
    close(): Promise<void>;
    endSession(): void;
    /** @param {string} method */
    needJoined(method: string): void;
    /** @param {string} name @param {any} data */
    onNotification(name: string, data: any): void;
    /** @param {number} code @param {string} reason */
    onSocketClosed(code: number, reason: string): void;
    /**
     * The socket died under a session: take it back with `resume` on a new socket (media kept
     * flowing meanwhile), or join again when the server no longer has it. Bounded attempts.
     * @param {string} why
     */
    reconnect(why: string): Promise<any>;
    retry(why: any): Promise<void>;
    /** One attempt: a new socket, `resume` (unless the token expired), else `join` again. */
    comeBack(url: any, why: any): Promise<void>;
    /** @returns {Promise<boolean>} whether the server took the session back */
    tryResume(sig: any, session: any): Promise<boolean>;
    /** Joins the same room again on `sig` (a new peer) and sets media up as before. */
    rejoin(sig: any, reason: any): Promise<void>;
    /** @param {number} ms */
    sleep(ms: number): Promise<any>;
    scheduleRefresh(): void;
    /**
     * Gets a fresh token from the app and gives it to the server (`refreshToken`). On failure (the
     * socket is coming back, the app's getToken failed) it tries again every second until the
     * session ends; if the token expires meanwhile the server closes with 4003 and the client
     * joins again with a fresh one.
     */
    refreshToken(): Promise<void>;
    /** @param {{deadlineMs: number}} data */
    onDraining(data: {
        deadlineMs: number;
    }): void;
    /**
     * Make before break: joins on a new connection to `url` (another instance behind the same
     * address, or the one a redirect names), then leaves the old one.
     * @param {string | null} url
     * @param {string} reason
     */
    moveTo(url: string | null, reason: string): Promise<void>;
    /** @param {string} url a node's URL (`http(s)://` or its signaling URL) */
    knowNode(url: string): void;
    /**
     * The nodes the node at `url` lists as live (`/cluster/nodes`), or null when it does not
     * answer (a server on its own answers 404).
     * @param {string} url
     * @returns {Promise<{url: string, draining?: boolean}[] | null>}
     */
    listNodes(url: string): Promise<{
        url: string;
        draining?: boolean;
    }[] | null>;
    /** Remembers the live nodes the node at `url` lists (best effort, in the background). */
    learnNodes(url: any): void;
    /**
     * The node to try after `gone` could not be reached, the `turn`-th in the list: the live
     * nodes (not draining) that the first known node to answer lists, then the other known ones.
     * @param {string} gone
     * @param {number} turn
     */
    nextNode(gone: string, turn: number): Promise<string>;
}
export type ConnectionState = "idle" | "connecting" | "connected" | "reconnecting" | "closed";
export type Role = "broadcaster" | "viewer";
export type PeerInfo = {
    peerId: string;
    displayName?: string;
    role: Role;
};
export type ProducerInfo = {
    producerId: string;
    peerId: string;
    kind: "audio" | "video";
    paused?: boolean;
};
export type FeedSwitched = {
    utteranceId: string;
    speakerUid: string;
    speakerPeerId: string;
    reason: string;
    speaker: PeerInfo | null;
};
/**
 * (`consumer` is mediasoup-client's Consumer: `getStats()`, `paused`)
 */
export type TrackEvent = {
    track: MediaStreamTrack;
    kind: "audio" | "video";
    consumerId: string;
    producerId: string;
    peerId: string | null;
    feed: boolean;
    consumer: any;
};
export type ClientEvents = {
    connectionState: ConnectionState;
    joined: {
        peerId: string;
        room: string;
        role: Role;
        peers: PeerInfo[];
        producers: ProducerInfo[];
    };
    peerJoined: PeerInfo;
    peerLeft: {
        peerId: string;
    };
    newProducer: ProducerInfo;
    producerClosed: {
        producerId: string;
        peerId: string;
    };
    producerPaused: {
        producerId: string;
        peerId: string;
        byServer?: boolean;
        mine: boolean;
    };
    producerResumed: {
        producerId: string;
        peerId: string;
        byServer?: boolean;
        mine: boolean;
    };
    feedSwitched: FeedSwitched;
    feedWaiting: {
        reason: string;
        stopped?: string;
    };
    track: TrackEvent;
    trackEnded: {
        consumerId: string;
        kind: "audio" | "video";
        peerId: string | null;
        feed: boolean;
    };
    transportState: {
        direction: "send" | "recv";
        state: string;
    };
    mediaReset: {
        reason: string;
    };
    resumed: {
        peerId: string;
    };
    rejoined: {
        peerId: string;
        reason: string;
    };
    tokenRefreshed: {
        expiresAtMs: number | null;
    };
    serverDraining: {
        reason: string;
        deadlineMs: number;
    };
    serverShutdown: {
        reason: string;
        reconnectAfterMs: number;
    };
    removed: {
        reason: string;
    };
    roomClosed: {
        reason: string;
    };
    disconnected: {
        code: number;
        reason: string;
    };
    closed: {
        code: number;
        reason: string;
    };
    error: SfuError;
};
export type ClientOptions = {
    /**
     * mediasoup-client's Device class (the package entry passes it)
     */
    Device: any;
    /**
     * the WebSocket class (default: the global one)
     */
    WebSocket?: any;
    /**
     * how long a request may wait for its answer (10 s)
     */
    requestTimeoutMs?: number;
    /**
     * attempts to take a dropped session back (6)
     */
    reconnectAttempts?: number;
    /**
     * first back-off between attempts, doubled each time (250 ms)
     */
    reconnectDelayMs?: number;
    /**
     * how long a `disconnected` transport may recover alone (2 s)
     */
    iceRestartDelayMs?: number;
    /**
     * 'relay' forces media through TURN
     */
    iceTransportPolicy?: "all" | "relay";
    /**
     * the soonest a token refresh is scheduled (1 s)
     */
    minRefreshDelayMs?: number;
    /**
     * other nodes of a cluster (`http(s)://host:port` or their
     * `ws(s)://…/ws`): when the client's node is gone it asks them (and the nodes it learnt of)
     * for the live nodes (`/cluster/nodes`) and joins one
     */
    nodes?: string[];
    /**
     * reads `/cluster/nodes` (default: the global fetch;
     * null: never)
     */
    fetch?: typeof fetch | null;
    /**
     * the clock (ms since the Unix epoch)
     */
    now?: () => number;
    setTimeout?: typeof setTimeout;
    clearTimeout?: typeof clearTimeout;
};
import { Emitter } from './emitter.js';
import { Signaling } from './signaling.js';
import { Media } from './media.js';
import { SfuError } from './errors.js';
