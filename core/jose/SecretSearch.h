#pragma once

#include "common/CancelToken.h"
#include "common/LineBlockReader.h"
#include "common/Result.h"
#include "crypto/Algorithm.h"
#include "jose/Token.h"

#include <QByteArray>

#include <functional>

class QIODevice;

namespace jwb::jose {

/// The wordlist search for an HS256/384/512 token's secret (what jwt_tool calls cracking): every line of a
/// wordlist is tried as the HMAC key of the token's signing input, on several threads, with the keyed-state HMAC
/// of the batch verifier (crypto::HmacState: the hash passes and nothing else per candidate). A line is one
/// candidate exactly as written, without its newline and without one CR before it (CRLF lists); empty lines are
/// skipped (the empty secret is among KnownSecrets). The wordlist is streamed in blocks (common::LineBlockReader),
/// so a list of millions of lines costs its block size in memory; a line longer than 64 KiB is no secret anyone
/// types and is skipped. The search stops at the first matching line (the lowest line number when several
/// threads find one in the same block), when cancelled, or at the end of the list.
///
/// The secret found is returned to the caller only: nothing here logs or writes it.
class SecretSearch
{
public:
    /// not_hmac when the token is not a complete JWS with alg HS256/384/512 and a signature of the hash's length.
    static common::Result<SecretSearch> create(const Token &token);
    /// Whether a search applies to `token`, and with which algorithm (create()'s checks, without copying the
    /// signing input: cheap enough to ask on every paste).
    static common::Result<crypto::Algorithm> algorithmFor(const Token &token);

    struct Progress
    {
        qint64 tried = 0; ///< candidates tried so far
        qint64 bytes = 0; ///< bytes of the wordlist read so far
    };
    struct Options
    {
        int jobs = 1; ///< threads, 1..64
        common::CancelToken cancel;
        /// Called on the calling thread after each block (about every 8 MiB of the list).
        std::function<void(const Progress &)> progress;
        common::LineBlockLimits limits {8 * 1024 * 1024, 64 * 1024};
    };
    struct Outcome
    {
        bool found = false;
        qint64 line = 0; ///< 1-based line of the wordlist that holds the secret
        QByteArray secret;
        qint64 tried = 0; ///< candidates tried (all of them, on every thread, up to the stop)
        qint64 bytes = 0; ///< bytes of the wordlist read
        double seconds = 0;
        bool cancelled = false;
    };
    /// Fails only when reading the wordlist fails (unreadable_input, with the byte count reached).
    [[nodiscard]] common::Result<Outcome> run(QIODevice &wordlist, const Options &options) const;

    /// Whether `secret` is the token's key (one candidate, as run() checks each line).
    [[nodiscard]] bool matches(const QByteArray &secret) const;
    [[nodiscard]] crypto::Algorithm algorithm() const { return m_alg; }

private:
    SecretSearch() = default;
    crypto::Algorithm m_alg = crypto::Algorithm::HS256;
    QByteArray m_input;
    QByteArray m_signature;
};

} // namespace jwb::jose
