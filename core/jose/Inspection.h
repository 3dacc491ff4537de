#pragma once

#include "common/Finding.h"
#include "jose/Claims.h"
#include "jose/SdJwt.h"
#include "jose/Token.h"

#include <QJsonObject>

namespace jwb::jose {

/// Everything that can be said about a token without a key: the decoded token, its time claims in human
/// form and the lints. This is what `decode` prints and what the inspector shows before any verification.
struct Inspection
{
    Token token;
    qint64 now = 0;
    QList<TimeClaim> times;
    common::Findings findings;
    SdJwt sdJwt; ///< the Disclosures and the Processed Payload when token.isSdJwt()

    [[nodiscard]] static Inspection inspect(const QString &input, qint64 nowUnix);

    /// The `decode --json` document (docs/cli.md): header, payload, signature, segments, times, findings,
    /// plus kind, source, for an SD-JWT `sd_jwt` (SdJwt::toJson) and, for an incomplete token, error {code, message,
    /// segment, offset}.
    [[nodiscard]] QJsonObject toJson() const;
};

[[nodiscard]] QJsonArray findingsToJson(const common::Findings &findings);

} // namespace jwb::jose
