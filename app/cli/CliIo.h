#pragma once

#include "common/Check.h"
#include "common/Error.h"
#include "common/Result.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace jwb::cli {

/// Exit codes of docs/cli.md.
enum Exit : int { Ok = 0, Negative = 1, Usage = 2, Network = 3 };

/// Shared plumbing of every command: output streams, `--json` errors, token and file input.
class CliIo
{
public:
    explicit CliIo(bool json) : m_json(json) { }

    [[nodiscard]] bool json() const { return m_json; }
    void out(const QString &text) const; ///< stdout, a newline is added
    void err(const QString &text) const; ///< stderr, a newline is added
    void printJson(const QJsonObject &doc) const;

    /// Reports an error (stderr text; with --json also the error document on stdout) and returns `code`.
    int fail(int code, const common::Error &error, const QJsonObject &extra = {}) const;
    int fail(int code, const QString &errorCode, const QString &message) const;

    /// Token input: positional argument, "-" for stdin, or --token-file FILE.
    [[nodiscard]] common::Result<QString> readToken(
        const QCommandLineParser &parser, const QStringList &positional) const;
    /// A file's contents (common::BoundedFile: a regular file only, at most `maxBytes`), or stdin for "-" (read up
    /// to `maxBytes`, with a clear error beyond that).
    [[nodiscard]] static common::Result<QByteArray> readInput(const QString &path, qint64 maxBytes = 16 * 1024 * 1024);

private:
    bool m_json = false;
};

/// Parses `args` for a command: adds --help/--json, reports usage errors. Returns -1 to continue, or an exit code.
int parseCommand(
    QCommandLineParser &parser, const QStringList &args, const QString &usage, const QString &description, bool &json);

/// One line per check of a verdict, as `verify` prints them: "  ok   signature    RS256 with key k1" (ok, skip or
/// FAIL).
[[nodiscard]] QStringList checkLines(const QList<common::Check> &checks);

} // namespace jwb::cli
