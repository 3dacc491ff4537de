#pragma once

#include "keys/JwkSet.h"
#include "validation/Policy.h"
#include "validation/Report.h"

#include "common/LineBlockReader.h"
#include "common/Result.h"

#include <QByteArrayView>

#include <functional>

#include <memory>

class QIODevice;

namespace jwb::validation {

/// Verifies many tokens against one key set and one policy, on several threads, as fast as the signature
/// primitive allows.
///
/// Each line first goes through a fast path that reads the compact JWS in place: strict base64url into stack
/// buffers, a validating JSON scanner that picks out only the members the checks read (alg, kid, crit; exp,
/// nbf, iat, iss, sub, jti, aud) and finds duplicate members, a kid index over the key set, and a
/// crypto::PreparedVerifier per (key, algorithm) made once per thread. It runs the same checks in the same
/// order as Verifier::verify and decides Valid or Invalid exactly as it would. Whatever the fast path does not
/// read itself (escapes or non-ASCII text in names or checked values, numbers with exponents, wrappers such as
/// "Bearer", JWE, the JSON serialization, key id strategies other than kid, ...) is Unsure and goes to
/// Verifier::verify, the one reference path. tst_batchverifier proves the agreement on generated and mutated
/// tokens for every algorithm; a fuzz target keeps checking it.
///
/// A batch is judged at one instant: the policy's clock is read once when the batch starts.
class BatchVerifier
{
public:
    BatchVerifier(const keys::JwkSet &keySet, const Policy &policy);
    ~BatchVerifier();
    BatchVerifier(const BatchVerifier &) = delete;
    BatchVerifier &operator=(const BatchVerifier &) = delete;

    enum class Verdict : quint8 { Valid, Invalid, Unsure };

    /// One thread's state: prepared verifiers, per-algorithm key tables. Not thread-safe; one per thread.
    class Worker
    {
    public:
        explicit Worker(const BatchVerifier &owner);
        ~Worker();
        Worker(const Worker &) = delete;
        Worker &operator=(const Worker &) = delete;
        /// The fast path on one line (spaces, tabs and CRs at either end are ignored, as the parser ignores them).
        [[nodiscard]] Verdict check(QByteArrayView line);

    private:
        struct State;
        struct Steps;
        std::unique_ptr<State> d;
    };

    /// The reference path (Verifier::verify) for one line, at the batch's instant.
    [[nodiscard]] Report verifyFully(QByteArrayView line) const;
    /// False when the policy needs something the fast path does not implement (then every line is Unsure).
    [[nodiscard]] bool fastPathEnabled() const;

    struct LineResult
    {
        int line = 0; ///< 1-based line number in the input
        bool valid = false;
        QString reason; ///< "check: message" of the first failed check; empty when valid
    };
    struct Summary
    {
        int total = 0;
        int valid = 0;
        int fastDecided = 0; ///< lines the fast path decided (the rest went through Verifier::verify)
        double seconds = 0; ///< time spent verifying (cutting lines and checking them), reading not included
        double wallSeconds = 0; ///< from the first read to the last verdict, reading included
        qint64 bytes = 0; ///< bytes of input read
        QList<LineResult> results; ///< every line, in order, when asked for (and no sink takes them)
    };
    using ResultSink = std::function<void(const LineResult &)>;

    /// Verifies every non-blank line of `data` with `jobs` threads (1..64).
    [[nodiscard]] Summary run(QByteArrayView data, int jobs, bool perLineResults) const;

    /// How run(QIODevice &) reads: blocks of 8 MiB; a line over 64 MiB is invalid without being kept.
    using StreamLimits = common::LineBlockReader::Limits;
    /// Streams `input`: reads a block of lines at a time and verifies it as run(data) does, adding to one summary,
    /// so memory stays bounded by the block size (and the longest line) whatever the input's size. Each line's
    /// result goes to `sink` when one is given (in order, as its block completes), else into the summary when
    /// `perLineResults`. A line longer than limits.maxLine is invalid ("parse: ..."). Fails only when reading
    /// fails (unreadable_input, with the byte count reached).
    [[nodiscard]] common::Result<Summary> run(
        QIODevice &input, int jobs, bool perLineResults, const ResultSink &sink = {}, StreamLimits limits = {}) const;

    struct Shared;

private:
    void runBlock(QByteArrayView data, int jobs, bool perLineResults, int firstLine, Summary &summary,
        const ResultSink &sink) const;

    std::unique_ptr<Shared> d;
};

} // namespace jwb::validation
