#include "workspace/KeySource.h"

#include "keys/KeyLoader.h"

namespace jwb::workspace {

namespace {

struct KindName
{
    KeySource::Kind kind;
    const char *name;
};

constexpr KindName kKindNames[] = {
    {KeySource::Kind::Pasted, "pasted"},
    {KeySource::Kind::Secret, "secret"},
    {KeySource::Kind::File, "file"},
    {KeySource::Kind::Url, "jwk_url"},
    {KeySource::Kind::Issuer, "issuer"},
    {KeySource::Kind::Generated, "generated"},
};

/// Key material with a private part: PEM armour that says so, or a JWK, JWK Set or DER key with a private member
/// ("d" for RSA/EC/OKP, "k" for oct).
bool holdsPrivateKey(const QByteArray &data)
{
    if (data.isEmpty())
        return false;
    if (data.contains("PRIVATE KEY-----"))
        return true;
    const auto loaded = keys::KeyLoader::load(data);
    if (!loaded.ok())
        return false;
    for (const auto &jwk : loaded.value().keys) {
        if (jwk.key.isPrivate())
            return true;
    }
    return false;
}

} // namespace

QString KeySource::defaultName(Kind kind, const QString &location)
{
    const QUrl url = QUrl::fromUserInput(location.trimmed());
    if (location.trimmed().isEmpty() || !url.isValid() || url.host().isEmpty()
        || (kind != Kind::Url && kind != Kind::Issuer))
        return location.trimmed();
    QString where = url.host();
    const int defaultPort = url.scheme().compare(u"http", Qt::CaseInsensitive) == 0 ? 80 : 443;
    if (url.port(defaultPort) != defaultPort)
        where += QStringLiteral(":%1").arg(url.port());
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    where += path;
    return (kind == Kind::Issuer ? QStringLiteral("OIDC %1") : QStringLiteral("JWKS %1")).arg(where);
}

QUrl KeySource::url() const
{
    if (!isRemote())
        return {};
    return QUrl::fromUserInput(location.trimmed());
}

bool KeySource::holdsSecret() const
{
    switch (kind) {
    case Kind::Secret:
    case Kind::Generated:
        return true;
    case Kind::Pasted:
        return holdsPrivateKey(text.toUtf8()) || holdsPrivateKey(binary);
    case Kind::File:
    case Kind::Url:
    case Kind::Issuer:
        return false;
    }
    return false;
}

common::Error KeySource::secretNotStoredError()
{
    return common::Error::of(common::ErrorCode::SecretNotStored,
        QStringLiteral("the secret was not restored: workspace files never hold it, and the system keychain did not "
                       "provide it. Paste it again."));
}

QString KeySource::kindName(Kind kind)
{
    for (const auto &entry : kKindNames) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<KeySource::Kind> KeySource::kindFromName(const QString &name)
{
    for (const auto &entry : kKindNames) {
        if (name == QLatin1String(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

} // namespace jwb::workspace
