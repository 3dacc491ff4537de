#pragma once

#include <cstddef>
#include <memory>

namespace jwb::crypto {

/// HMAC-SHA-256/384/512 with the key's inner and outer hash states kept, so that many messages can be checked
/// under one key (the batch verifier's PreparedVerifier) or many keys against one message (the wordlist search,
/// jose::SecretSearch) for the hash passes of each HMAC and nothing else. Not thread-safe; one per thread.
/// The states are wiped when the key changes and on destruction.
class HmacState
{
public:
    /// `hashBits`: 256, 384 or 512.
    explicit HmacState(int hashBits);
    ~HmacState();
    HmacState(const HmacState &) = delete;
    HmacState &operator=(const HmacState &) = delete;

    /// Keys the states (a key longer than the hash's block is hashed first, RFC 2104).
    void setKey(const unsigned char *key, std::size_t length);
    /// The MAC of `input` under the current key, into `mac` (tagLength() bytes).
    void mac(const char *input, std::size_t length, unsigned char *mac) const;
    /// True when the MAC of `input` equals `tag` (tagLength() bytes), compared in constant time.
    [[nodiscard]] bool matches(const char *input, std::size_t length, const unsigned char *tag) const;
    [[nodiscard]] std::size_t tagLength() const;

private:
    struct States;
    std::unique_ptr<States> d;
};

} // namespace jwb::crypto
