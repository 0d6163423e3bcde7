/*
 * One place for a view's state: views read it with get() and re-render from it when told; changes go through
 * update(), which hands the current state to a function returning the next one (reducers stay pure and testable).
 */
export function createStore(initial) {
  let state = initial;
  const listeners = [];
  return {
    get: () => state,
    update(change) {
      const next = change(state);
      if (next === state) return;
      state = next;
      listeners.forEach((listener) => listener(state));
    },
    subscribe(listener) { listeners.push(listener); }
  };
}
