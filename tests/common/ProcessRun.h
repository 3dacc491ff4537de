#pragma once

// Bounded runs of external programs for the tests (the CLI, openssl, node): exit code, output, stdout parsed as
// JSON when it is an object. Every wait is bounded, so a hung program fails its test instead of the run.

#include "TestData.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace jwb::test {

/// What one run of a program produced.
struct Run
{
    int exitCode = -1; ///< -1: did not start or timed out; -2: crashed
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
    QJsonObject json; ///< stdout parsed, when it is a JSON object
    bool jsonOk = false;

    [[nodiscard]] QString errorCode() const
    {
        return json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
    }
    [[nodiscard]] QString errorMessage() const
    {
        return json.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
    }
    [[nodiscard]] QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + " after " + QByteArray::number(elapsedMs)
            + " ms\nstdout: " + out.left(4000) + "\nstderr: " + err.left(2000);
    }
};

/// Runs `program` to completion, feeding `input` on stdin; kills it after `timeoutMs`.
inline Run runProgram(const QString &program, const QStringList &args, const QByteArray &input = {},
    int timeoutMs = 30000, const QString &workDir = {})
{
    Run r;
    QElapsedTimer timer;
    timer.start();
    QProcess p;
    p.setProgram(program);
    p.setArguments(args);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start();
    if (!p.waitForStarted(10000)) {
        r.err = "could not start " + program.toUtf8() + ": " + p.errorString().toUtf8();
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.out = p.readAllStandardOutput();
        r.err = "timed out after " + QByteArray::number(timeoutMs) + " ms; stderr: " + p.readAllStandardError();
        r.elapsedMs = timer.elapsed();
        return r;
    }
    r.elapsedMs = timer.elapsed();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    r.jsonOk = error.error == QJsonParseError::NoError && doc.isObject();
    r.json = doc.object();
    return r;
}

inline Run runCli(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 120000)
{
    return runProgram(jwb::test::cliPath(), args, input, timeoutMs);
}

} // namespace jwb::test
