#include "common/FileKind.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace jwb::common::FileKinds {

namespace {

bool isBinary(const QByteArray &content)
{
    // DER starts with a SEQUENCE and text files have no NUL or most control bytes.
    const qsizetype n = std::min<qsizetype>(content.size(), 512);
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(content.at(i));
        if (c == 0 || (c < 0x09) || (c > 0x0d && c < 0x20 && c != 0x1b))
            return true;
    }
    return false;
}

} // namespace

FileKind classify(const QByteArray &content, const QString &fileName)
{
    // A UTF-8 byte order mark (some Windows editors write one) says nothing about the kind: a krakend.json with one
    // is still a KrakenD config (which KrakenD refuses to start with; the Gateway view says so).
    const QByteArray trimmed = (content.startsWith("\xEF\xBB\xBF") ? content.mid(3) : content).trimmed();
    if (trimmed.isEmpty())
        return fileName.endsWith(QLatin1String(".jwb.json"), Qt::CaseInsensitive) ? FileKind::Workspace
                                                                                  : FileKind::Unknown;
    if (isBinary(trimmed))
        return static_cast<unsigned char>(trimmed.at(0)) == 0x30 ? FileKind::Key : FileKind::Unknown;
    if (!trimmed.startsWith('{') && trimmed.contains("-----BEGIN "))
        return FileKind::Key;
    if (trimmed.startsWith('{')) {
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
        if (error.error == QJsonParseError::NoError && doc.isObject()) {
            const QJsonObject object = doc.object();
            if (object.contains(QLatin1String(kWorkspaceMarker)))
                return FileKind::Workspace;
            if (object.value(QLatin1String("keys")).isArray())
                return FileKind::KeySet;
            if (object.value(QLatin1String("kty")).isString())
                return FileKind::Key;
            const QString schema = object.value(QLatin1String("$schema")).toString();
            if (object.contains(QLatin1String("endpoints")) || schema.contains(QLatin1String("krakend.io/schema"))
                || (object.value(QLatin1String("version")).isDouble()
                    && (object.contains(QLatin1String("extra_config")) || object.contains(QLatin1String("host"))
                        || object.contains(QLatin1String("port")))))
                return FileKind::KrakendConfig;
            // {"payload":..., "signatures": [...]} and friends: the JWS JSON serialization.
            return FileKind::Token;
        }
        // A krakend.json with flexible-config templates is not JSON: recognise it by its members.
        if (trimmed.contains("\"endpoints\"") && trimmed.contains("\"version\""))
            return FileKind::KrakendConfig;
        // The head of a big JWK Set (openers classify the first megabyte): {"keys": [ ...
        static const QRegularExpression keySet(QStringLiteral("^\\{\\s*\"keys\"\\s*:\\s*\\["));
        if (keySet.match(QString::fromLatin1(trimmed.left(64))).hasMatch())
            return FileKind::KeySet;
        if (fileName.endsWith(QLatin1String(".jwb.json"), Qt::CaseInsensitive))
            return FileKind::Workspace;
    }
    return FileKind::Token;
}

bool looksLikeJson(const QByteArray &content)
{
    qsizetype i = content.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < content.size() && (content[i] == ' ' || content[i] == '\t' || content[i] == '\n' || content[i] == '\r'))
        ++i;
    return i < content.size() && (content[i] == '{' || content[i] == '[');
}

QString name(FileKind kind)
{
    switch (kind) {
    case FileKind::Token:
        return QStringLiteral("token");
    case FileKind::Key:
        return QStringLiteral("key");
    case FileKind::KeySet:
        return QStringLiteral("key set");
    case FileKind::KrakendConfig:
        return QStringLiteral("KrakenD config");
    case FileKind::Workspace:
        return QStringLiteral("workspace");
    case FileKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace jwb::common::FileKinds
