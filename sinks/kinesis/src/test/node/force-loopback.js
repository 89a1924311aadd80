'use strict';
// Preloaded with `node -r ./force-loopback.js`: the emulator binds every interface with the
// address hard-coded, and our tests must only ever listen on loopback. Every net.Server listen
// (http, https and tls servers inherit it) is rewritten to 127.0.0.1 before it reaches the kernel.
const net = require('net');

const LOOPBACK = '127.0.0.1';
const originalListen = net.Server.prototype.listen;

function isPort(value) {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));
}

net.Server.prototype.listen = function forcedLoopbackListen(...args) {
  const first = args[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    // listen(options[, callback]): a handle or a path is left alone, a port gets our host.
    if (first.path === undefined && first._handle === undefined && first.fd === undefined) {
      args[0] = { ...first, host: LOOPBACK, ipv6Only: false };
    }
  } else if (isPort(first) || first === undefined || typeof first === 'function') {
    // listen([port[, host[, backlog]]][, callback]): drop any host and put ours second.
    const port = isPort(first) ? Number(first) : 0;
    const rest = args.slice(isPort(first) ? 1 : 0);
    if (typeof rest[0] === 'string' || rest[0] === null) {
      rest.shift();
    }
    args = [port, LOOPBACK, ...rest];
  }
  return originalListen.apply(this, args);
};
