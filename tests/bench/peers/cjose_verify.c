/* Peer for make bench: cjose (Debian's libcjose) verifying every token of a file with one JWK, imported once.
 * cjose itself checks the signature only; this program also requires the protected header's kid to be KID (as a
 * key set would) and the payload's exp to be in the future and iat not in it, so that it refuses what the other
 * verifiers refuse. The claims are found by a plain scan of the decoded payload (cjose exposes no JSON reader for
 * it; the bench's tokens are compact JSON from jwb-bench). Prints {"total","valid","seconds"}; seconds covers the
 * loop only.
 *   cjose-verify JWK_FILE TOKENS_FILE KID */
#include <cjose/cjose.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The integer value of "name": in a compact JSON object, or -1 when absent. */
static long long claim(const uint8_t *json, size_t len, const char *name)
{
    char key[32];
    snprintf(key, sizeof key, "\"%s\":", name);
    const size_t keyLen = strlen(key);
    for (size_t i = 0; i + keyLen < len; ++i) {
        if (memcmp(json + i, key, keyLen) == 0) {
            long long v = 0;
            size_t j = i + keyLen;
            if (j >= len || json[j] < '0' || json[j] > '9')
                return -1;
            for (; j < len && json[j] >= '0' && json[j] <= '9'; ++j)
                v = v * 10 + (json[j] - '0');
            return v;
        }
    }
    return -1;
}

static char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(buf);
        return NULL;
    }
    buf[n] = 0;
    fclose(f);
    *size = (size_t)n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: cjose-verify JWK_FILE TOKENS_FILE KID\n");
        return 2;
    }
    const char *wantedKid = argv[3];
    size_t jwkSize = 0, size = 0;
    char *jwkText = slurp(argv[1], &jwkSize);
    char *tokens = slurp(argv[2], &size);
    if (!jwkText || !tokens) {
        fprintf(stderr, "cannot read input\n");
        return 2;
    }
    cjose_err err;
    cjose_jwk_t *jwk = cjose_jwk_import(jwkText, jwkSize, &err);
    if (!jwk) {
        fprintf(stderr, "cjose_jwk_import: %s\n", err.message);
        return 2;
    }
    long total = 0, valid = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char *line = tokens;
    while (line < tokens + size) {
        char *end = memchr(line, '\n', (size_t)(tokens + size - line));
        if (!end)
            end = tokens + size;
        size_t len = (size_t)(end - line);
        if (len > 0) {
            ++total;
            cjose_jws_t *jws = cjose_jws_import(line, len, &err);
            if (jws && cjose_jws_verify(jws, jwk, &err)) {
                const char *kid = cjose_header_get(cjose_jws_get_protected(jws), CJOSE_HDR_KID, &err);
                uint8_t *plain = NULL;
                size_t plainLen = 0;
                if (kid && strcmp(kid, wantedKid) == 0 && cjose_jws_get_plaintext(jws, &plain, &plainLen, &err)) {
                    const long long now = (long long)time(NULL);
                    const long long exp = claim(plain, plainLen, "exp"), iat = claim(plain, plainLen, "iat");
                    if (exp > now && iat <= now)
                        ++valid;
                }
            }
            if (jws)
                cjose_jws_release(jws);
        }
        line = end + 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("{\"total\": %ld, \"valid\": %ld, \"seconds\": %.6f}\n", total, valid, seconds);
    return 0;
}
