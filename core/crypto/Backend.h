#pragma once

#include "crypto/Algorithm.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace jwb::crypto {

/// One algorithm's standing after the start-up self-test.
struct Capability
{
    Algorithm algorithm = Algorithm::HS256;
    bool available = false;
    QString backend; ///< "QCA (qca-ossl)" or "OpenSSL 3.0.x"
    QString detail; ///< why it is unavailable, or what was checked
};

/// Crypto start-up: initialises QCA and OpenSSL, then runs a known-answer self-test for every algorithm
/// (verify a fixed signature made by an independent implementation, reproduce it where the algorithm is
/// deterministic, sign-and-verify, and reject a tampered message). The resulting capability map is what the
/// app and the CLI may claim: an algorithm whose self-test failed is reported as unavailable, never used.
///
/// initialize() is idempotent and thread-safe; call it once after QCoreApplication exists.
class Backend
{
public:
    static const Backend &initialize();
    /// Fails loudly (Q_ASSERT / abort in debug) if initialize() was not called.
    static const Backend &instance();
    /// Whether initialize() has completed (the self-test has run): the GUI defers work that needs it to after the
    /// first paint instead of running the self-test first.
    [[nodiscard]] static bool isInitialized();

    [[nodiscard]] bool isAvailable(Algorithm alg) const;
    [[nodiscard]] const QList<Capability> &capabilities() const { return m_capabilities; }
    [[nodiscard]] const Capability &capability(Algorithm alg) const;
    [[nodiscard]] QString qcaVersion() const { return m_qcaVersion; }
    [[nodiscard]] QString opensslVersion() const { return m_opensslVersion; }
    [[nodiscard]] QStringList qcaProviders() const { return m_qcaProviders; }
    /// Problems found at start-up in plain words (missing plugin, failed self-test); empty when all is well.
    [[nodiscard]] QStringList problems() const { return m_problems; }
    [[nodiscard]] qint64 selfTestMicroseconds() const { return m_selfTestMicros; }
    /// A multi-line report for --version and the About dialog.
    [[nodiscard]] QString report() const;

private:
    Backend() = default;
    void run();

    QList<Capability> m_capabilities;
    QString m_qcaVersion;
    QString m_opensslVersion;
    QStringList m_qcaProviders;
    QStringList m_problems;
    qint64 m_selfTestMicros = 0;
};

} // namespace jwb::crypto
