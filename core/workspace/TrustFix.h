#pragma once

#include "common/Result.h"
#include "keysource/NetworkOptions.h"
#include "workspace/TrustStore.h"

#include <QList>
#include <QSslCertificate>

namespace jwb::workspace {

class KeyRing;

/// The next steps a refused TLS connection offers, and what each one changes in the trust settings of the
/// server's origin: decided here, once, for every view of a failed fetch (the Keys page shows the offers and asks
/// apply()). Settings are per origin (TrustStore), so a fix made for one source holds for every source, issuer and
/// jwk_url of that origin.
class TrustFix
{
public:
    enum class Action {
        /// Trust the chain's anchor (the self-signed certificate, else the last one the server presented) as an
        /// extra CA of the origin, as KrakenD's jwk_local_ca would.
        TrustCa,
        /// Accept this server's own certificate: its key is pinned (jwk_fingerprints) and, when its chain did not
        /// verify, the chain's anchor is trusted as an extra CA (the certificate itself when it is self-signed):
        /// pins narrow certificate checking, they never replace it, in KrakenD as here.
        PinCertificate,
        /// Trust the CA certificates of a file the user chooses.
        AddCaFile,
    };

    struct Offer
    {
        Action action = Action::TrustCa;
        int certificate = -1; ///< the index in the failure's chain the action uses; -1 for AddCaFile

        friend bool operator==(const Offer &, const Offer &) = default;
    };

    /// What `failure` offers: an untrusted chain offers TrustCa and PinCertificate (when the server presented
    /// certificates) and AddCaFile; a pin mismatch offers PinCertificate. Nothing for other TLS problems.
    [[nodiscard]] static QList<Offer> offers(const keysource::TlsFailure &failure);
    /// Whether changing the trust can make the connection succeed: false when the certificate is also for another
    /// host, expired or not yet valid (the views say so next to the offers).
    [[nodiscard]] static bool trustCanFix(const keysource::TlsFailure &failure);

    /// The origin's settings after `action`; `caFile` holds the chosen file's certificates (AddCaFile, see
    /// TrustStore::readCaFile). Certificates and pins already there are not added twice. Errors: not_offered (the
    /// action is not offered for this failure), invalid_certificate (AddCaFile without certificates).
    [[nodiscard]] static common::Result<TrustSettings> apply(const TrustSettings &current,
        const keysource::TlsFailure &failure, Action action, const QList<QSslCertificate> &caFile = {});

    /// apply() for the failed source at `index` of `ring`: sets its origin's settings in the ring's trust store
    /// and fetches again every remote source of that origin whose last fetch failed (not those waiting for
    /// permission). Returns how many fetches started. Errors: those of apply(), no_tls_failure (the source's last
    /// fetch did not fail in TLS).
    static common::Result<int> applyTo(
        KeyRing &ring, int index, Action action, const QList<QSslCertificate> &caFile = {});
};

} // namespace jwb::workspace
