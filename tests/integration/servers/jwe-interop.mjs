// JWE interoperability with an independent implementation, the npm `jose` package (tests/integration/tst_jwe_interop).
//   node jwe-interop.mjs REQUEST.json
// REQUEST: {"decrypt": [{"id", "jwe" (compact text or JSON object), "jwk" (private JWK, or oct), "alg"}],
//           "encrypt": [{"id", "alg", "enc", "jwk" (public JWK, or oct), "plaintext" (base64url),
//                        "serialization": "compact" | "flattened" | "general", "p2c"}]}
// Prints one JSON object: {"decrypted": [{"id", "plaintext" | "error"}], "encrypted": [{"id", "jwe" | "error"}],
// "jose": version}. Keys are only ever imported from JWKs given here (never exported from
// crypto.generateKeyPairSync, which deadlocks on Node 20).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as jose from 'jose';

const require = createRequire(import.meta.url);
const version = require('jose/package.json').version;

const b64u = (bytes) => Buffer.from(bytes).toString('base64url');
const unb64u = (text) => new Uint8Array(Buffer.from(text, 'base64url'));

async function importKey(jwk, alg) {
    if (jwk.kty === 'oct')
        return unb64u(jwk.k);
    return jose.importJWK(jwk, alg);
}

async function decryptOne(item) {
    const key = await importKey(item.jwk, item.alg);
    // PBES2 has to be allowed explicitly; the iteration cap stays jose's default.
    const options = { keyManagementAlgorithms: [item.alg] };
    const text = item.jwe;
    let result;
    if (typeof text === 'string')
        result = await jose.compactDecrypt(text, key, options);
    else if (Array.isArray(text.recipients))
        result = await jose.generalDecrypt(text, key, options);
    else
        result = await jose.flattenedDecrypt(text, key, options);
    return { id: item.id, plaintext: b64u(result.plaintext) };
}

async function encryptOne(item) {
    const key = await importKey(item.jwk, item.alg);
    const plaintext = unb64u(item.plaintext);
    const header = { alg: item.alg, enc: item.enc, kid: 'jose-' + item.id };
    const kmp = item.p2c ? { p2c: item.p2c } : undefined;
    if (item.serialization === 'general') {
        const enc = new jose.GeneralEncrypt(plaintext).setProtectedHeader({ enc: item.enc });
        const r = enc.addRecipient(key).setUnprotectedHeader({ alg: item.alg, kid: header.kid });
        if (kmp)
            r.setKeyManagementParameters(kmp);
        return { id: item.id, jwe: await enc.encrypt() };
    }
    const E = item.serialization === 'flattened' ? jose.FlattenedEncrypt : jose.CompactEncrypt;
    const enc = new E(plaintext).setProtectedHeader(header);
    if (kmp)
        enc.setKeyManagementParameters(kmp);
    return { id: item.id, jwe: await enc.encrypt(key) };
}

async function settle(list, fn) {
    const out = [];
    for (const item of list ?? []) {
        try {
            out.push(await fn(item));
        } catch (e) {
            out.push({ id: item.id, error: String(e && (e.code || e.message) || e) });
        }
    }
    return out;
}

const request = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const decrypted = await settle(request.decrypt, decryptOne);
const encrypted = await settle(request.encrypt, encryptOne);
process.stdout.write(JSON.stringify({ jose: version, decrypted, encrypted }) + '\n');
