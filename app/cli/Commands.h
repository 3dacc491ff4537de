#pragma once

#include <QStringList>

namespace jwb::cli {

/// Each command takes its own argument list (args[0] is "jwt-workbench-cli <command>") and returns the exit code.
int runDecode(const QStringList &args);

} // namespace jwb::cli
