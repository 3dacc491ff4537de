#pragma once

#include <QString>
#include <QVariantMap>

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
};

} // namespace jwb::common
