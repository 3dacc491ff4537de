#include "KeyOptions.h"

#include "CliIo.h"
#include "keys/KeyLoader.h"

namespace jwb::cli {

using common::Result;

void addKeyOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("key"), QStringLiteral("Key file (PEM, DER, JWK or JWK Set; - for stdin)."),
        QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("secret"), QStringLiteral("Shared secret for HS* (see --secret-encoding)."),
        QStringLiteral("TEXT")});
    parser.addOption(
        {QStringLiteral("secret-file"), QStringLiteral("Read the shared secret from FILE."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("secret-encoding"), QStringLiteral("utf8 (default), base64, base64url or hex."),
        QStringLiteral("ENC"), QStringLiteral("utf8")});
}

bool hasKeySource(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("key")) || parser.isSet(QStringLiteral("secret"))
        || parser.isSet(QStringLiteral("secret-file"));
}

Result<keys::JwkSet> loadKeyFile(const QString &path)
{
    if (path != u"-")
        return keys::KeyLoader::loadFile(path);
    auto data = CliIo::readInput(path, 4 * 1024 * 1024);
    if (!data)
        return data.error();
    return keys::KeyLoader::load(data.value());
}

Result<keys::JwkSet> loadKeySource(const QCommandLineParser &parser)
{
    const int count = int(parser.isSet(QStringLiteral("key"))) + int(parser.isSet(QStringLiteral("secret")))
        + int(parser.isSet(QStringLiteral("secret-file")));
    if (count == 0)
        return Result<keys::JwkSet>::failure(
            QStringLiteral("usage"), QStringLiteral("no key: give --key FILE, --secret TEXT or --secret-file FILE"));
    if (count > 1)
        return Result<keys::JwkSet>::failure(
            QStringLiteral("usage"), QStringLiteral("give only one of --key, --secret, --secret-file"));
    auto encoding = keys::KeyLoader::encodingFromName(parser.value(QStringLiteral("secret-encoding")));
    if (!encoding)
        return encoding.error();
    if (parser.isSet(QStringLiteral("secret")))
        return keys::KeyLoader::fromSecret(parser.value(QStringLiteral("secret")).toUtf8(), encoding.value());
    if (parser.isSet(QStringLiteral("secret-file"))) {
        auto data = CliIo::readInput(parser.value(QStringLiteral("secret-file")), 1024 * 1024);
        if (!data)
            return data.error();
        QByteArray secret = data.value();
        // A trailing newline from `echo secret > file` is almost never part of the secret.
        while (secret.endsWith('\n') || secret.endsWith('\r'))
            secret.chop(1);
        return keys::KeyLoader::fromSecret(secret, encoding.value());
    }
    return loadKeyFile(parser.value(QStringLiteral("key")));
}

} // namespace jwb::cli
