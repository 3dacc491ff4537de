#include "workspace/TrustFix.h"

#include "workspace/KeyRing.h"

namespace jwb::workspace {

namespace {

/// The certificate a CA trust uses: the self-signed one the server sent (its root), else the last it sent.
int anchorOf(const keysource::TlsFailure &failure)
{
    for (int i = 0; i < failure.chain.size(); ++i) {
        if (failure.chain.at(i).selfSigned)
            return i;
    }
    return static_cast<int>(failure.chain.size()) - 1;
}

void addCertificate(QList<QSslCertificate> &to, const QSslCertificate &certificate)
{
    if (!certificate.isNull() && !to.contains(certificate))
        to.append(certificate);
}

} // namespace

QList<TrustFix::Offer> TrustFix::offers(const keysource::TlsFailure &failure)
{
    QList<Offer> result;
    const bool presented = !failure.chain.isEmpty();
    if (failure.untrustedIssuer) {
        if (presented) {
            result.append({Action::TrustCa, anchorOf(failure)});
            result.append({Action::PinCertificate, 0});
        }
        result.append({Action::AddCaFile, -1});
    } else if (failure.pinMismatch && presented) {
        result.append({Action::PinCertificate, 0});
    }
    return result;
}

bool TrustFix::trustCanFix(const keysource::TlsFailure &failure)
{
    return (failure.untrustedIssuer || failure.pinMismatch) && !failure.hostMismatch && !failure.badValidity;
}

common::Result<TrustSettings> TrustFix::apply(const TrustSettings &current, const keysource::TlsFailure &failure,
    Action action, const QList<QSslCertificate> &caFile)
{
    Offer offer;
    bool offered = false;
    for (const Offer &o : offers(failure)) {
        if (o.action == action) {
            offer = o;
            offered = true;
        }
    }
    if (!offered)
        return common::Result<TrustSettings>::failure(
            QStringLiteral("not_offered"), QStringLiteral("this TLS failure does not offer that change of trust"));
    TrustSettings next = current;
    switch (action) {
    case Action::TrustCa:
        addCertificate(next.extraCa, failure.chain.at(offer.certificate).certificate);
        break;
    case Action::PinCertificate: {
        const keysource::PresentedCertificate &leaf = failure.chain.at(offer.certificate);
        if (!next.pins.contains(leaf.pin))
            next.pins.append(leaf.pin);
        // A pin only narrows which verified chains are accepted: a chain that did not verify needs its anchor trusted
        // as well (the certificate itself when it is self-signed). The pin keeps that trust to this key.
        if (failure.untrustedIssuer)
            addCertificate(next.extraCa, failure.chain.at(anchorOf(failure)).certificate);
        break;
    }
    case Action::AddCaFile:
        if (caFile.isEmpty())
            return common::Result<TrustSettings>::failure(
                common::ErrorCode::InvalidCertificate, QStringLiteral("the file holds no certificate"));
        for (const auto &certificate : caFile)
            addCertificate(next.extraCa, certificate);
        break;
    }
    return next;
}

common::Result<int> TrustFix::applyTo(KeyRing &ring, int index, Action action, const QList<QSslCertificate> &caFile)
{
    if (index < 0 || index >= ring.count() || !ring.at(index).tlsFailure)
        return common::Result<int>::failure(
            QStringLiteral("no_tls_failure"), QStringLiteral("the source's last fetch did not fail in TLS"));
    const KeySource &source = ring.at(index);
    const QString origin = TrustStore::originOf(source.url());
    const auto next = apply(ring.trust()->settings(origin), *source.tlsFailure, action, caFile);
    if (!next.ok())
        return next.error();
    ring.trust()->set(origin, next.value());
    // Every source of the origin that failed is fetched again under the new settings.
    QStringList again;
    for (const KeySource &other : ring.sources()) {
        if (other.isRemote() && !other.fetching && !other.awaitingPermission && other.error
            && TrustStore::originOf(other.url()) == origin)
            again.append(other.id);
    }
    for (const QString &id : std::as_const(again))
        ring.reload(ring.indexOf(id));
    return static_cast<int>(again.size());
}

} // namespace jwb::workspace
