/*
 * What a live-feed message means for a topic (docs/live-feed.md), decided without the socket: a snapshot starts the
 * topic afresh at its version; a delta not newer than the last applied is already known; a delta that skips a version
 * means one was missed, so the topic must be subscribed again for a fresh snapshot.
 */

/** version: the last version applied (null before the first snapshot). Answers { step, version }. */
export function nextStep(version, message) {
  if (message.kind === 'SNAPSHOT') return { step: 'snapshot', version: message.version };
  if (version === null || version === undefined || message.version <= version) {
    return { step: 'drop', version: version };
  }
  if (message.version > version + 1) return { step: 'resubscribe', version: null };
  return { step: 'delta', version: message.version };
}
