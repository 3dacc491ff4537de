#pragma once

#include "crypto/Algorithm.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace jwb::crypto {

/// One algorithm's standing after the start-up self-test.
struct Capability
{
    Algorithm algorithm = Algorithm::HS256;
    bool available = false;
    QString backend; ///< "QCA (qca-ossl)" or "OpenSSL 3.0.x"
    QString detail; ///< why it is unavailable, or what was checked
};

/// Crypto start-up: initialises OpenSSL, libsodium and (for HS* and RS* only) QCA, and runs a known-answer self-test
/// per algorithm (verify a fixed signature made by an independent implementation, reproduce it where the algorithm
/// is deterministic, sign-and-verify, and reject a tampered message; EdDSA in both verification flavours). An
/// algorithm whose self-test failed is reported as unavailable and never used: Signature::sign and
/// Signature::verify refuse it (backend_unavailable), whoever calls them, and the batch verifier asks before it
/// prepares a PreparedVerifier.
///
/// The self-tests run lazily: each algorithm's the first time it is asked about (isAvailable, capability, or its
/// first sign or verify), once per process, so a CLI invocation that verifies one EdDSA token tests EdDSA only and
/// never loads QCA's plugin. initialize() runs all of them at once and builds the full capability map (the app
/// after its first paint, `--version`, the About dialog). Everything here is thread-safe.
class Backend
{
public:
    ~Backend();
    /// Every algorithm's self-test, now (those not yet run); the full capability map.
    static const Backend &initialize();
    /// The backend, running no self-test yet: each algorithm's runs on first use.
    static const Backend &instance();
    /// Whether initialize() has completed (every self-test has run): the GUI defers work that needs it to after the
    /// first paint instead of running the self-test first.
    [[nodiscard]] static bool isInitialized();

    /// Runs the algorithm's self-test first if it has not run in this process.
    [[nodiscard]] bool isAvailable(Algorithm alg) const;
    /// The whole map: runs every self-test not yet run.
    [[nodiscard]] const QList<Capability> &capabilities() const;
    /// Runs the algorithm's self-test first if it has not run in this process.
    [[nodiscard]] const Capability &capability(Algorithm alg) const;
    /// Whether the algorithm's self-test has already run (a test's view; nothing is run).
    [[nodiscard]] bool hasSelfTested(Algorithm alg) const;
    /// Whether QCA has been initialised (its plugins loaded); only HS* and RS* need it.
    [[nodiscard]] bool isQcaLoaded() const;
    [[nodiscard]] QString qcaVersion() const; ///< initialises QCA if needed
    [[nodiscard]] QString opensslVersion() const { return m_opensslVersion; }
    [[nodiscard]] QString sodiumVersion() const { return m_sodiumVersion; }
    [[nodiscard]] QStringList qcaProviders() const; ///< initialises QCA if needed
    /// Problems found so far in plain words (missing plugin, failed self-test); empty when all is well. After
    /// initialize() this covers every algorithm.
    [[nodiscard]] QStringList problems() const;
    /// Time spent in self-tests (and QCA's initialisation) so far.
    [[nodiscard]] qint64 selfTestMicroseconds() const;
    /// A multi-line report for --version and the About dialog (runs every self-test not yet run).
    [[nodiscard]] QString report() const;

private:
    Backend();
    void ensureQca() const;
    void ensure(Algorithm alg) const;
    void ensureAll() const;

    struct Lazy;
    std::unique_ptr<Lazy> m_lazy;
    QString m_opensslVersion;
    QString m_sodiumVersion;
};

} // namespace jwb::crypto
