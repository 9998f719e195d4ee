// Run the built site's own search worker (Material's lunr worker) in Node and print the result pages per query.
// Usage: node search_query.cjs WORKER.js SEARCH_INDEX.json QUERY...
// Prints {"query": ["location of each result group's first item", ...], ...} as JSON, best first: the same
// order the search box lists its results in.
"use strict";
const fs = require("fs");
const vm = require("vm");

const [worker, indexPath, ...queries] = process.argv.slice(2);
const listeners = [];
const messages = [];
globalThis.self = globalThis;
globalThis.addEventListener = (type, listener) => { if (type === "message") listeners.push(listener); };
globalThis.postMessage = message => messages.push(message);
globalThis.importScripts = () => {};  // lang "en" needs no extra lunr languages
vm.runInThisContext(fs.readFileSync(worker, "utf8"), { filename: worker });

const SETUP = 0, QUERY = 2, RESULT = 3;  // Material's SearchMessageType
async function send(message) {
  for (const listener of listeners) await listener({ data: message });
  await new Promise(resolve => setTimeout(resolve, 0));
}

(async () => {
  const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
  await send({ type: SETUP, data: { ...index, options: { suggest: false } } });
  const results = {};
  for (const query of queries) {
    messages.length = 0;
    await send({ type: QUERY, data: query });
    const result = messages.find(message => message.type === RESULT);
    results[query] = result ? result.data.items.map(group => group[0].location) : null;
  }
  process.stdout.write(JSON.stringify(results));
})().catch(error => { console.error(error); process.exit(1); });
