#pragma once

#include <QString>

namespace jwb::ui {

/// "1 key", "3 keys": a count with the right word form.
[[nodiscard]] inline QString plural(qsizetype n, const QString &singular, const QString &pluralForm)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? singular : pluralForm);
}

} // namespace jwb::ui
