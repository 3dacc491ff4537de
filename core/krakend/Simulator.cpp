#include "krakend/Simulator.h"

#include "krakend/ConfigDocument.h"
#include "krakend/HeaderFormatter.h"
#include "krakend/SimulationPipeline.h"
#include "krakend/go/GoJson.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

namespace jwb::krakend {

QString statusText(int status)
{
    switch (status) {
    case 200:
        return QStringLiteral("200 OK");
    case 400:
        return QStringLiteral("400 Bad Request");
    case 401:
        return QStringLiteral("401 Unauthorized");
    case 403:
        return QStringLiteral("403 Forbidden");
    case 500:
        return QStringLiteral("500 Internal Server Error");
    case kNotStarted:
        return QStringLiteral("KrakenD would not start");
    default:
        return QString::number(status);
    }
}

using common::CheckName;
using common::Finding;
using common::Result;
using common::Severity;

namespace {

QJsonObject findingJson(const Finding &f)
{
    return QJsonObject {{QStringLiteral("severity"), common::severityName(f.severity)},
        {QStringLiteral("code"), f.code}, {QStringLiteral("subject"), f.subject},
        {QStringLiteral("message"), f.message}};
}

QJsonArray fetchesJson(const QList<JwkFetch> &fetches)
{
    QJsonArray out;
    for (const auto &f : fetches)
        out.append(QJsonObject {
            {QStringLiteral("when"),
                f.reason == JwkFetchReason::WarmUp ? QStringLiteral("start-up") : QStringLiteral("request")},
            {QStringLiteral("reason"), JwkCacheTimeline::reasonName(f.reason)}, {QStringLiteral("kid"), f.kid}});
    return out;
}

} // namespace

// ----------------------------------------------------------------------------------------------- SimulationSetup

std::optional<QJsonObject> SimulationSetup::validatorBlock(const QJsonObject &endpoint)
{
    const QJsonObject extra = endpoint.value(QLatin1String("extra_config")).toObject();
    for (const QString &ns : {ValidatorConfig::ns(), ValidatorConfig::legacyNs()})
        if (extra.contains(ns))
            return extra.value(ns).toObject();
    return std::nullopt;
}

SimulationSetup SimulationSetup::fromEndpoint(
    const QJsonObject &root, const QJsonObject &endpoint, const QString &baseDir)
{
    SimulationSetup s;
    s.baseDir = baseDir;
    s.endpoint = endpoint.value(QLatin1String("endpoint")).toString();
    const QString method = endpoint.value(QLatin1String("method")).toString();
    s.method = method.isEmpty() ? QStringLiteral("GET") : method.toUpper();
    const QJsonObject extra = endpoint.value(QLatin1String("extra_config")).toObject();
    const bool hasNew = extra.contains(ValidatorConfig::ns());
    const bool hasLegacy = extra.contains(ValidatorConfig::legacyNs());
    if (hasNew || hasLegacy) {
        s.hasValidator = true;
        // lura's Normalize copies the alias over the legacy key: "auth/validator" wins.
        const QJsonValue block = extra.value(hasNew ? ValidatorConfig::ns() : ValidatorConfig::legacyNs());
        if (!block.isObject() && !block.isNull())
            s.blockError = QStringLiteral("json: cannot unmarshal %1 into Go value of type jose.SignatureConfig")
                               .arg(GoJson::kindOf(block));
        s.validator = ValidatorConfig::fromJson(block.toObject());
        if (hasLegacy && !hasNew)
            s.findings.append(Finding {Severity::Info, QStringLiteral("legacy_namespace"), ValidatorConfig::legacyNs(),
                QStringLiteral("the legacy namespace works at run time but fails the v2.13 "
                               "schema lint: use \"auth/validator\"")});
        if (hasLegacy && hasNew)
            s.findings.append(
                Finding {Severity::Warning, QStringLiteral("both_namespaces"), ValidatorConfig::legacyNs(),
                    QStringLiteral("both \"auth/validator\" and the legacy key are present: KrakenD "
                                   "uses \"auth/validator\" and drops the other")});
    }

    if (endpoint.contains(QLatin1String("endpoint"))) {
        QStringList inputHeaders;
        const QJsonArray list = endpoint.value(QLatin1String("input_headers")).toArray();
        for (const auto &h : list)
            if (h.isString())
                inputHeaders << (h.toString() == u"*" ? h.toString()
                                                      : HeaderFormatter::canonicalHeaderName(h.toString()));
        s.inputHeaders = inputHeaders;
    }

    const QJsonArray backends = endpoint.value(QLatin1String("backend")).toArray();
    for (const auto &b : backends)
        if (const QString pattern = b.toObject().value(QLatin1String("url_pattern")).toString(); !pattern.isEmpty())
            s.urlPatterns.append(pattern);

    for (const char *celNs : {"validation/cel", "github.com/devopsfaith/krakend-cel"}) {
        const QJsonArray rules = extra.value(QLatin1String(celNs)).toArray();
        for (const auto &rule : rules)
            if (rule.toObject().value(QLatin1String("check_expr")).toString().contains(QLatin1String("JWT")))
                s.hasCelJwtRules = true;
    }

    const QJsonObject serviceExtra = root.value(QLatin1String("extra_config")).toObject();
    const QJsonValue serviceValidator = serviceExtra.contains(ValidatorConfig::ns())
        ? serviceExtra.value(ValidatorConfig::ns())
        : serviceExtra.value(ValidatorConfig::legacyNs());
    if (serviceValidator.isObject())
        s.validator.setServiceBlock(serviceValidator.toObject());
    for (const char *revokerNs : {"auth/revoker", "github_com/devopsfaith/bloomfilter"}) {
        const QJsonValue revoker = serviceExtra.value(QLatin1String(revokerNs));
        if (!revoker.isObject())
            continue;
        s.revokerConfigured = true;
        const QJsonArray keys = revoker.toObject().value(QLatin1String("token_keys")).toArray();
        for (const auto &k : keys)
            if (k.isString())
                s.revokerTokenKeys.append(k.toString());
        if (s.revokerTokenKeys.isEmpty())
            s.findings.append(Finding {Severity::Warning, QStringLiteral("revoker_without_token_keys"),
                QLatin1String(revokerNs), QStringLiteral("the revoker has no token_keys: no token can be rejected")});
        break;
    }
    return s;
}

void SimulationSetup::checkConfigText(const QByteArray &text)
{
    if (const QString bom = ConfigDocument::startupProblem(text); !bom.isEmpty()) {
        configError = bom;
        findings.append(Finding {Severity::Error, QStringLiteral("byte_order_mark"), QString(),
            configError + QStringLiteral(": KrakenD would not start; remove the byte order mark")});
    } else if (const QString version = ConfigDocument::fileStartupProblem(text); !version.isEmpty()) {
        configError = version;
        findings.append(Finding {Severity::Error, QStringLiteral("config_version"), QStringLiteral("version"),
            configError
                + QStringLiteral(": KrakenD would not start; KrakenD 2.x reads configuration version 3 "
                                 "(set \"version\": 3)")});
    }
}

SimulationSetup SimulationSetup::fromValidatorDocument(const QJsonObject &document, const QString &baseDir)
{
    if (document.contains(QLatin1String("extra_config")) || document.contains(QLatin1String("endpoint")))
        return fromEndpoint(QJsonObject(), document, baseDir);
    if (document.contains(ValidatorConfig::ns()) || document.contains(ValidatorConfig::legacyNs()))
        return fromEndpoint(QJsonObject(), QJsonObject {{QStringLiteral("extra_config"), document}}, baseDir);
    SimulationSetup s;
    s.baseDir = baseDir;
    s.hasValidator = true;
    s.validator = ValidatorConfig::fromJson(document);
    return s;
}

std::optional<QJsonObject> SimulationSetup::findEndpoint(
    const QJsonObject &root, const QString &path, const QString &method)
{
    const QJsonArray endpoints = root.value(QLatin1String("endpoints")).toArray();
    auto methodOf = [](const QJsonObject &e) {
        const QString m = e.value(QLatin1String("method")).toString();
        return m.isEmpty() ? QStringLiteral("GET") : m;
    };
    for (const auto &e : endpoints) {
        const QJsonObject o = e.toObject();
        if (o.value(QLatin1String("endpoint")).toString() == path
            && methodOf(o).compare(method, Qt::CaseInsensitive) == 0)
            return o;
    }
    const QStringList wanted = path.split(u'/');
    for (const auto &e : endpoints) {
        const QJsonObject o = e.toObject();
        if (methodOf(o).compare(method, Qt::CaseInsensitive) != 0)
            continue;
        const QStringList pattern = o.value(QLatin1String("endpoint")).toString().split(u'/');
        if (pattern.size() != wanted.size())
            continue;
        bool match = true;
        for (qsizetype i = 0; i < pattern.size() && match; ++i)
            match = pattern[i] == wanted[i]
                || (pattern[i].startsWith(u'{') && pattern[i].endsWith(u'}') && !wanted[i].isEmpty());
        if (match)
            return o;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------- SimulationResult

const SimulationCheck *SimulationResult::check(CheckName name) const
{
    for (const auto &c : checks)
        if (c.name == name)
            return &c;
    return nullptr;
}

const SimulationCheck *SimulationResult::check(const QString &name) const
{
    const auto known = common::checkNameFromText(name);
    return known ? check(*known) : nullptr;
}

QJsonObject SimulationResult::toJson() const
{
    auto checkJson = [](const SimulationCheck &c) {
        QJsonObject o {{QStringLiteral("step"), c.step}, {QStringLiteral("name"), c.nameText()},
            {QStringLiteral("result"), common::outcomeText(c.outcome)}, {QStringLiteral("detail"), c.detail}};
        if (c.failed())
            o.insert(QStringLiteral("status"), c.status == kNotStarted ? QJsonValue() : QJsonValue(c.status));
        return o;
    };
    QJsonArray checkArray;
    for (const auto &c : checks)
        checkArray.append(checkJson(c));
    QJsonArray also;
    for (const auto &c : alsoFails) {
        QJsonObject o = checkJson(c);
        o.insert(QStringLiteral("result"), QStringLiteral("fail"));
        o.insert(QStringLiteral("status"), c.status);
        also.append(o);
    }
    QJsonObject headers;
    QJsonArray notForwarded;
    for (const auto &h : propagatedHeaders) {
        if (!h.reachesBackend)
            notForwarded.append(h.name);
        if (preserveArrays)
            headers.insert(h.name, QJsonArray::fromStringList(h.values));
        else
            headers.insert(h.name, h.values.value(0));
    }
    QJsonObject params;
    QJsonArray unresolved;
    for (const auto &p : urlParams) {
        if (p.resolved)
            params.insert(p.name, p.value);
        else if (!unresolved.contains(p.name))
            unresolved.append(p.name);
    }
    QJsonArray findings;
    for (const auto &f : configFindings)
        findings.append(findingJson(f));
    QJsonObject out {{QStringLiteral("status"), startupFatal() ? QJsonValue() : QJsonValue(status)},
        {QStringLiteral("startup"), startupFatal() ? QStringLiteral("fatal") : QStringLiteral("ok")},
        {QStringLiteral("reason"), reason}, {QStringLiteral("checks"), checkArray},
        {QStringLiteral("also_fails"), also}, {QStringLiteral("propagated_headers"), headers},
        {QStringLiteral("not_forwarded_headers"), notForwarded}, {QStringLiteral("url_params"), params},
        {QStringLiteral("unresolved_url_params"), unresolved}, {QStringLiteral("config_findings"), findings},
        {QStringLiteral("key_source"), keySource}, {QStringLiteral("jwk_fetches"), fetchesJson(jwkFetches)},
        {QStringLiteral("network_error"), networkError}, {QStringLiteral("complete"), complete},
        {QStringLiteral("evaluated_at"), evaluatedAt.toString(Qt::ISODateWithMs)}};
    if (const auto *stop = stoppingCheck())
        out.insert(QStringLiteral("stopped_at"),
            QJsonObject {{QStringLiteral("step"), stop->step}, {QStringLiteral("name"), stop->nameText()}});
    else
        out.insert(QStringLiteral("stopped_at"), QJsonValue::Null);
    if (!complete)
        out.insert(QStringLiteral("incomplete_reason"), incompleteReason);
    if (startupFatal())
        out.insert(QStringLiteral("startup_log"), startupLog);
    return out;
}

// ----------------------------------------------------------------------------------------------------- Simulator

Simulator::Simulator(SimulationSetup setup) : m_setup(std::move(setup)) { }

void Simulator::setReplacementJwks(const QByteArray &json, const QString &label)
{
    m_replacement = json;
    m_replacementLabel = label;
}

void Simulator::setReplacementKeys(const keys::JwkSet &set, const QString &label)
{
    setReplacementJwks(QJsonDocument(set.toJson(true)).toJson(QJsonDocument::Compact), label);
}

void Simulator::setDownloader(JwksDownloader downloader)
{
    if (!downloader) {
        m_downloader = nullptr;
        return;
    }
    m_downloader = [downloader = std::move(downloader)](const QUrl &url, const keysource::NetworkOptions &options,
                       const common::CancelToken &) { return downloader(url, options); };
}

CancellableJwksDownloader Simulator::networkDownloader(int timeoutMs)
{
    return [timeoutMs](const QUrl &url, const keysource::NetworkOptions &options,
               const common::CancelToken &cancel) -> Result<keysource::HttpResponse> {
        keysource::NetworkOptions o = options;
        o.timeoutMs = timeoutMs;
        QNetworkAccessManager manager;
        keysource::HttpFetch fetch(&manager, url, o);
        fetch.setCancelToken(cancel, kCancelPollMs);
        QEventLoop loop;
        bool done = false;
        QObject::connect(&fetch, &keysource::HttpFetch::finished, &loop, [&] {
            done = true;
            loop.quit();
        });
        fetch.start();
        if (!done)
            loop.exec();
        // KrakenD does not look at the HTTP status: an error page with a JSON content type is still decoded.
        if (fetch.succeeded() || fetch.error().is(common::ErrorCode::HttpStatus))
            return fetch.response();
        return fetch.error();
    };
}

SimulationResult Simulator::run(const SimulationRequest &request, const common::CancelToken &cancel) const
{
    return SimulationPipeline(*this, request, cancel).run();
}

} // namespace jwb::krakend
