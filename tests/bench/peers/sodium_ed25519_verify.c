/* The EdDSA primitive bound for make bench: libsodium's bare crypto_sign_verify_detached (Debian's libsodium-dev),
 * the function jwt-workbench's EdDSA verification calls, on one key and one message of MESSAGE_BYTES (default 20,
 * as `openssl speed ed25519` uses), for about SECONDS. No token to decode or parse. Prints {"rate": verifies/s}.
 *   sodium-ed25519-verify [SECONDS [MESSAGE_BYTES]] */
#include <sodium.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const double seconds = argc > 1 ? atof(argv[1]) : 3.0;
    const size_t length = argc > 2 ? (size_t)atoi(argv[2]) : 20;
    if (sodium_init() < 0 || length > 4096)
        return 2;
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES], sig[crypto_sign_BYTES];
    unsigned char message[4096];
    randombytes_buf(message, length);
    crypto_sign_keypair(pk, sk);
    crypto_sign_detached(sig, NULL, message, length, sk);
    long count = 0;
    const double start = now();
    double elapsed = 0;
    do {
        for (int i = 0; i < 256; ++i)
            if (crypto_sign_verify_detached(sig, message, length, pk) != 0)
                return 3;
        count += 256;
        elapsed = now() - start;
    } while (elapsed < seconds);
    printf("{\"rate\": %.1f, \"message_bytes\": %zu}\n", (double)count / elapsed, length);
    return 0;
}
