#include "CliIo.h"

#include "common/BoundedFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace jwb::cli {

void CliIo::out(const QString &text) const
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void CliIo::err(const QString &text) const
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

void CliIo::printJson(const QJsonObject &doc) const
{
    const QByteArray bytes = QJsonDocument(doc).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

namespace {

/// The command-line way out of an error whose core message says it in words every page can use.
QString hintFor(const QString &errorCode)
{
    if (errorCode == u"unknown_key_format")
        return QStringLiteral("for a shared secret use --secret or --secret-file");
    if (errorCode == u"redirect_insecure")
        return QStringLiteral("--insecure allows it");
    return {};
}

} // namespace

int CliIo::fail(int code, const common::Error &error, const QJsonObject &extra) const
{
    err(QStringLiteral("error: %1").arg(error.message));
    if (const QString hint = hintFor(error.code); !hint.isEmpty())
        err(QStringLiteral("hint: %1").arg(hint));
    if (m_json) {
        QJsonObject e {{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}};
        for (auto it = error.details.begin(); it != error.details.end(); ++it)
            e.insert(it.key(), QJsonValue::fromVariant(it.value()));
        QJsonObject doc = extra;
        doc.insert(QStringLiteral("error"), e);
        printJson(doc);
    }
    return code;
}

int CliIo::fail(int code, const QString &errorCode, const QString &message) const
{
    return fail(code, common::Error {errorCode, message, {}});
}

common::Result<QByteArray> CliIo::readInput(const QString &path, qint64 maxBytes)
{
    if (path != u"-")
        return common::BoundedFile::read(path, maxBytes);
    QFile f;
    if (!f.open(stdin, QIODevice::ReadOnly))
        return common::Result<QByteArray>::failure(
            QStringLiteral("unreadable_input"), QStringLiteral("cannot read standard input"));
    QByteArray data = f.read(maxBytes + 1);
    if (data.size() > maxBytes)
        return common::Result<QByteArray>::failure(QStringLiteral("input_too_large"),
            QStringLiteral("standard input is larger than %1").arg(common::BoundedFile::sizeText(maxBytes)));
    return data;
}

common::Result<QString> CliIo::readToken(const QCommandLineParser &parser, const QStringList &positional) const
{
    const bool hasFile = parser.isSet(QStringLiteral("token-file"));
    if (hasFile && !positional.isEmpty())
        return common::Result<QString>::failure(QStringLiteral("usage"),
            QStringLiteral("give the token either as an argument or with --token-file, not both"));
    if (positional.size() > 1)
        return common::Result<QString>::failure(
            QStringLiteral("usage"), QStringLiteral("expected one token, got %1 arguments").arg(positional.size()));
    QString source = hasFile ? parser.value(QStringLiteral("token-file")) : positional.value(0, QStringLiteral("-"));
    if (!hasFile && source != u"-")
        return source;
    auto data = readInput(source, 1024 * 1024);
    if (!data)
        return data.error();
    return QString::fromUtf8(data.value());
}

int parseCommand(
    QCommandLineParser &parser, const QStringList &args, const QString &usage, const QString &description, bool &json)
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption helpOption(
        {QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON document on stdout."));
    parser.addOption(helpOption);
    parser.addOption(jsonOption);
    const bool parsed = parser.parse(args);
    json = parser.isSet(jsonOption);
    CliIo io(json);
    if (!parsed)
        return io.fail(Usage, QStringLiteral("usage"), parser.errorText() + QStringLiteral("\nusage: ") + usage);
    if (parser.isSet(helpOption)) {
        QString help = parser.helpText();
        // QCommandLineParser prints the program name; show the real command line instead.
        const qsizetype nl = help.indexOf(u'\n');
        io.out(QStringLiteral("Usage: ") + usage + help.mid(nl));
        return Ok;
    }
    return -1;
}

QStringList checkLines(const QList<common::Check> &checks)
{
    QStringList lines;
    for (const auto &c : checks)
        lines << QStringLiteral("  %1 %2  %3")
                     .arg(c.ok()           ? QStringLiteral("ok  ")
                             : c.skipped() ? QStringLiteral("skip")
                                           : QStringLiteral("FAIL"))
                     .arg(c.nameText(), -11)
                     .arg(c.detail);
    return lines;
}

} // namespace jwb::cli
