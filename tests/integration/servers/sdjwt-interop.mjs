// SD-JWT (RFC 9901) through an independent implementation, the OpenWallet Foundation's @sd-jwt/core, for
// tests/integration/tst_sdjwt_interop.cpp. One JSON object in on stdin, one out on stdout.
//
//   node sdjwt-interop.mjs issue    {"aud": "...", "nonce": "..."}
//     issues an SD-JWT (ES256) whose given_name, family_name, email, one address member and the first of two
//     nationalities are selectively disclosable, with cnf.jwk the holder's key; presents every disclosure but email
//     with a Key Binding JWT for aud and nonce. Out: {"presentation", "issuer_jwk", "holder_jwk", "claims"} where
//     claims is what @sd-jwt/core itself verifies the presentation to (the disclosed payload).
//   node sdjwt-interop.mjs verify   {"sd_jwt": "...", "issuer_jwk": {...}, "nonce": "..."?}
//     verifies the SD-JWT's issuer signature (and its Key Binding JWT when a nonce is given) and prints
//     {"ok": true, "claims": {...}} or {"ok": false, "error": "..."}.
// Keys are made as PEM and re-imported before the JWK export (exporting straight from generateKeyPairSync can hang
// Node 20 here).
import * as crypto from 'node:crypto';

import { SDJwtInstance } from '@sd-jwt/core';
import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';

function newKey() {
    const { privateKey } = crypto.generateKeyPairSync('ec', {
        namedCurve: 'P-256',
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const key = crypto.createPrivateKey(privateKey);
    return { key, publicJwk: crypto.createPublicKey(key).export({ format: 'jwk' }) };
}

const signer = (key) => async (data) =>
    crypto.sign('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
const verifier = (jwk) => async (data, signature) =>
    crypto.verify('sha256', Buffer.from(data), { key: crypto.createPublicKey({ key: jwk, format: 'jwk' }),
        dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));

function instance(extra) {
    return new SDJwtInstance({ hasher: digest, hashAlg: 'sha-256', saltGenerator: generateSalt, signAlg: 'ES256',
        kbSignAlg: 'ES256', ...extra });
}

async function issue(input) {
    const issuer = newKey();
    const holder = newKey();
    const now = Math.floor(Date.now() / 1000);
    const sd = instance({ signer: signer(issuer.key), kbSigner: signer(holder.key) });
    const claims = { iss: 'https://issuer.interop.test', iat: now, exp: now + 3600, cnf: { jwk: holder.publicJwk },
        given_name: 'Erika', family_name: 'Mustermann', email: 'erika@example.com',
        address: { locality: 'Berlin', country: 'DE' }, nationalities: ['DE', 'FR'] };
    const frame = { _sd: ['given_name', 'family_name', 'email'], address: { _sd: ['locality'] },
        nationalities: { _sd: [0] } };
    const issued = await sd.issue(claims, frame);
    const presentation = await sd.present(issued,
        { given_name: true, family_name: true, address: { locality: true }, nationalities: { 0: true } },
        { kb: { payload: { iat: now, aud: input.aud, nonce: input.nonce } } });
    const check = instance({ verifier: verifier(issuer.publicJwk),
        kbVerifier: verifier(holder.publicJwk) });
    const verified = await check.verify(presentation, { keyBindingNonce: input.nonce });
    return { presentation, issuer_jwk: issuer.publicJwk, holder_jwk: holder.publicJwk, claims: verified.payload };
}

async function verify(input) {
    const kbVerifier = async (data, signature, payload) => verifier(payload.cnf.jwk)(data, signature);
    const sd = instance({ verifier: verifier(input.issuer_jwk), kbVerifier });
    try {
        const result = await sd.verify(input.sd_jwt, input.nonce ? { keyBindingNonce: input.nonce } : {});
        return { ok: true, claims: result.payload };
    } catch (e) {
        return { ok: false, error: String(e && e.message ? e.message : e) };
    }
}

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    const mode = process.argv[2];
    const out = mode === 'issue' ? await issue(input) : mode === 'verify' ? await verify(input) : null;
    if (!out) {
        process.stderr.write('usage: node sdjwt-interop.mjs issue|verify < input.json\n');
        process.exit(2);
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
});
