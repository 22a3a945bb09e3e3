/** @typedef {import('./client.js').Client} Client */
export class Media {
    /** @param {Client} client */
    constructor(client: Client);
    client: import("./client.js").Client;
    device: any;
    iceServers: any[];
    send: any;
    recv: any;
    /** @type {{audio?: MediaStreamTrack, video?: MediaStreamTrack} | null} what to broadcast */
    tracks: {
        audio?: MediaStreamTrack;
        video?: MediaStreamTrack;
    } | null;
    /** @type {Map<string, any>} kind -> producer */
    producers: Map<string, any>;
    /** @type {Set<string>} ids of our producers (current and during a reset) */
    producerIds: Set<string>;
    /** @type {string | null} whose producers to hear live: a peer id, '*' or null (none) */
    live: string | null;
    /** @type {Map<string, {consumer: any, producerId: string, peerId: string | null, kind: 'audio' | 'video', feed: boolean, paused: boolean}>} */
    consumers: Map<string, {
        consumer: any;
        producerId: string;
        peerId: string | null;
        kind: "audio" | "video";
        feed: boolean;
        paused: boolean;
    }>;
    /** @type {{video: boolean} | null} */
    feed: {
        video: boolean;
    } | null;
    /** @type {Map<string, {peerId: string, kind: string}>} the room's producers */
    roomProducers: Map<string, {
        peerId: string;
        kind: string;
    }>;
    ready: Promise<void>;
    restarting: Set<any>;
    get sig(): import("./signaling.js").Signaling;
    loadDevice(sig: any): Promise<void>;
    onJoined(joined: any): void;
    feedSubscribed(): boolean;
    /** @param {string} producerId */
    ownsProducer(producerId: string): boolean;
    /** @param {'send' | 'recv'} direction */
    transport(direction: "send" | "recv"): Promise<any>;
    wire(transport: any, direction: any): void;
    /** Asks the server for new ICE credentials and hands them to the transport's ICE agent. */
    restartIce(transport: any, delayMs: any): void;
    broadcast(tracks: any): Promise<{
        producers: any[];
    }>;
    produceAll(): Promise<void>;
    setMuted(muted: any, kind: any): Promise<void>;
    listen(peerOrAll: any): Promise<void>;
    wanted(peerId: any): boolean;
    consumesProducer(producerId: any): boolean;
    /** Consumes `producerId` (created paused on the server) and resumes it when wanted. */
    consume(producerId: any, peerId: any): Promise<void>;
    /** Pauses on the server the consumers of everyone but the chosen peer (no bandwidth spent). */
    applyChoice(): Promise<void>;
    setPaused(consumerId: any, paused: any): Promise<void>;
    onNewProducer(p: any): void;
    onConsumerClosed(consumerId: any): void;
    dropConsumer(consumerId: any): void;
    subscribeFeed(video: any): Promise<{}>;
    /** `mediaReset`: every server-side object is gone; same peer, same socket: set up again. */
    reset(): Promise<void>;
    /** Closes the local media objects and sets up again what the app had asked for. */
    rebuild(): Promise<void>;
    /** Closes transports, producers and consumers here (the server side is gone or going). */
    closeAll(): void;
    /** Forgets what the app had asked for (after leave). */
    forget(): void;
}
export type Client = import("./client.js").Client;
