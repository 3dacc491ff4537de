#!/usr/bin/python3
"""Peer for make bench: PyJWT (Debian's python3-jwt) decoding and validating every token of a file (signature,
exp, iat, nbf, aud, and the header's kid, which must be KID as a key set would require) with one key object loaded
once. Prints {"total","valid","seconds"}; seconds covers the loop.

    pyjwt_verify.py ALG KEY_FILE(PEM, or the secret for HS*) TOKENS_FILE KID
"""
import json
import sys
import time

import jwt
from cryptography.hazmat.primitives.serialization import load_pem_public_key


def main():
    alg, key_file, tokens_file, kid = sys.argv[1:5]
    with open(key_file, "rb") as f:
        raw = f.read()
    key = raw.rstrip(b"\n") if alg.startswith("HS") else load_pem_public_key(raw)
    with open(tokens_file) as f:
        tokens = [line.strip() for line in f if line.strip()]
    valid = 0
    start = time.perf_counter()
    for token in tokens:
        try:
            if jwt.get_unverified_header(token).get("kid") != kid:
                continue
            jwt.decode(token, key, algorithms=[alg], audience="api")
            valid += 1
        except jwt.PyJWTError:
            pass
    seconds = time.perf_counter() - start
    print(json.dumps({"total": len(tokens), "valid": valid, "seconds": seconds}))


if __name__ == "__main__":
    main()
