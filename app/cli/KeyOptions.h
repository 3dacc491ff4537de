#pragma once

#include "common/Result.h"
#include "keys/JwkSet.h"

#include <QCommandLineParser>

namespace jwb::cli {

/// --key FILE|-, --secret TEXT, --secret-file FILE, --secret-encoding ENC (docs/cli.md "Keys").
void addKeyOptions(QCommandLineParser &parser);
[[nodiscard]] bool hasKeySource(const QCommandLineParser &parser);
/// Keys from a file path, or from standard input for "-" (4 MiB at most).
[[nodiscard]] common::Result<keys::JwkSet> loadKeyFile(const QString &path);
/// Loads the one key source given; errors when none or several are.
[[nodiscard]] common::Result<keys::JwkSet> loadKeySource(const QCommandLineParser &parser);

} // namespace jwb::cli
