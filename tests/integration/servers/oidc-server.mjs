// A real OpenID provider (the npm package oidc-provider) for tests/integration/tst_oidc.cpp.
//
//   node oidc-server.mjs CERTDIR
//
// Serves https://127.0.0.1:PORT (the issuer) with CERTDIR/good.pem (+ ca.pem as chain) and good.key, on
// 127.0.0.1 only. The signing keys, one per algorithm (RS256..512, PS256..512, ES256/384/512, EdDSA), are
// generated at start as PEM and re-imported with createPrivateKey before the JWK export (exporting straight
// from generateKeyPairSync can hang Node 20 here).
//
// Client credentials: client "jwb-client" / secret "jwb-secret" (client_secret_basic or _post). Every
// resource indicator https://api.jwb.test/ALG is a resource server whose access tokens are JWTs signed
// with ALG by the current key of that algorithm; its audience is the indicator itself.
//
// Interactive clients (tests/integration/tst_token_fetch.cpp): "jwb-native" is a public native client (no secret,
// PKCE required) for authorization_code, refresh_token and the device flow (RFC 8628, /device), with the loopback
// redirect http://127.0.0.1/callback on any port (RFC 8252 §7.3: oidc-provider ignores the port of a native
// client's loopback redirect). Every grant of it with a refresh_token grant type gets a refresh token. The login
// and consent pages are oidc-provider's devInteractions (/interaction/:uid: any login and password). "jwb-pkjwt"
// authenticates with private_key_jwt (RFC 7523): its ES256 private key is written to CERTDIR/client-es256.pem.
// "jwb-slow" (secret "jwb-secret", client_secret_basic) is a fault mode: its token requests are held for 30 s
// before the provider sees them.
//
// Admin (rotation), on the same listener, outside the provider: POST /admin/rotate?alg=ALG&mode=M with
// header "x-admin-token: TOKEN" (TOKEN is printed at start). mode=add: a new key for ALG is published and
// signs from now on, the old one stays published; mode=retire: every key of ALG except the current one is
// removed; mode=replace: both. Answers {"alg", "kid" (current), "added", "removed", "kids" (all)}.
// The provider is rebuilt with the new key store; clients and tokens already issued are unaffected.
//
// Ready line on stdout: {"port": PORT, "issuer": URL, "admin_token": TOKEN, "kids": {ALG: KID, ...}}.
// Exits when stdin closes and after a hard limit of 10 minutes.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';

import Provider, { errors } from 'oidc-provider';

const HOST = '127.0.0.1';
const HARD_LIMIT_MS = 10 * 60 * 1000;
const RESOURCE_PREFIX = 'https://api.jwb.test/';
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

const dir = process.argv[2];
if (!dir) {
    process.stderr.write('usage: node oidc-server.mjs CERTDIR\n');
    process.exit(2);
}

function generatePem(alg) {
    const pem = { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } };
    if (alg.startsWith('RS') || alg.startsWith('PS')) return crypto.generateKeyPairSync('rsa', { modulusLength: 2048, ...pem }).privateKey;
    if (alg === 'EdDSA') return crypto.generateKeyPairSync('ed25519', pem).privateKey;
    const namedCurve = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[alg];
    return crypto.generateKeyPairSync('ec', { namedCurve, ...pem }).privateKey;
}

let generation = 0;
function newKey(alg) {
    generation += 1;
    const jwk = crypto.createPrivateKey(generatePem(alg)).export({ format: 'jwk' });
    return { ...jwk, alg, use: 'sig', kid: `${alg.toLowerCase()}-${generation}-${crypto.randomBytes(4).toString('hex')}` };
}

const keys = ALGORITHMS.map(newKey);
const SLOW_CLIENT = 'jwb-slow';
const SLOW_MS = 30 * 1000;
// The private_key_jwt client's key: PEM written for the test, the public JWK re-imported from it (see above).
const clientKeyPem = crypto.generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
}).privateKey;
fs.writeFileSync(path.join(dir, 'client-es256.pem'), clientKeyPem, { mode: 0o600 });
const clientPublicJwk = { ...crypto.createPublicKey(crypto.createPrivateKey(clientKeyPem)).export({ format: 'jwk' }), alg: 'ES256', use: 'sig', kid: 'jwb-pkjwt-1' };
const current = Object.fromEntries(keys.map((k) => [k.alg, k.kid]));
const adminToken = crypto.randomBytes(16).toString('hex');

function makeProvider(issuer) {
    const provider = new Provider(issuer, {
        jwks: { keys },
        clients: [{
            client_id: 'jwb-client',
            client_secret: 'jwb-secret',
            grant_types: ['client_credentials'],
            response_types: [],
            redirect_uris: [],
            token_endpoint_auth_method: 'client_secret_basic',
        }, {
            client_id: 'jwb-client-post',
            client_secret: 'jwb-secret',
            grant_types: ['client_credentials'],
            response_types: [],
            redirect_uris: [],
            token_endpoint_auth_method: 'client_secret_post',
        }, {
            client_id: 'jwb-native',
            application_type: 'native',
            grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
            response_types: ['code'],
            redirect_uris: ['http://127.0.0.1/callback'],
            token_endpoint_auth_method: 'none',
        }, {
            client_id: 'jwb-pkjwt',
            grant_types: ['client_credentials'],
            response_types: [],
            redirect_uris: [],
            token_endpoint_auth_method: 'private_key_jwt',
            token_endpoint_auth_signing_alg: 'ES256',
            jwks: { keys: [clientPublicJwk] },
        }, {
            client_id: SLOW_CLIENT,
            client_secret: 'jwb-secret',
            grant_types: ['client_credentials'],
            response_types: [],
            redirect_uris: [],
            token_endpoint_auth_method: 'client_secret_basic',
        }],
        issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
        cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
        features: {
            devInteractions: { enabled: true },
            deviceFlow: { enabled: true },
            clientCredentials: { enabled: true },
            introspection: { enabled: true },
            resourceIndicators: {
                enabled: true,
                defaultResource: () => undefined,
                useGrantedResource: () => true,
                getResourceServerInfo: (_ctx, resource) => {
                    const alg = resource.startsWith(RESOURCE_PREFIX) ? resource.slice(RESOURCE_PREFIX.length) : '';
                    if (!ALGORITHMS.includes(alg)) throw new errors.InvalidTarget(`unknown resource ${resource}`);
                    return {
                        scope: 'api:read api:write',
                        audience: resource,
                        accessTokenTTL: 600,
                        accessTokenFormat: 'jwt',
                        jwt: { sign: { alg, kid: current[alg] } },
                    };
                },
            },
        },
    });
    provider.on('server_error', (_ctx, err) => process.stderr.write(`oidc-server: server_error ${err.stack || err}\n`));
    return provider;
}

function rotate(alg, mode) {
    const added = [];
    const removed = [];
    if (mode === 'add' || mode === 'replace') {
        const key = newKey(alg);
        keys.push(key);
        current[alg] = key.kid;
        added.push(key.kid);
    }
    if (mode === 'retire' || mode === 'replace') {
        for (let i = keys.length - 1; i >= 0; i -= 1) {
            if (keys[i].alg === alg && keys[i].kid !== current[alg]) removed.unshift(...keys.splice(i, 1).map((k) => k.kid));
        }
    }
    return { alg, kid: current[alg], added, removed, kids: keys.map((k) => k.kid) };
}

function basicClientId(req) {
    const auth = req.headers.authorization || '';
    if (!auth.startsWith('Basic ')) return '';
    return decodeURIComponent(Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':')[0]);
}

let handler = null;
const sockets = new Set();

const server = https.createServer({
    cert: fs.readFileSync(path.join(dir, 'good.pem'), 'utf8') + fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
    key: fs.readFileSync(path.join(dir, 'good.key')),
    minVersion: 'TLSv1.2',
}, (req, res) => {
    const url = new URL(req.url, 'https://placeholder');
    if (url.pathname === '/token' && basicClientId(req) === SLOW_CLIENT) {
        setTimeout(() => handler(req, res), SLOW_MS);
        return undefined;
    }
    if (url.pathname !== '/admin/rotate') return handler(req, res);
    const reply = (status, value) => {
        const body = JSON.stringify(value);
        res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
    };
    if (req.method !== 'POST' || req.headers['x-admin-token'] !== adminToken) return reply(403, { error: 'forbidden' });
    const alg = url.searchParams.get('alg');
    const mode = url.searchParams.get('mode') || 'replace';
    if (!ALGORITHMS.includes(alg) || !['add', 'retire', 'replace'].includes(mode)) return reply(400, { error: 'bad alg or mode' });
    req.resume();
    try {
        const result = rotate(alg, mode);
        handler = makeProvider(issuerUrl).callback();
        return reply(200, result);
    } catch (err) {
        return reply(500, { error: String(err.stack || err) });
    }
});
server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
});
server.on('tlsClientError', () => {});

function shutdown(code) {
    for (const s of sockets) s.destroy();
    process.exit(code);
}

let issuerUrl = '';
try {
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, HOST, resolve);
    });
    issuerUrl = `https://${HOST}:${server.address().port}`;
    handler = makeProvider(issuerUrl).callback();
} catch (err) {
    process.stderr.write(`oidc-server: ${err.stack || err}\n`);
    process.exit(1);
}

process.stdin.on('end', () => shutdown(0));
process.stdin.on('close', () => shutdown(0));
process.stdin.on('error', () => shutdown(0));
process.stdin.resume();
setTimeout(() => {
    process.stderr.write('oidc-server: hard time limit reached, exiting\n');
    shutdown(0);
}, HARD_LIMIT_MS);
process.on('SIGTERM', () => shutdown(0));

process.stdout.write(`${JSON.stringify({ port: server.address().port, issuer: issuerUrl, admin_token: adminToken, kids: current })}\n`);
