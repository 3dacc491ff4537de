#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets under <out>/<target>/ from the repository's samples and test data
# and, when present, the read-only reference vectors in ../shared (never copied into the repository).
#   tests/fuzz/make-seeds.sh <out-dir> [shared-dir] [target...]   (default: every target)
# Needs python3 for the JSON extraction and openssl for DER and certificate seeds (both optional: without them
# the corpora are smaller). Idempotent: the output folders are rebuilt from scratch.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:?usage: make-seeds.sh <out-dir> [shared-dir]}
shared=${2:-${JWB_SHARED_DIR:-$repo/../shared}}
samples=$repo/resources/samples

all=(base64url token sdjwt jwe jwk keyloader krakend simulator batch)
targets=("${@:3}")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
# Every folder exists (writes to unselected ones go to a scratch area), only the selected ones are rebuilt.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for t in "${all[@]}"; do mkdir -p "$scratch/$t"; done
for t in "${targets[@]}"; do rm -rf "${out:?}/$t"; mkdir -p "$out/$t"; done
dest() { case " ${targets[*]} " in *" $1 "*) echo "$out/$1" ;; *) echo "$scratch/$1" ;; esac; }

# Every crash input kept in the repository is a seed of its target as well.
for t in "${targets[@]}"; do
    [ -d "$here/regressions/$t" ] && cp "$here/regressions/$t"/* "$out/$t/" 2>/dev/null || true
done

# Repository samples.
cp "$samples/demo-token.jwt" "$(dest token)/"
cp "$samples/demo-jwks.json" "$(dest jwk)/"
cp "$samples/demo-jwks.json" "$samples/demo-public.pem" "$samples/demo-private.pem" "$(dest keyloader)/"
cp "$samples/krakend.json" "$repo/tests/data/krakend/"*.json "$(dest krakend)/"

# DER and certificates from the demo key (openssl is part of the bootstrap).
if command -v openssl >/dev/null 2>&1; then
    tmp=$scratch/openssl
    mkdir -p "$tmp"
    openssl pkey -in "$samples/demo-public.pem" -pubin -outform DER -out "$(dest keyloader)/demo-public.der" 2>/dev/null || true
    openssl pkey -in "$samples/demo-private.pem" -outform DER -out "$(dest keyloader)/demo-private.der" 2>/dev/null || true
    openssl ecparam -name prime256v1 -genkey -noout -out "$tmp/ec.pem" 2>/dev/null \
        && cp "$tmp/ec.pem" "$(dest keyloader)/ec-sec1.pem" \
        && openssl req -x509 -key "$tmp/ec.pem" -subj /CN=fuzz -days 1 -out "$(dest keyloader)/ec-cert.pem" 2>/dev/null \
        && openssl x509 -in "$(dest keyloader)/ec-cert.pem" -outform DER -out "$(dest keyloader)/ec-cert.der" 2>/dev/null \
        && cat "$(dest keyloader)/ec-cert.pem" "$samples/demo-public.pem" > "$(dest keyloader)/two-blocks.pem" || true
    openssl genpkey -algorithm ed25519 -out "$(dest keyloader)/ed25519.pem" 2>/dev/null || true
    openssl rsa -in "$samples/demo-private.pem" -traditional -out "$(dest keyloader)/demo-pkcs1.pem" 2>/dev/null || true
fi

if ! command -v python3 >/dev/null 2>&1; then
    echo "make-seeds: python3 not found: only the repository samples are used" >&2
    exit 0
fi

python3 - "$out" "$shared" "$samples" "${targets[@]}" <<'PY'
import glob, hashlib, json, os, re, sys

out, shared, samples = sys.argv[1:4]
selected = set(sys.argv[4:])
counts = {}

def put(target, data, limit=400):
    if target not in selected:
        return
    if isinstance(data, str):
        data = data.encode()
    if counts.get(target, 0) >= limit:
        return
    name = hashlib.sha1(data).hexdigest()[:16]
    path = os.path.join(out, target, name)
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)
        counts[target] = counts.get(target, 0) + 1

def walk(node):
    yield node
    if isinstance(node, dict):
        for v in node.values():
            yield from walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk(v)

token_re = re.compile(r"^[A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]*\.[A-Za-z0-9_=-]*(\.[A-Za-z0-9_=-]*\.[A-Za-z0-9_=-]*)?$")
b64_re = re.compile(r"^[A-Za-z0-9_-]{2,}$")

files = []
if os.path.isdir(shared):
    files = sorted(glob.glob(os.path.join(shared, "testvectors", "**", "*.json"), recursive=True))
    files += sorted(glob.glob(os.path.join(shared, "krakend-jose-fixtures", "*.json")))
tokens = [open(os.path.join(samples, "demo-token.jwt")).read().strip()]

for path in files:
    if "/schemas/" in path:
        continue
    try:
        doc = json.load(open(path))
    except Exception:
        continue
    if "krakend-jose-fixtures" in path or "/jwk/" in path:
        put("jwk", json.dumps(doc))
        put("keyloader", json.dumps(doc))
    for node in walk(doc):
        if isinstance(node, dict):
            if "kty" in node:
                put("jwk", json.dumps(node))
                put("keyloader", json.dumps(node))
                put("jwk", json.dumps({"keys": [node]}))
            if isinstance(node.get("keys"), list):
                put("jwk", json.dumps(node))
            for k in ("publicKeyPem", "keyPem", "privateKeyPem"):
                if isinstance(node.get(k), str):
                    put("keyloader", node[k])
            for k in ("publicKeyDer", "keyDer", "privateKeyDer"):
                if isinstance(node.get(k), str) and re.fullmatch(r"[0-9a-fA-F]+", node[k]):
                    put("keyloader", bytes.fromhex(node[k]))
            if "protected" in node or "payload" in node:
                put("token", json.dumps(node))
            if "ciphertext" in node and ("protected" in node or "unprotected" in node or "recipients" in node):
                put("jwe", json.dumps(node))  # JWE JSON serializations (RFC 7520 section 5)
        elif isinstance(node, str):
            s = node.strip()
            if token_re.match(s):
                put("token", s)
                if s.count(".") == 4:
                    put("jwe", s)  # compact JWEs (RFC 7516, RFC 7520, Wycheproof)
                if len(tokens) < 60:
                    tokens.append(s)
                for seg in s.split("."):
                    if seg:
                        put("base64url", seg)
            elif "~" in s and token_re.match(s.split("~")[0]):
                put("sdjwt", s)  # SD-JWTs and SD-JWT+KB (RFC 9901 examples)
            elif b64_re.match(s) and len(s) <= 4096:
                put("base64url", s, limit=600)

# Simulator seeds: every validator block of the repository's krakend.json files (and a few variants), each with
# the demo token (valid signature) and some reference tokens. Format: the document, a newline, the token.
blocks = []
for kpath in [os.path.join(samples, "krakend.json")]:
    root = json.load(open(kpath))
    for e in root.get("endpoints", []):
        v = e.get("extra_config", {}).get("auth/validator")
        if v:
            blocks.append(v)
            blocks.append({"auth/validator": v})
            blocks.append(e)
base = dict(blocks[0]) if blocks else {"alg": "RS256", "jwk_local_path": "demo-jwks.json"}
variants = [
    {"alg": "RS256", "jwk_url": "https://auth.example.com/jwks", "cache": True},
    {"alg": "HS256", "jwk_local_path": "k.json", "disable_jwk_security": True},
    {"alg": "ES256", "jwk_url": "http://insecure.example.com/jwks"},
    {"roles_key": "realm_access.roles", "roles_key_is_nested": True, "roles": ["a"]},
    {"propagate_claims": [["sub", "x-sub"], ["roles", "x-roles"]], "propagate_claims_preserve_array": True},
    {"key_identify_strategy": "x5t", "leeway": "1h", "cookie_key": "session", "auth_header_name": "X-Token"},
    {"claims_map": {"email": "mail"}, "scopes_key": "scope", "scopes_matcher": "all", "scopes": ["orders:read"]},
    {"audience": "api.example.com", "issuer": 1, "leeway": "forever"},
]
for v in variants:
    b = dict(base)
    b.update(v)
    blocks.append(b)
for i, b in enumerate(blocks):
    if "alg" in b:
        put("krakend", json.dumps({"version": 3, "extra_config": {"auth/revoker": {"token_keys": ["jti"]}},
                                   "endpoints": [{"endpoint": "/e/{id}", "method": "POST",
                                                  "extra_config": {"auth/validator": b},
                                                  "backend": [{"url_pattern": "/x/{JWT.sub}"}]}]}, indent=2))
    text = json.dumps(b, indent=1)
    put("simulator", text + "\n" + tokens[0])
    for t in tokens[1 + (i % 5)::7][:3]:
        put("simulator", text + "\n" + t)

# Structured token seeds (FuzzTargets.cpp expandToken): 0x01 header 0x02 payload 0x02 signature, decoded parts.
import base64
def unb64(seg):
    return base64.urlsafe_b64decode(seg + "=" * (-len(seg) % 4))
structured = []
for t in tokens:
    segs = t.split(".")
    if len(segs) == 3:
        try:
            structured.append(b"\x01" + b"\x02".join(unb64(s) for s in segs))
        except Exception:
            pass
for s in structured:
    put("token", s, limit=1000)
# Structured JWE seeds (the jwe target's 0x01 header 0x02 encrypted key 0x02 IV 0x02 ciphertext 0x02 tag): one per
# key management family, so that mutations reach the header checks (p2c, epk, iv/tag, zip, crit) directly.
for hdr, ek, iv in [
        ('{"alg":"A256KW","enc":"A128CBC-HS256"}', b"k" * 40, b"i" * 16),
        ('{"alg":"dir","enc":"A256GCM","zip":"DEF"}', b"", b"i" * 12),
        ('{"alg":"A256GCMKW","enc":"A256GCM","iv":"aWlpaWlpaWlpaWlp","tag":"dHR0dHR0dHR0dHR0dHR0dA"}', b"k" * 32, b"i" * 12),
        ('{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"c2FsdHNhbHRzYWx0","p2c":1000}', b"k" * 24, b"i" * 12),
        ('{"alg":"ECDH-ES","enc":"A128GCM","epk":{"kty":"EC","crv":"P-256",'
         '"x":"Ze2loSV3wrroKUN_4zhwGhCqo3Xhu1td4QjeQ5wIVR0","y":"HlLtdXARY_f55A3fnzQbPcm6hgr34Mp8p-nuzQCE0Zw"}}', b"", b"i" * 12),
        ('{"alg":"A256KW","enc":"A128GCM","crit":["exp"],"exp":1}', b"k" * 24, b"i" * 12)]:
    put("jwe", b"\x01" + b"\x02".join([hdr.encode(), ek, iv, b"ciphertext", b"t" * 16]))
# Batch seeds: header and payload, signed by the target with its HS256 key (kid k1), and typed tokens.
for s in structured:
    hdr, payload = s[1:].split(b"\x02")[:2]
    try:
        h = json.loads(hdr)
        h.update({"alg": "HS256", "kid": "k1"})
        put("batch", b"\x01" + json.dumps(h, separators=(",", ":")).encode() + b"\x02" + payload, limit=300)
    except Exception:
        put("batch", b"\x01" + hdr + b"\x02" + payload, limit=300)
for t in tokens[:40]:
    put("batch", t)
demo = structured[0] if structured else None
if demo:
    for i, b in enumerate(blocks[:12]):
        # Without the signature bytes, which may contain the newline that separates document and token.
        put("simulator", json.dumps(b).encode() + b"\n" + demo.rsplit(b"\x02", 1)[0] + b"\x02")

# Base64url seeds also from the repository's own samples.
for seg in tokens[0].split("."):
    put("base64url", seg)
for k in json.load(open(os.path.join(samples, "demo-jwks.json")))["keys"]:
    for v in k.values():
        if isinstance(v, str) and b64_re.match(v):
            put("base64url", v)
PY

for t in "${targets[@]}"; do printf '%s: %s seeds\n' "$t" "$(ls "$out/$t" | wc -l)"; done
