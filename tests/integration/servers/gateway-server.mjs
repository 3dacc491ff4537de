// A stand-in API gateway for the live test-token runner (tests/integration/tst_live_run.cpp): one HTTPS endpoint
// that enforces a JWT policy with Node's own crypto, an implementation independent of jwt-workbench's. No
// dependencies.
//
//   node gateway-server.mjs CERTDIR POLICY.json
//
// CERTDIR holds good.pem + good.key (the test PKI of IntegrationSupport.h). POLICY.json:
//   {"jwks": "/path/jwks.json", "alg": "RS256", "issuer": "...", "audience": ["..."], "leeway": 5,
//    "path": "/api/orders", "header": "Authorization", "faults": ["no_expiry" | "accept_none" | "slow"]}
// It checks, in KrakenD's order: a Bearer token in the header (else 401), header alg equal to the policy's
// (faults: accept_none lets alg none in any spelling through unsigned), the key by kid in the JWK Set, the
// signature, then iss, aud, nbf, exp (fault no_expiry skips exp), iat, with the leeway in seconds as go-jose
// applies it. 200 {"ok":true} when all pass, 401 otherwise; 404 for other paths. The fault "slow" answers every
// request after 3 s. One JSON line goes to stdout when listening: {"port": PORT}. Every request is logged to
// stderr as one line (method, path, status). Exits when stdin closes, and after 10 minutes in any case.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';

const HOST = '127.0.0.1';
const [dir, policyFile] = process.argv.slice(2);
if (!dir || !policyFile) {
    process.stderr.write('usage: node gateway-server.mjs CERTDIR POLICY.json\n');
    process.exit(2);
}
const policy = JSON.parse(fs.readFileSync(policyFile, 'utf8'));
const faults = new Set(policy.faults || []);
const leewayMs = (policy.leeway || 0) * 1000;

function b64json(part) {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

function keyFor(kid) {
    const set = JSON.parse(fs.readFileSync(policy.jwks, 'utf8'));
    const jwk = (set.keys || []).find((k) => k.kid === kid);
    return jwk ? crypto.createPublicKey({ key: jwk, format: 'jwk' }) : null;
}

const HASH = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512', ES256: 'sha256', ES384: 'sha384', ES512: 'sha512' };

function signatureOk(alg, key, input, signature) {
    const options = { key };
    if (alg.startsWith('ES')) options.dsaEncoding = 'ieee-p1363';
    return crypto.verify(HASH[alg], Buffer.from(input), options, signature);
}

// The reason a token is refused, or null.
function refusal(token) {
    const parts = token.split('.');
    if (parts.length !== 3) return 'not a compact JWS';
    let header;
    let claims;
    try {
        header = b64json(parts[0]);
        claims = b64json(parts[1]);
    } catch {
        return 'undecodable';
    }
    const unsigned = typeof header.alg === 'string' && header.alg.toLowerCase() === 'none';
    if (!(unsigned && faults.has('accept_none'))) {
        if (header.alg !== policy.alg) return 'algorithm is invalid';
        const key = keyFor(header.kid);
        if (!key) return 'no key';
        if (!signatureOk(policy.alg, key, `${parts[0]}.${parts[1]}`, Buffer.from(parts[2], 'base64url')))
            return 'bad signature';
    }
    const now = Date.now();
    if (policy.issuer && claims.iss !== policy.issuer) return 'invalid issuer';
    const aud = typeof claims.aud === 'string' ? [claims.aud] : claims.aud || [];
    if ((policy.audience || []).some((a) => !aud.includes(a))) return 'invalid audience';
    if (typeof claims.nbf === 'number' && now + leewayMs < claims.nbf * 1000) return 'not valid yet';
    if (!faults.has('no_expiry') && typeof claims.exp === 'number' && now - leewayMs > claims.exp * 1000)
        return 'expired';
    if (typeof claims.iat === 'number' && now + leewayMs < claims.iat * 1000) return 'issued in the future';
    return null;
}

function answer(req, res) {
    const url = new URL(req.url, 'https://placeholder');
    let status = 200;
    let body = { ok: true };
    if (url.pathname !== policy.path) {
        status = 404;
        body = { error: 'no such endpoint' };
    } else {
        const value = req.headers[(policy.header || 'Authorization').toLowerCase()] || '';
        const token = /^bearer /i.test(value) ? value.slice(7).trim() : '';
        const why = token ? refusal(token) : 'token not found';
        if (why) {
            status = 401;
            body = { error: why };
        }
    }
    process.stderr.write(`${req.method} ${url.pathname} ${status}\n`);
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text),
        'X-Test-Gateway': 'jwb' });
    res.end(text);
}

const server = https.createServer(
    { cert: fs.readFileSync(path.join(dir, 'good.pem')), key: fs.readFileSync(path.join(dir, 'good.key')) },
    (req, res) => {
        if (faults.has('slow')) setTimeout(() => answer(req, res), 3000);
        else answer(req, res);
    });
server.listen(0, HOST, () => {
    process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
setTimeout(() => process.exit(0), 10 * 60 * 1000).unref();
