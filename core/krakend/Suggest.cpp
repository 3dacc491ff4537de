#include "krakend/Suggest.h"

#include "crypto/Algorithm.h"

#include <QJsonArray>

#include <algorithm>

namespace jwb::krakend {

namespace {

const QStringList &registered()
{
    static const QStringList names = {QStringLiteral("iss"), QStringLiteral("sub"), QStringLiteral("aud"),
        QStringLiteral("exp"), QStringLiteral("nbf"), QStringLiteral("iat"), QStringLiteral("jti"),
        QStringLiteral("azp"), QStringLiteral("nonce"), QStringLiteral("sid"), QStringLiteral("client_id"),
        QStringLiteral("email"), QStringLiteral("name"), QStringLiteral("preferred_username"), QStringLiteral("typ")};
    return names;
}

void walk(const QJsonObject &o, const QString &prefix, int depth, QList<ClaimCandidate> &out)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        const QJsonValue v = it.value();
        if (prefix.isEmpty() && registered().contains(it.key()))
            continue;
        ClaimCandidate c;
        c.path = path;
        c.nested = !prefix.isEmpty();
        if (v.isArray()) {
            const QJsonArray arr = v.toArray();
            if (arr.isEmpty() || !std::all_of(arr.begin(), arr.end(), [](const QJsonValue &e) { return e.isString(); }))
                continue;
            c.shape = QStringLiteral("array of %1 string%2")
                          .arg(arr.size())
                          .arg(arr.size() == 1 ? QString() : QStringLiteral("s"));
            for (int i = 0; i < std::min<qsizetype>(arr.size(), 3); ++i)
                c.sample.append(arr[i].toString());
            out.append(c);
        } else if (v.isString()) {
            const QStringList parts = v.toString().split(u' ', Qt::SkipEmptyParts);
            if (parts.isEmpty() || v.toString().size() > 512)
                continue;
            c.shape = QStringLiteral("space-separated string (%1 item%2)")
                          .arg(parts.size())
                          .arg(parts.size() == 1 ? QString() : QStringLiteral("s"));
            c.sample = parts.mid(0, 3);
            out.append(c);
        } else if (v.isObject() && depth < 4) {
            walk(v.toObject(), path, depth + 1, out);
        }
    }
}

int rank(const ClaimCandidate &c, const QStringList &hints)
{
    const QString last = c.path.section(u'.', -1).section(u'/', -1).toLower();
    for (int i = 0; i < hints.size(); ++i)
        if (last.contains(hints[i]))
            return i;
    return static_cast<int>(hints.size()) + (c.shape.startsWith(u"array") ? 0 : 1);
}

QList<ClaimCandidate> ranked(QList<ClaimCandidate> all, const QStringList &hints, bool preferArrays)
{
    std::stable_sort(all.begin(), all.end(), [&](const ClaimCandidate &a, const ClaimCandidate &b) {
        const int ra = rank(a, hints), rb = rank(b, hints);
        if (ra != rb)
            return ra < rb;
        if (preferArrays)
            return a.shape.startsWith(u"array") && !b.shape.startsWith(u"array");
        return false;
    });
    return all;
}

QJsonArray candidatesJson(const QList<ClaimCandidate> &list)
{
    QJsonArray arr;
    for (const auto &c : list)
        arr.append(QJsonObject {{QStringLiteral("path"), c.path}, {QStringLiteral("nested"), c.nested},
            {QStringLiteral("shape"), c.shape}, {QStringLiteral("sample"), QJsonArray::fromStringList(c.sample)}});
    return arr;
}

} // namespace

Suggestion Suggestion::fromToken(const jose::Token &token, const QJsonObject &discovery)
{
    Suggestion s;
    if (token.headerOk && crypto::Algorithms::fromKrakendName(token.alg()))
        s.alg = token.alg();
    if (token.payloadIsJson) {
        const QJsonObject &p = token.payload;
        s.issuer = p.value(QLatin1String("iss")).toString();
        const QJsonValue aud = p.value(QLatin1String("aud"));
        if (aud.isString())
            s.audience = {aud.toString()};
        else
            for (const auto &a : aud.toArray())
                if (a.isString())
                    s.audience.append(a.toString());
        QList<ClaimCandidate> all;
        walk(p, QString(), 0, all);
        QList<ClaimCandidate> arrays;
        for (const auto &c : all)
            if (c.shape.startsWith(u"array") || rank(c, {QStringLiteral("role"), QStringLiteral("group")}) < 2)
                arrays.append(c);
        s.rolesKey
            = ranked(arrays, {QStringLiteral("role"), QStringLiteral("group"), QStringLiteral("permission")}, true);
        // Dotted top-level names (https://ns.com/scope) cannot be scopes_key in KrakenD v2: drop them.
        QList<ClaimCandidate> scopes;
        for (const auto &c : all)
            if (c.nested || !c.path.contains(u'.'))
                scopes.append(c);
        s.scopesKey
            = ranked(scopes, {QStringLiteral("scope"), QStringLiteral("scp"), QStringLiteral("permission")}, false);
    }
    if (!discovery.isEmpty()) {
        s.jwkUrl = discovery.value(QLatin1String("jwks_uri")).toString();
        if (s.issuer.isEmpty())
            s.issuer = discovery.value(QLatin1String("issuer")).toString();
    }
    return s;
}

QJsonObject Suggestion::toJson() const
{
    QJsonObject o;
    if (!alg.isEmpty())
        o.insert(QStringLiteral("alg"), alg);
    if (!issuer.isEmpty())
        o.insert(QStringLiteral("issuer"), issuer);
    if (!audience.isEmpty())
        o.insert(QStringLiteral("audience"), QJsonArray::fromStringList(audience));
    if (!jwkUrl.isEmpty())
        o.insert(QStringLiteral("jwk_url"), jwkUrl);
    o.insert(QStringLiteral("roles_key_candidates"), candidatesJson(rolesKey));
    o.insert(QStringLiteral("scopes_key_candidates"), candidatesJson(scopesKey));
    return o;
}

} // namespace jwb::krakend
