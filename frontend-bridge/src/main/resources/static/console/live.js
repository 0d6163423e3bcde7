/*
 * The live feed (docs/live-feed.md): one STOMP connection over the session cookie; each topic gets a snapshot, then
 * deltas numbered one by one. A delta not newer than the last applied is dropped; a gap means a message was missed,
 * so the topic is subscribed again for a fresh snapshot. After a reconnect every topic starts from a new snapshot.
 */
(function () {
  'use strict';
  const topics = new Map();   // destination -> { handlers, version, subscription }
  const stateListeners = [];
  let state = 'connecting';
  let failures = 0;

  const client = new StompJs.Client({
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
    if (failures % 3 === 0) Beacon.api('GET', '/api/me').catch(() => { });
  };
  client.onStompError = () => setState('reconnecting');

  function subscribe(destination, topic) {
    topic.version = null;
    topic.subscription = client.subscribe(destination, (frame) => receive(destination, topic, frame));
  }

  function receive(destination, topic, frame) {
    if (topics.get(destination) !== topic) return;
    const message = JSON.parse(frame.body);
    Beacon.observeServerTime(message.at);
    if (message.kind === 'SNAPSHOT') {
      topic.version = message.version;
      topic.handlers.snapshot(message.payload);
      return;
    }
    if (topic.version === null || message.version <= topic.version) return;   // the snapshot already has it
    if (message.version > topic.version + 1) {
      resubscribe(destination, topic);                                          // missed one: start afresh
      return;
    }
    topic.version = message.version;
    topic.handlers.delta(message.payload);
  }

  function resubscribe(destination, topic) {
    if (topic.subscription) { try { topic.subscription.unsubscribe(); } catch (e) { /* connection already gone */ } }
    if (client.connected) subscribe(destination, topic);
  }

  window.BeaconLive = {
    /** handlers: { snapshot(payload), delta(payload) }; returns a function that stops following. */
    follow(destination, handlers) {
      const previous = topics.get(destination);
      if (previous && previous.subscription) { try { previous.subscription.unsubscribe(); } catch (e) { } }
      const topic = { handlers: handlers, version: null, subscription: null };
      topics.set(destination, topic);
      if (client.connected) subscribe(destination, topic);
      return () => {
        if (topics.get(destination) !== topic) return;
        topics.delete(destination);
        if (topic.subscription && client.connected) { try { topic.subscription.unsubscribe(); } catch (e) { } }
      };
    },
    onState(listener) { stateListeners.push(listener); listener(state); },
    start() { client.activate(); },
    /** For tests and the console's own reconnect: drop the socket as a network failure would. */
    dropConnection() { if (client.webSocket) client.webSocket.close(); },
    state: () => state
  };
})();
