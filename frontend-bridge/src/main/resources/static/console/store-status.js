/*
 * The "store unreachable" banner (docs/operations.md): Beacon pushes whether its store answers on /topic/status. While
 * it does not, nothing can be changed or loaded and the banner says so; when it answers again the live feed is
 * reconnected, so every view starts from a fresh snapshot instead of what it showed before the outage.
 */
import { t } from './i18n.js';
import { follow, dropConnection } from './live.js';

let down = false;

function banner() {
  let node = document.getElementById('store-down');
  if (!node) {
    node = document.createElement('div');
    node.id = 'store-down';
    node.className = 'store-down';
    node.setAttribute('role', 'alert');
    node.dataset.i18n = 'store.down';
    node.hidden = true;
    document.body.insertBefore(node, document.getElementById('main'));
  }
  node.textContent = t('store.down');
  return node;
}

function show(status) {
  const nowDown = !!status && status.store === 'DOWN';
  banner().hidden = !nowDown;
  if (down && !nowDown) dropConnection();   // back: resubscribe everything for fresh snapshots
  down = nowDown;
}

export function watchStore() {
  banner();
  follow('/topic/status', { snapshot: show, delta: show });
}
