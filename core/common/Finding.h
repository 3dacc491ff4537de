#pragma once

#include <QList>
#include <QString>

namespace jwb::common {

enum class Severity { Info, Warning, Error };

/// One observation about a token, key or config: a stable code (snake_case), what it is about (a claim,
/// header or option name) and a sentence for humans. Checks collect findings rather than stopping at the
/// first problem (architecture.md, convention 2).
struct Finding
{
    Severity severity = Severity::Info;
    QString code;
    QString subject;
    QString message;

    friend bool operator==(const Finding &, const Finding &) = default;
};

using Findings = QList<Finding>;

[[nodiscard]] inline QString severityName(Severity s)
{
    switch (s) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

} // namespace jwb::common
