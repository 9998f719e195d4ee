// Building DOM nodes: el(tag, attributes, ...children). The only module that creates elements from data.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  children.flat(Infinity).forEach((c) => { if (c !== null && c !== undefined && c !== false) node.append(c); });
  return node;
}

export function linkList(links) {
  return el("ul", {}, links.map((l) => el("li", {}, el("a", { href: l.href }, l.text))));
}
