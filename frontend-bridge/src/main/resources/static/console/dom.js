/* Building elements. User-typed text only ever reaches the page through textContent (see el()). */

function append(node, children) {
  children.flat().forEach((child) => {
    if (child === undefined || child === null || child === false) return;
    node.appendChild(typeof child === 'string' || typeof child === 'number'
      ? document.createTextNode(String(child)) : child);
  });
}

/** Builds an element; children are nodes or strings (strings become text nodes, never HTML). */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : value);
  });
  append(node, children);
  return node;
}

export function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

/** Replaces a node's children; like el(), skips null children and turns strings into text nodes. */
export function fill(node, ...children) {
  clear(node);
  append(node, children);
  return node;
}
