// Preloaded with --import: any attempt to reach the network throws, in the
// main thread and in worker threads (which inherit the flag).
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import http from 'node:http';
import https from 'node:https';

const refuse = (what) => () => {
  throw new Error(`network access attempted (${what}) — jixiao must work offline`);
};
net.Socket.prototype.connect = refuse('net.connect');
net.connect = net.createConnection = refuse('net.connect');
tls.connect = refuse('tls.connect');
http.request = http.get = refuse('http');
https.request = https.get = refuse('https');
dns.lookup = refuse('dns.lookup');
dns.promises.lookup = refuse('dns.lookup');
globalThis.fetch = refuse('fetch');
