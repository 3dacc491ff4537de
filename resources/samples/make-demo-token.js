#!/usr/bin/env node
// Rebuilds the demo workspace files from demo-private.pem (a throw-away DEMO key, never use it for anything real):
//   demo-public.pem, demo-jwks.json (kid "demo-rs256") and demo-token.jwt (RS256, real signature).
// RS256 (RSASSA-PKCS1-v1_5) is deterministic, so running this again reproduces the same token byte for byte.
// The key itself was made once with: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out demo-private.pem
// Usage: node resources/samples/make-demo-token.js
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const dir = __dirname;
const kid = 'demo-rs256';
// Node 20 can deadlock exporting a key straight from generateKeyPairSync to JWK; importing the PEM is safe.
const privateKey = crypto.createPrivateKey(fs.readFileSync(path.join(dir, 'demo-private.pem')));
const publicKey = crypto.createPublicKey(privateKey);

fs.writeFileSync(path.join(dir, 'demo-public.pem'), publicKey.export({ type: 'spki', format: 'pem' }));

const jwk = publicKey.export({ format: 'jwk' });
const jwks = { keys: [{ kty: jwk.kty, use: 'sig', alg: 'RS256', kid, n: jwk.n, e: jwk.e }] };
fs.writeFileSync(path.join(dir, 'demo-jwks.json'), JSON.stringify(jwks, null, 2) + '\n');

const b64url = (buf) => Buffer.from(buf).toString('base64url');
const header = { alg: 'RS256', typ: 'JWT', kid };
const issuedAt = Date.UTC(2026, 10, 28, 12, 0, 0) / 1000; // 2026-11-28T12:00:00Z
const payload = {
    iss: 'https://auth.example.com/',
    sub: 'user-4711',
    aud: ['api.example.com'],
    exp: Date.UTC(2100, 0, 1, 0, 0, 0) / 1000, // 2100-01-01T00:00:00Z: the demo never expires in practice
    nbf: issuedAt,
    iat: issuedAt,
    jti: 'demo-7f3c9a2e',
    name: 'Ada Demo',
    email: 'ada@example.com',
    roles: ['reader', 'editor'],
    scope: 'orders:read orders:write',
};
const signingInput = b64url(JSON.stringify(header)) + '.' + b64url(JSON.stringify(payload));
const signature = crypto.sign('sha256', Buffer.from(signingInput), privateKey);
const token = signingInput + '.' + b64url(signature);
if (!crypto.verify('sha256', Buffer.from(signingInput), publicKey, signature))
    throw new Error('the freshly made signature does not verify');
fs.writeFileSync(path.join(dir, 'demo-token.jwt'), token + '\n');
console.log(token);
