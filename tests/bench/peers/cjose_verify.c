/* Peer for make bench: cjose (Debian's libcjose) verifying every token of a file with one JWK, imported once.
 * cjose checks the signature only (no claims). Prints {"total","valid","seconds"}; seconds covers the loop only.
 *   cjose-verify JWK_FILE TOKENS_FILE */
#include <cjose/cjose.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
    if (argc != 3) {
        fprintf(stderr, "usage: cjose-verify JWK_FILE TOKENS_FILE\n");
        return 2;
    }
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
            if (jws && cjose_jws_verify(jws, jwk, &err))
                ++valid;
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
