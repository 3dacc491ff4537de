#pragma once

// The bodies of the libFuzzer targets as plain functions, compiled both into the fuzz executables
// (FuzzMain.cpp, -DJWB_FUZZ=ON) and into core_tst_fuzzregressions, which replays every input kept under
// tests/fuzz/regressions/<target>/ in the normal build so that each crash found stays fixed.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace jwb::fuzz {

/// One fuzz entry: returns 0 (libFuzzer's convention); a bug shows as a sanitizer report or an abort.
using Entry = int (*)(const std::uint8_t *data, std::size_t size);

struct Target
{
    std::string_view name; ///< executable fuzz_<name>, folder regressions/<name>, seeds/<name>
    Entry entry = nullptr;
    std::size_t maxLen = 4096; ///< libFuzzer's -max_len for this target
};

/// Every target, in a fixed order.
[[nodiscard]] std::span<const Target> targets();
[[nodiscard]] const Target *findTarget(std::string_view name);

/// Once per process, before any entry: a QCoreApplication when none exists (QCA loads its plugins through
/// it), the crypto backend, and the fixed JWK Set of the simulator target. Idempotent.
void initialize();

int base64url(const std::uint8_t *data, std::size_t size); ///< Base64Url::decode/decodeLenient (+ round trip)
/// TokenParser + Inspection (KnownSecrets HMAC check). Input: the text as pasted, or 0x01 header JSON 0x02 payload
/// JSON 0x02 signature bytes, which the target encodes into a compact token (also for the simulator's token).
int token(const std::uint8_t *data, std::size_t size);
/// SD-JWT (RFC 9901): TokenParser, jose::SdJwt and the key-less KB-JWT checks; when the analysis finds no error, the
/// Processed Payload must hold no `_sd` member and no `{"...": x}` array entry. Input: the text as pasted, or 0x01
/// payload JSON 0x02 Disclosure JSON 0x02 ... [0x03 KB-JWT text], where `#k` (k = 1..9) in the payload or a
/// Disclosure stands for the digest of Disclosure k (a Disclosure may refer to later ones only), so that nested,
/// duplicate and missing digests are reached.
int sdjwt(const std::uint8_t *data, std::size_t size);
/// JWE (RFC 7516): jose::parseJwe and decryptJwe with a fixed 32-byte oct key and a fixed P-256 key (PBES2 capped at
/// 2000 iterations, DEFLATE at 64 KiB). Input: the text as pasted (compact or JSON), or 0x01 header JSON 0x02
/// encrypted key 0x02 IV 0x02 ciphertext 0x02 tag, encoded here into a compact JWE. A message that decrypts must
/// decrypt again to the same plaintext from its re-serialized form.
int jwe(const std::uint8_t *data, std::size_t size);
int jwk(const std::uint8_t *data, std::size_t size); ///< JwkSet::fromJson and what is done with a set
int keyloader(const std::uint8_t *data, std::size_t size); ///< KeyLoader::load: PEM, DER, JWK, JWK Set
int krakend(const std::uint8_t *data, std::size_t size); ///< ConfigDocument::fromText + Linter::lint
/// BatchVerifier's fast path against Verifier::verify (HS256, fixed key and clock): whenever the fast path decides,
/// it must decide as the reference does. Input: a line as typed, or 0x01 header JSON 0x02 payload JSON, signed here.
int batch(const std::uint8_t *data, std::size_t size);
/// Simulator end to end: the input's last line is the token, everything before it the validator document;
/// keys from a fixed JWK Set, a fixed clock, and a downloader that always fails (no network).
int simulator(const std::uint8_t *data, std::size_t size);

} // namespace jwb::fuzz
