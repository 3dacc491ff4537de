#pragma once

#include "common/Result.h"
#include "keys/JwkSet.h"

#include <QCommandLineParser>

namespace jwb::cli {

/// --key FILE|-, --secret TEXT, --secret-file FILE, --secret-encoding ENC (docs/cli.md "Keys").
void addKeyOptions(QCommandLineParser &parser);
[[nodiscard]] bool hasKeySource(const QCommandLineParser &parser);
/// Loads the one key source given; errors when none or several are.
[[nodiscard]] common::Result<keys::JwkSet> loadKeySource(const QCommandLineParser &parser);

} // namespace jwb::cli
