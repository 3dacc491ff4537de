// JWKS fault server for tests/integration/tst_network.cpp. Plain node:https / node:http, no dependencies.
//
//   node fault-server.mjs CERTDIR
//
// CERTDIR (made by the test with openssl) holds ca.pem and, for each TLS listener, NAME.pem + NAME.key:
// good, expired, wronghost, unknownca; plus jwks.json, the JWK Set served on the good routes (read at each
// request, so the test may rewrite it). Every listener binds 127.0.0.1 on a port chosen by the system.
// When all are listening, one JSON line goes to stdout: {"good": PORT, "leafonly": PORT, "expired": PORT,
// "wronghost": PORT, "unknownca": PORT, "http": PORT, "closed": PORT}. "closed" is a port that was free a
// moment ago and is not listened on (connection refused). The server exits when its stdin closes (so a
// crashed test never leaves it behind) and after a hard limit of 10 minutes in any case.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as path from 'node:path';

const HOST = '127.0.0.1';
const HARD_LIMIT_MS = 10 * 60 * 1000;
const dir = process.argv[2];
if (!dir) {
    process.stderr.write('usage: node fault-server.mjs CERTDIR\n');
    process.exit(2);
}

const read = (name) => fs.readFileSync(path.join(dir, name));
const ports = {};
const sockets = new Set();

function jwksText() {
    return read('jwks.json').toString('utf8');
}

function send(res, status, contentType, body, extraHeaders = {}) {
    const headers = { ...extraHeaders };
    if (contentType) headers['Content-Type'] = contentType;
    headers['Content-Length'] = Buffer.byteLength(body);
    res.writeHead(status, headers);
    res.end(body);
}

function json(res, value, contentType = 'application/json') {
    send(res, 200, contentType, JSON.stringify(value));
}

// Discovery documents: issuer and jwks_uri are built from the listener's own scheme and port.
function origin(req) {
    const scheme = req.socket.encrypted ? 'https' : 'http';
    return `${scheme}://${HOST}:${req.socket.localPort}`;
}

function route(req, res) {
    const url = new URL(req.url, 'http://placeholder');
    const base = origin(req);
    switch (url.pathname) {
    case '/jwks.json':
        return send(res, 200, 'application/json', jwksText(), { 'Cache-Control': 'public, max-age=300' });
    case '/jwks-jwkset':
        return send(res, 200, 'application/jwk-set+json', jwksText());
    case '/jwks-charset':
        return send(res, 200, 'application/json; charset=utf-8', jwksText());
    case '/text-plain':
        return send(res, 200, 'text/plain', jwksText());
    case '/404':
        return send(res, 404, 'text/plain', 'not here\n');
    case '/503':
        return send(res, 503, 'text/plain', 'try later\n', { 'Retry-After': '120' });
    case '/slow':
        return; // never answers; the socket is destroyed when the client gives up or the server exits
    case '/trickle': {
        // Answers headers, then one byte every 300 ms forever: no inactivity timeout ever fires, only an
        // overall deadline ends it.
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"keys":[');
        const timer = setInterval(() => res.write(' '), 300);
        res.on('close', () => clearInterval(timer));
        return;
    }
    case '/big': // 3 MiB with a Content-Length
        return send(res, 200, 'application/json', `{"keys":[],"pad":"${'x'.repeat(3 * 1024 * 1024)}"}`);
    case '/big-chunked': { // 3 MiB, chunked, no length announced
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"keys":[],"pad":"');
        let left = 48;
        const chunk = 'y'.repeat(64 * 1024);
        const more = () => {
            while (left > 0) {
                left -= 1;
                if (!res.write(chunk)) return res.once('drain', more);
            }
            res.end('"}');
        };
        res.on('error', () => {});
        return more();
    }
    case '/invalid-json': // the stray comma is at byte offset 28 (0-based)
        return send(res, 200, 'application/json', '{"keys": [{"kty": "EC", "x":,"y": "1"}]}');
    case '/not-jwks':
        return json(res, { hello: 'world' });
    case '/bad-key': {
        const set = JSON.parse(jwksText());
        set.keys.push({ kty: 'XYZ', kid: 'broken-key', n: 'AQAB' });
        return json(res, set);
    }
    case '/empty':
        return json(res, { keys: [] });
    case '/redirect-http':
        return send(res, 302, 'text/plain', '', { Location: `http://${HOST}:${ports.http}/jwks.json` });
    case '/redirect-https':
        return send(res, 302, 'text/plain', '', { Location: `https://${HOST}:${ports.good}/jwks-jwkset` });
    case '/redirect-leafonly': // to the listener that sends no CA certificate: pins are checked on every hop
        return send(res, 302, 'text/plain', '', { Location: `https://${HOST}:${ports.leafonly}/jwks.json` });
    case '/redirect-loop': // an endless chain of redirects: /redirect-loop?n=1, ?n=2, ...
        return send(res, 302, 'text/plain', 'moved\n', { Location: `/redirect-loop?n=${Number(url.searchParams.get('n') || 0) + 1}` });
    // OpenID Connect discovery at the root issuer and under /oidc.
    case '/.well-known/openid-configuration':
        return json(res, { issuer: base, jwks_uri: `${base}/jwks.json` });
    case '/oidc/.well-known/openid-configuration':
        return json(res, { issuer: `${base}/oidc`, jwks_uri: `${base}/jwks-jwkset`, token_endpoint: `${base}/oidc/token` });
    // Issuer /cross: jwks_uri on the leaf-only listener (another connection, other presented certificates).
    case '/cross/.well-known/openid-configuration':
        return json(res, { issuer: `${base}/cross`, jwks_uri: `https://${HOST}:${ports.leafonly}/jwks.json` });
    // Issuer /as has no OpenID configuration (404) but RFC 8414 metadata.
    case '/as/.well-known/openid-configuration':
        return send(res, 404, 'text/plain', 'no openid configuration here\n');
    case '/.well-known/oauth-authorization-server/as':
        return json(res, { issuer: `${base}/as`, jwks_uri: `${base}/jwks-charset`, token_endpoint: `${base}/as/token` });
    // Discovery faults.
    case '/nojwks/.well-known/openid-configuration':
        return json(res, { issuer: `${base}/nojwks` });
    case '/mismatch/.well-known/openid-configuration':
        return json(res, { issuer: 'https://someone-else.example', jwks_uri: `${base}/jwks.json` });
    case '/noissuer/.well-known/openid-configuration':
        return json(res, { jwks_uri: `${base}/jwks.json` });
    case '/slash/.well-known/openid-configuration': // the document's issuer has a trailing slash the URL lacks
        return json(res, { issuer: `${base}/slash/`, jwks_uri: `${base}/jwks.json` });
    case '/none/.well-known/openid-configuration':
    case '/.well-known/oauth-authorization-server/none':
        return send(res, 404, 'text/plain', 'nothing\n');
    default:
        return send(res, 404, 'text/plain', `no route ${url.pathname}\n`);
    }
}

function track(server) {
    server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
    });
    server.on('tlsClientError', () => {}); // clients rejecting our certificate is the point of most listeners
    server.on('clientError', (_err, socket) => socket.destroy());
    return server;
}

function tlsServer(name, withChain) {
    const cert = read(`${name}.pem`).toString('utf8') + (withChain ? read('ca.pem').toString('utf8') : '');
    return track(https.createServer({ cert, key: read(`${name}.key`), minVersion: 'TLSv1.2' }, route));
}

function listen(server) {
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, HOST, () => resolve(server.address().port));
    });
}

function shutdown(code) {
    for (const s of sockets) s.destroy();
    process.exit(code);
}

const servers = {
    good: tlsServer('good', true),
    leafonly: tlsServer('good', false),
    expired: tlsServer('expired', true),
    wronghost: tlsServer('wronghost', true),
    unknownca: tlsServer('unknownca', false),
    http: track(http.createServer(route)),
};

try {
    for (const [name, server] of Object.entries(servers)) ports[name] = await listen(server);
    // A port that is free: bind it, read it, close it.
    const probe = net.createServer();
    ports.closed = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
} catch (err) {
    process.stderr.write(`fault-server: ${err.stack || err}\n`);
    process.exit(1);
}

process.stdin.on('end', () => shutdown(0));
process.stdin.on('close', () => shutdown(0));
process.stdin.on('error', () => shutdown(0));
process.stdin.resume();
setTimeout(() => {
    process.stderr.write('fault-server: hard time limit reached, exiting\n');
    shutdown(0);
}, HARD_LIMIT_MS);
process.on('SIGTERM', () => shutdown(0));

process.stdout.write(`${JSON.stringify(ports)}\n`);
