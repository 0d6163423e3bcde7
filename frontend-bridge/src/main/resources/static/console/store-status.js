/*
 * The "store unreachable" banner (docs/operations.md): Beacon pushes whether its store answers on /topic/status. While
 * it does not, nothing can be changed or loaded and the banner says so; when it answers again the live feed is
 * reconnected, so every view starts from a fresh snapshot instead of what it showed before the outage. A store that
 * answers but refuses writes (REFUSING_WRITES: its disk full) gets a banner of its own; views keep following, so
 * nothing is reconnected when it takes writes again.
 */
import { t, onChange } from './i18n.js';
import { follow, dropConnection } from './live.js';

let down = false;
let current = null;

function banner() {
  let node = document.getElementById('store-down');
  if (!node) {
    node = document.createElement('div');
    node.id = 'store-down';
    node.className = 'store-down';
    node.setAttribute('role', 'alert');
    node.hidden = true;
    document.body.insertBefore(node, document.getElementById('main'));
  }
  render(node);
  return node;
}

function render(node) {
  const refusing = !!current && current.store === 'REFUSING_WRITES';
  node.dataset.state = current ? current.store : 'UP';
  node.textContent = refusing ? t('store.refusing', { reason: current.reason || '' }) : t('store.down');
}

function show(status) {
  current = status || null;
  const nowDown = !!status && status.store === 'DOWN';
  const node = banner();
  node.hidden = !nowDown && !(status && status.store === 'REFUSING_WRITES');
  render(node);
  if (down && !nowDown) dropConnection();   // back: resubscribe everything for fresh snapshots
  down = nowDown;
}

export function watchStore() {
  banner();
  onChange(() => render(banner()));   // its text depends on the state, so it is not a plain data-i18n node
  follow('/topic/status', { snapshot: show, delta: show });
}
