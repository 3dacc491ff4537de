#pragma once

#include "common/ErrorCode.h"

#include <QString>
#include <QVariantMap>

#include <utility>

namespace jwb::common {

/// A failure reported by a core call: a stable machine code (snake_case, never translated, used by the CLI's
/// `--json` output and by tests), a human message, and optional structured details such as the segment and
/// character offset of a malformed token.
struct Error
{
    QString code;
    QString message;
    QVariantMap details;

    [[nodiscard]] QString toString() const { return code + QStringLiteral(": ") + message; }
    /// Whether this is the error `expected` (its code is exactly errorCodeText(expected)).
    [[nodiscard]] bool is(ErrorCode expected) const { return code == errorCodeText(expected); }
    /// An error with a typed code.
    [[nodiscard]] static Error of(ErrorCode code, QString message, QVariantMap details = {})
    {
        return Error {errorCodeText(code), std::move(message), std::move(details)};
    }
};

} // namespace jwb::common
