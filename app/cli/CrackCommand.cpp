// jwt-workbench-cli crack: an HS256/384/512 token's secret searched in a wordlist (issue #21, item 5).
#include "CliIo.h"
#include "Commands.h"

#include "common/BoundedFile.h"
#include "jose/SecretSearch.h"
#include "jose/TokenParser.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include <memory>

namespace jwb::cli {

namespace {

/// The secret as JSON: text when it is UTF-8, else its bytes in hex (a wordlist can hold any bytes).
void putSecret(QJsonObject &out, const QByteArray &secret)
{
    const QString text = QString::fromUtf8(secret);
    if (text.toUtf8() == secret)
        out.insert(QStringLiteral("secret"), text);
    else
        out.insert(QStringLiteral("secret_hex"), QString::fromLatin1(secret.toHex()));
}

} // namespace

int runCrack(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("token"), QStringLiteral("The HS256/384/512 token, or - for stdin."));
    parser.addOption(
        {QStringLiteral("token-file"), QStringLiteral("Read the token from FILE."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("wordlist"),
        QStringLiteral("Try every line of FILE (- for stdin) as the HMAC secret; a CR before the newline is not part "
                       "of it, empty lines are skipped."),
        QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("jobs"), QStringLiteral("Search on N threads (default 1; at most 64)."),
        QStringLiteral("N"), QStringLiteral("1")});
    bool json = false;
    if (const int rc = parseCommand(parser, args,
            QStringLiteral("jwt-workbench-cli crack TOKEN|- --wordlist FILE [--jobs N] [--json]"),
            QStringLiteral("Search a wordlist for an HS256/384/512 token's secret. Exit 0 and the line when found, "
                           "1 when no line is the secret. The secret is printed on stdout only, never written "
                           "anywhere else."),
            json);
        rc >= 0)
        return rc;
    CliIo io(json);
    if (!parser.isSet(QStringLiteral("wordlist")))
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("--wordlist FILE is required"));
    bool jobsOk = false;
    const int jobs = parser.value(QStringLiteral("jobs")).toInt(&jobsOk);
    if (!jobsOk || jobs < 1 || jobs > 64)
        return io.fail(Usage, QStringLiteral("usage"), QStringLiteral("--jobs takes a number from 1 to 64"));
    const QString listPath = parser.value(QStringLiteral("wordlist"));
    auto input = io.readToken(parser, parser.positionalArguments());
    if (!input)
        return io.fail(Usage, input.error());
    if (listPath == u"-"
        && (parser.positionalArguments().value(0, QStringLiteral("-")) == u"-"
            && !parser.isSet(QStringLiteral("token-file"))))
        return io.fail(Usage, QStringLiteral("usage"),
            QStringLiteral("the token and the wordlist cannot both come from standard input"));
    const jose::Token token = jose::TokenParser::parse(input.value());
    if (!token.isComplete())
        return io.fail(Usage, jose::TokenParser::issueToError(token));
    auto search = jose::SecretSearch::create(token);
    if (!search)
        return io.fail(Usage, search.error());

    std::unique_ptr<QFile> list;
    if (listPath == u"-") {
        list = std::make_unique<QFile>();
        if (!list->open(stdin, QIODevice::ReadOnly))
            return io.fail(Usage, QStringLiteral("unreadable_input"), QStringLiteral("cannot read standard input"));
    } else {
        auto opened = common::BoundedFile::open(listPath);
        if (!opened)
            return io.fail(Usage, opened.error());
        list = std::move(opened.value());
    }
    jose::SecretSearch::Options options;
    options.jobs = jobs;
    const auto ran = search->run(*list, options);
    if (!ran)
        return io.fail(Usage, ran.error());
    const jose::SecretSearch::Outcome &o = ran.value();
    const qint64 rate = o.seconds > 0 ? static_cast<qint64>(static_cast<double>(o.tried) / o.seconds) : 0;
    if (json) {
        QJsonObject out {{QStringLiteral("found"), o.found}, {QStringLiteral("alg"), token.alg()},
            {QStringLiteral("tried"), o.tried}, {QStringLiteral("bytes"), o.bytes},
            {QStringLiteral("seconds"), o.seconds}, {QStringLiteral("candidates_per_second"), rate},
            {QStringLiteral("jobs"), jobs}};
        if (o.found) {
            out.insert(QStringLiteral("line"), o.line);
            putSecret(out, o.secret);
        }
        io.printJson(out);
    } else if (o.found) {
        io.out(QStringLiteral("secret found on line %1 of %2: %3")
                   .arg(o.line)
                   .arg(listPath == u"-" ? QStringLiteral("standard input") : listPath)
                   .arg(QString::fromUtf8(o.secret)));
        io.out(QStringLiteral("Anyone with this wordlist can sign %1 tokens that verify with this secret: replace it "
                              "with 32 or more random bytes (RFC 7518 3.2) and revoke what it signed.")
                   .arg(token.alg()));
    } else {
        io.out(QStringLiteral("no line of %1 is the secret (%2 candidates in %3 s, %4 per second)")
                   .arg(listPath == u"-" ? QStringLiteral("standard input") : listPath)
                   .arg(o.tried)
                   .arg(o.seconds, 0, 'f', 3)
                   .arg(rate));
    }
    return o.found ? Ok : Negative;
}

} // namespace jwb::cli
