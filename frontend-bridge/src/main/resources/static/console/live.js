/*
 * The live feed (docs/live-feed.md): one STOMP connection over the session cookie; each topic gets a snapshot, then
 * deltas numbered one by one (feed.js decides what each message means). After a reconnect every topic starts from a
 * new snapshot. StompJs is the webjar's UMD global.
 */
import { nextStep } from './feed.js';
import { observeServerTime } from './common.js';
import { api } from './api.js';

const topics = new Map();   // destination -> { handlers, version, subscription }
const stateListeners = [];
let state = 'connecting';
let failures = 0;

const client = new window.StompJs.Client({
  brokerURL: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws',
  reconnectDelay: 2000,
  heartbeatIncoming: 10000,
  heartbeatOutgoing: 10000
});

function setState(next) {
  state = next;
  stateListeners.forEach((listener) => listener(next));
}

client.onConnect = () => {
  failures = 0;
  setState('live');
  topics.forEach((topic, destination) => subscribe(destination, topic));
};
client.onWebSocketClose = () => {
  topics.forEach((topic) => { topic.subscription = null; topic.version = null; });
  if (state !== 'connecting') setState('reconnecting');
  failures++;
  // A handshake refused again and again usually means the web session ended: check, and sign in again if so.
  if (failures % 3 === 0) api('GET', '/api/me').catch(() => { });
};
client.onStompError = () => setState('reconnecting');

function subscribe(destination, topic) {
  topic.version = null;
  topic.subscription = client.subscribe(destination, (frame) => receive(destination, topic, frame));
}

function receive(destination, topic, frame) {
  if (topics.get(destination) !== topic) return;
  const message = JSON.parse(frame.body);
  observeServerTime(message.at);
  const { step, version } = nextStep(topic.version, message);
  topic.version = version;
  if (step === 'snapshot') topic.handlers.snapshot(message.payload);
  else if (step === 'delta') topic.handlers.delta(message.payload);
  else if (step === 'resubscribe') resubscribe(destination, topic);
}

function unsubscribe(topic) {
  if (topic.subscription) { try { topic.subscription.unsubscribe(); } catch (e) { /* connection already gone */ } }
}

function resubscribe(destination, topic) {
  unsubscribe(topic);
  if (client.connected) subscribe(destination, topic);
}

/** handlers: { snapshot(payload), delta(payload) }; returns a function that stops following. */
export function follow(destination, handlers) {
  const previous = topics.get(destination);
  if (previous) unsubscribe(previous);
  const topic = { handlers: handlers, version: null, subscription: null };
  topics.set(destination, topic);
  if (client.connected) subscribe(destination, topic);
  return () => {
    if (topics.get(destination) !== topic) return;
    topics.delete(destination);
    if (client.connected) unsubscribe(topic);
  };
}

export function onState(listener) { stateListeners.push(listener); listener(state); }
export function start() { client.activate(); }
/** For tests and the store banner: drop the socket as a network failure would. */
export function dropConnection() { if (client.webSocket) client.webSocket.close(); }
export const connectionState = () => state;
