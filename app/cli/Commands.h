#pragma once

#include <QStringList>

namespace jwb::cli {

/// Each command takes its own argument list (args[0] is "jwt-workbench-cli <command>") and returns the exit code.
int runDecode(const QStringList &args);
int runVerify(const QStringList &args);
int runSign(const QStringList &args);
int runDecrypt(const QStringList &args);
int runEncrypt(const QStringList &args);
int runKeygen(const QStringList &args);
int runKey(const QStringList &args);
int runKeyInfo(const QStringList &args);
int runJwks(const QStringList &args);
int runSimulate(const QStringList &args);
int runConfig(const QStringList &args);
int runMatrix(const QStringList &args);
int runCrack(const QStringList &args);
int runToken(const QStringList &args);

} // namespace jwb::cli
