#include "krakend/SimulationPipeline.h"

#include "common/BoundedFile.h"
#include "common/JsonText.h"
#include "crypto/Backend.h"
#include "crypto/Signature.h"
#include "jose/Claims.h"
#include "krakend/HeaderFormatter.h"
#include "krakend/Matchers.h"
#include "krakend/RequestBuilder.h"
#include "krakend/go/GoTime.h"
#include "validation/Verifier.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QMutex>
#include <QRegularExpression>
#include <QSslCertificate>

#include <optional>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace jwb::krakend {

using common::CheckName;
using common::Finding;
using common::Result;
using common::Severity;

namespace {

const QString kUnable = QStringLiteral("Unable to validate the token: ");
const QString kWouldNotStart = QStringLiteral("KrakenD would not start: ");
const QString kCannotCreate = QStringLiteral("Unable to create the validator: ");

/// "; <why KrakenD refuses it>" for an algorithm this tool verifies but KrakenD does not (Ed25519, Ed448, ES256K).
QString algRejection(const QString &tokenAlg)
{
    const auto alg = crypto::Algorithms::fromName(tokenAlg);
    const QString why = alg ? jose::Claims::krakendRejection(*alg) : QString();
    return why.isEmpty() ? QString() : QStringLiteral("; ") + why;
}

QString compact(const QJsonValue &v)
{
    return common::JsonText::compact(v);
}

QString resolvePath(const QString &baseDir, const QString &path)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path) || baseDir.isEmpty())
        return path;
    return QDir(baseDir).filePath(path);
}

/// What tells that a file changed without reading it: size, modification and status-change times (nanoseconds),
/// inode and device. A file rewritten in place gets a new change time; one replaced by a rename, a new inode.
struct FileStamp
{
    qint64 size = 0;
    qint64 modifiedNs = 0;
    qint64 changedNs = 0;
    quint64 inode = 0;
    quint64 device = 0;
    bool operator==(const FileStamp &) const = default;

    static std::optional<FileStamp> of(const QString &path)
    {
#ifdef Q_OS_UNIX
        struct stat st
        {
        };
        if (::stat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
            return std::nullopt;
        return FileStamp {st.st_size, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec,
            st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec, static_cast<quint64>(st.st_ino),
            static_cast<quint64>(st.st_dev)};
#else
        const QFileInfo info(path);
        if (!info.isFile())
            return std::nullopt;
        return FileStamp {info.size(), info.lastModified().toMSecsSinceEpoch() * 1000000LL,
            info.metadataChangeTime().toMSecsSinceEpoch() * 1000000LL, 0, 0};
#endif
    }
};

/// The last few startup files read, by path (thread-safe: All endpoints simulates on worker threads).
namespace StartupFileCache {
struct Entry
{
    FileStamp stamp;
    QByteArray data;
};
QMutex &mutex()
{
    static QMutex m;
    return m;
}
QHash<QString, Entry> &entries()
{
    static QHash<QString, Entry> e;
    return e;
}
std::optional<QByteArray> find(const QString &path, const FileStamp &stamp)
{
    QMutexLocker lock(&mutex());
    const auto it = entries().constFind(path);
    if (it == entries().constEnd() || !(it->stamp == stamp))
        return std::nullopt;
    return it->data;
}
void insert(const QString &path, const FileStamp &stamp, const QByteArray &data)
{
    QMutexLocker lock(&mutex());
    if (entries().size() >= 8 && !entries().contains(path))
        entries().clear();
    entries().insert(path, Entry {stamp, data});
}
} // namespace StartupFileCache

/// A file KrakenD reads at startup (jwk_local_path, jwk_local_ca), read with the limits of every key file
/// (common::BoundedFile): a regular file of at most 4 MiB. An open error is worded as Go's os.Open words it
/// ("open PATH: permission denied"); a FIFO, a device or a huge file is refused without being read.
Result<QByteArray> readStartupFile(const QString &path)
{
    // Every endpoint of a file reads the same jwk_local_path: a file unchanged since it was last read (same size,
    // modification time, inode and change time) is not read again, and the same bytes (one shared QByteArray) let
    // GoJose::parseJwks find its parsed keys without hashing them.
    const std::optional<FileStamp> stamp = FileStamp::of(path);
    if (stamp)
        if (std::optional<QByteArray> cached = StartupFileCache::find(path, *stamp))
            return *cached;
    auto data = common::BoundedFile::read(path, common::BoundedFile::kKeyFileMax);
    if (data && stamp)
        StartupFileCache::insert(path, *stamp, data.value());
    if (data || !data.error().is(common::ErrorCode::UnreadableFile))
        return data;
    return Result<QByteArray>::failure(data.error().code,
        QStringLiteral("open %1: %2").arg(path, data.error().details.value(QStringLiteral("reason")).toString()),
        data.error().details);
}

/// Whether a file's text could be a JSON document at all (the first byte past white space opens an object or an
/// array, or the text is `null`).
bool startsLikeJson(const QByteArray &body)
{
    qsizetype i = 0;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r'))
        ++i;
    if (i == body.size())
        return true; // empty: Go's "unexpected end of JSON input" names no byte
    if (body[i] == '{' || body[i] == '[')
        return true;
    return body.mid(i).trimmed() == "null";
}

/// A JWK Set read from a local file (jwk_local_path, or a replacement set). Go's decoder names the byte it chokes
/// on ("invalid character 'S' looking for beginning of value"); when the file is not JSON at all that byte belongs
/// to some other file (/etc/shadow, /proc/self/environ), so the message says what the file is not instead.
Result<QList<GoJose::Key>> parseLocalJwks(const QByteArray &body)
{
    if (!startsLikeJson(body))
        return Result<QList<GoJose::Key>>::failure(QStringLiteral("invalid_jwks"),
            QStringLiteral("not a JSON file, so not a JWK Set (Go's decoder fails on its first character; the "
                           "content is not shown)"));
    return GoJose::parseJwks(body);
}

} // namespace

SimulationPipeline::SimulationPipeline(
    const Simulator &simulator, const SimulationRequest &request, common::CancelToken cancel)
    : m_sim(simulator),
      m_setup(simulator.m_setup),
      m_cfg(simulator.m_setup.validator),
      m_request(request),
      m_cancel(std::move(cancel))
{ }

SimulationResult SimulationPipeline::run()
{
    crypto::Backend::initialize();
    SimulationResult &r = m_run.result;
    r.evaluatedAt = m_sim.m_clock->now().toUTC();
    r.configFindings = m_setup.findings + m_cfg.findings();
    r.preserveArrays = m_cfg.propagateClaimsPreserveArray();
    if (auto early = withoutValidator())
        return *early;
    startup();
    extractToken();
    parse();
    checkAlg();
    lookupKey();
    verifySignature();
    checkClaimTypes();
    checkRegisteredClaims();
    claimsMap();
    rejecters();
    rolesAndScopes();
    propagateClaims();
    urlParams();
    backend();
    assemble();
    return m_run.result;
}

// --------------------------------------------------------------------------------------------------- helpers

void SimulationPipeline::pass(int step, CheckName name, const QString &detail)
{
    m_run.evals.append(Eval {step, name, EvalOutcome::Pass, detail, 0, QString()});
}

void SimulationPipeline::fail(int step, CheckName name, int status, const QString &reason, const QString &detail)
{
    m_run.evals.append(Eval {step, name, EvalOutcome::Fail, detail, status, reason});
}

void SimulationPipeline::notEvaluated(int step, CheckName name, const QString &detail)
{
    m_run.evals.append(Eval {step, name, EvalOutcome::NotEvaluated, detail, 0, QString()});
}

void SimulationPipeline::finding(Severity severity, const char *code, const QString &subject, const QString &message)
{
    m_run.result.configFindings.append(Finding {severity, QString::fromLatin1(code), subject, message});
}

// ----------------------------------------------------------------------------- step 0: startup (§3a)

std::optional<SimulationResult> SimulationPipeline::withoutValidator() const
{
    if (m_setup.hasValidator)
        return std::nullopt;
    SimulationResult r = m_run.result;
    if (!m_setup.configError.isEmpty()) {
        // The file itself stops KrakenD: no endpoint answers, with or without a validator.
        r.status = kNotStarted;
        r.reason = kWouldNotStart + m_setup.configError;
        r.startupLog = m_setup.configError;
        r.checks = {SimulationCheck {0, CheckName::Config, CheckResult::Fail, r.reason, kNotStarted}};
        r.stoppedAt = 0;
        return r;
    }
    r.status = 200;
    r.reason = QStringLiteral("no auth/validator on this endpoint: KrakenD does not check tokens here (\"Validator "
                              "disabled for this endpoint\")");
    r.checks = {SimulationCheck {0, CheckName::Config, CheckResult::Pass,
                    QStringLiteral("no auth/validator block: validation is disabled"), 0},
        SimulationCheck {13, CheckName::Backend, CheckResult::Pass,
            QStringLiteral("the request goes on to the backend unchecked"), 0}};
    return r;
}

void SimulationPipeline::startup()
{
    int status = 0;
    QString reason;
    if (!m_setup.configError.isEmpty()) {
        status = kNotStarted;
        m_run.startupLog = m_setup.configError;
        reason = kWouldNotStart + m_setup.configError;
    } else if (!m_setup.blockError.isEmpty()) {
        status = 401;
        reason = QStringLiteral("Unable to parse the configuration: ") + m_setup.blockError;
        finding(Severity::Error, "type_error", ValidatorConfig::ns(),
            m_setup.blockError + QStringLiteral(": KrakenD answers 401 to every request"));
    } else if (m_cfg.runtimeState() == RuntimeState::RejectsAll) {
        status = 401;
        reason = m_cfg.runtimeProblem();
    }

    // Validator creation, in krakend-jose's order; computed even after a 401-for-all so that the inspector
    // sees every problem.
    QStringList &fatal = m_run.fatal;
    if (const QString p = m_cfg.algProblem(); !p.isEmpty())
        fatal << kCannotCreate + p;
    if (const QString p = m_cfg.fingerprintProblem(); !p.isEmpty())
        fatal << kCannotCreate + p;
    configureTls();
    if (const QString p = m_cfg.cacheLocalPathProblem(); !p.isEmpty())
        fatal << kCannotCreate + p;
    readLocalKeys();
    if (const QString p = m_cfg.rolesKeyPanicProblem(); !p.isEmpty())
        fatal << QStringLiteral("panic while building the endpoint handler: ") + p;
    if (status == 0 && !fatal.isEmpty()) {
        status = kNotStarted;
        m_run.startupLog = fatal.first();
        reason = kWouldNotStart + fatal.first();
    }
    m_run.configOk = status == 0;
    if (m_run.configOk)
        pass(0, CheckName::Config,
            QStringLiteral("KrakenD starts and validates tokens on this endpoint; keys from %1")
                .arg(m_run.result.keySource));
    else
        fail(0, CheckName::Config, status, reason,
            status == 401 ? reason
                    + QStringLiteral(": KrakenD starts, but this endpoint answers 401 "
                                     "to every request")
                          : reason);
}

void SimulationPipeline::configureTls()
{
    keysource::NetworkOptions &tls = m_run.tls;
    tls.insecure = m_cfg.disableJwkSecurity();
    tls.pins = m_cfg.decodedFingerprints();
    if (m_cfg.jwkLocalCa().isEmpty())
        return;
    const QString path = resolvePath(m_setup.baseDir, m_cfg.jwkLocalCa());
    const auto ca = readStartupFile(path);
    if (!ca) {
        m_run.fatal << kCannotCreate
                + QStringLiteral("failed to append \"%1\" to RootCAs: %2").arg(m_cfg.jwkLocalCa(), ca.error().message);
        return;
    }
    tls.extraCa = QSslCertificate::fromData(ca.value(), QSsl::Pem);
    if (tls.extraCa.isEmpty())
        finding(Severity::Warning, "local_ca_empty", QStringLiteral("jwk_local_ca"),
            QStringLiteral("%1 holds no PEM certificate: Go's AppendCertsFromPEM silently adds nothing").arg(path));
}

void SimulationPipeline::readLocalKeys()
{
    SimulationResult &r = m_run.result;
    const std::optional<QByteArray> &replacement = m_sim.m_replacement;
    if (replacement && !replacementApplies()) {
        r.keySource = QStringLiteral("none: the block has neither jwk_url nor jwk_local_path (%1 is not used)")
                          .arg(m_sim.m_replacementLabel);
        finding(Severity::Warning, "jwks_without_source", QStringLiteral("jwk_url"),
            QStringLiteral("%1 replaces the keys of a configured source; it does not create one. This block has "
                           "neither jwk_url nor jwk_local_path, so KrakenD downloads from the empty URL on every "
                           "key lookup and answers 401")
                .arg(m_sim.m_replacementLabel));
        return;
    }
    if (!m_cfg.usesLocalPath()) {
        r.keySource = replacement
            ? QStringLiteral("%1 (replaces jwk_url %2)").arg(m_sim.m_replacementLabel, m_cfg.jwkUrl())
            : QStringLiteral("jwk_url %1").arg(m_cfg.jwkUrl());
        return;
    }
    if (replacement) {
        m_run.localKeys = parseLocalJwks(*replacement);
        r.keySource
            = QStringLiteral("%1 (replaces jwk_local_path %2)").arg(m_sim.m_replacementLabel, m_cfg.jwkLocalPath());
        if (!*m_run.localKeys)
            m_run.fatal << kCannotCreate
                    + QStringLiteral("%1: %2").arg(m_sim.m_replacementLabel, m_run.localKeys->error().message);
        return;
    }
    const QString path = resolvePath(m_setup.baseDir, m_cfg.jwkLocalPath());
    r.keySource = QStringLiteral("jwk_local_path %1").arg(path);
    const auto file = readStartupFile(path);
    if (!file) {
        m_run.fatal << kCannotCreate + file.error().message;
    } else if (!m_cfg.secretUrl().isEmpty()) {
        r.complete = false;
        r.incompleteReason = QStringLiteral("jwk_local_path is encrypted (secret_url %1): KrakenD decrypts it "
                                            "at startup, this simulator does not; pass the decrypted key set "
                                            "with --jwks")
                                 .arg(m_cfg.secretUrl());
    } else {
        m_run.localKeys = parseLocalJwks(file.value());
        if (!*m_run.localKeys)
            m_run.fatal << kCannotCreate + QStringLiteral("%1: %2").arg(path, m_run.localKeys->error().message);
    }
}

// ------------------------------------------------------------------------- steps 1-4: token to signature

bool SimulationPipeline::serverAccepts()
{
    // Go's HTTP server reads the header block before any handler runs (net/textproto). The lines are the bytes the
    // request carries; nothing is trimmed or repaired:
    // - a line break followed by a space or a tab continues the line (obs-fold): Go joins it with one space;
    // - a line break followed by anything else ends the line: the rest is a header line of its own, and without
    //   "Name:" it is malformed;
    // - any other control character (below 0x20 but tab, or DEL) makes the server answer 400 Bad Request itself.
    auto badRequest = [this](const QString &name, const QString &why) {
        fail(1, CheckName::Token, 400,
            QStringLiteral("Go's HTTP server refuses the request before any handler (400 Bad Request: malformed MIME "
                           "header line)"),
            QStringLiteral(
                "header %1: %2: Go's server answers 400 itself; KrakenD's handlers (and the validator) never "
                "see the request")
                .arg(name, why));
        return false;
    };
    QList<QPair<QString, QString>> lines;
    for (const auto &[name, rawValue] : RequestReader::lines(m_request)) {
        QString current = name;
        QString value;
        const qsizetype n = rawValue.size();
        for (qsizetype i = 0; i < n; ++i) {
            const QChar c = rawValue[i];
            const bool crlf = c == u'\r' && i + 1 < n && rawValue[i + 1] == u'\n';
            if (c != u'\n' && !crlf) {
                value += c;
                continue;
            }
            qsizetype j = i + (crlf ? 2 : 1);
            if (j < n && (rawValue[j] == u' ' || rawValue[j] == u'\t')) {
                while (j < n && (rawValue[j] == u' ' || rawValue[j] == u'\t'))
                    ++j;
                value += u' ';
                i = j - 1;
                continue;
            }
            // A new line: "Name: value" of its own, or malformed.
            lines.append({current, value});
            const qsizetype colon = rawValue.indexOf(u':', j);
            const QString nextName = colon < 0 ? QString() : rawValue.mid(j, colon - j);
            if (j >= n)
                return badRequest(current,
                    QStringLiteral("the value ends with a line break (an empty line ends the "
                                   "header block early)"));
            if (!HeaderFormatter::isValidHeaderName(nextName))
                return badRequest(current,
                    QStringLiteral("a line break at byte %1 of the value starts a line that is not \"Name: value\"")
                        .arg(rawValue.left(i).toUtf8().size()));
            current = nextName;
            value.clear();
            i = colon;
            while (i + 1 < n && (rawValue[i + 1] == u' ' || rawValue[i + 1] == u'\t'))
                ++i;
        }
        lines.append({current, value});
    }
    for (const auto &[name, value] : std::as_const(lines)) {
        const QString line = name + u':' + value;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const char16_t c = line[i].unicode();
            if ((c < 0x20 && c != u'\t') || c == 0x7f)
                return badRequest(name,
                    QStringLiteral("the control character 0x%1 at byte %2 of the line")
                        .arg(c, 2, 16, QLatin1Char('0'))
                        .arg(line.left(i).toUtf8().size()));
        }
    }
    m_run.lines = lines;
    return true;
}

void SimulationPipeline::extractToken()
{
    if (!serverAccepts())
        return;
    const QString headerName = m_cfg.effectiveAuthHeaderName();
    const QString cookieName = m_cfg.effectiveCookieKey();
    const auto header = RequestReader::header(m_run.lines, headerName);
    if (header && !header->isEmpty()) {
        const QByteArray bytes = header->toUtf8();
        if (bytes.size() > 7 && bytes.left(7).toLower() == "bearer ") {
            m_run.token = QString::fromUtf8(bytes.mid(7));
            pass(1, CheckName::Token,
                QStringLiteral("from header %1, \"%2\" prefix stripped")
                    .arg(headerName, QString::fromUtf8(bytes.left(7))));
        } else {
            m_run.token = *header;
            pass(1, CheckName::Token,
                QStringLiteral("from header %1; no \"Bearer \" prefix (with more after it), so the whole "
                               "value is the token")
                    .arg(headerName));
        }
        return;
    }
    if (const auto cookie = RequestReader::cookie(m_run.lines, cookieName)) {
        m_run.token = *cookie;
        pass(1, CheckName::Token,
            QStringLiteral("from cookie %1 (header %2 is %3)%4")
                .arg(cookieName, headerName, header ? QStringLiteral("empty") : QStringLiteral("absent"),
                    m_cfg.cookieKey().isEmpty() ? QStringLiteral("; access_token is the default "
                                                                 "cookie even without cookie_key")
                                                : QString()));
    } else {
        fail(1, CheckName::Token, 401, kUnable + QStringLiteral("Token not found"),
            QStringLiteral("no %1 header%2 and no %3 cookie")
                .arg(headerName, header ? QStringLiteral(" (it is empty)") : QString(), cookieName));
    }
}

void SimulationPipeline::parse()
{
    if (!m_run.token) {
        notEvaluated(1, CheckName::Parse, QStringLiteral("no token"));
        return;
    }
    auto parsed = GoJose::parseJws(*m_run.token);
    if (!parsed) {
        fail(1, CheckName::Parse, 401, kUnable + parsed.error().message,
            parsed.error().message + QStringLiteral(" (go-jose ParseSigned)"));
        return;
    }
    m_run.jws = parsed.value();
    pass(1, CheckName::Parse,
        QStringLiteral("%1 JWS; header %2")
            .arg(m_run.jws->json ? QStringLiteral("JSON serialization") : QStringLiteral("compact"),
                compact(m_run.jws->header)));
}

void SimulationPipeline::checkAlg()
{
    const auto &jws = m_run.jws;
    m_run.tokenAlg = jws ? jws->header.value(QLatin1String("alg")).toString() : QString();
    const QString &tokenAlg = m_run.tokenAlg;
    if (!jws)
        notEvaluated(2, CheckName::Alg, QStringLiteral("no parsed token"));
    else if (tokenAlg == m_cfg.alg())
        pass(2, CheckName::Alg, QStringLiteral("token alg \"%1\" equals the configured alg").arg(tokenAlg));
    else
        fail(2, CheckName::Alg, 401, kUnable + QStringLiteral("algorithm is invalid"),
            QStringLiteral("token alg \"%1\" is not the configured alg \"%2\" (exact, case-sensitive comparison)%3")
                .arg(tokenAlg, m_cfg.alg(), algRejection(tokenAlg)));
}

bool SimulationPipeline::replacementApplies() const
{
    return m_sim.m_replacement
        && (m_cfg.usesLocalPath() || !m_cfg.jwkUrl().isEmpty() || !m_cfg.jwkLocalPath().isEmpty());
}

const SimulationPipeline::Keys &SimulationPipeline::download()
{
    std::optional<Keys> &remoteKeys = m_run.remoteKeys;
    if (remoteKeys)
        return *remoteKeys;
    auto err = [](const QString &m) { return Keys::failure(QStringLiteral("download"), m); };
    if (replacementApplies()) {
        remoteKeys = parseLocalJwks(*m_sim.m_replacement);
    } else {
        const QString url = m_cfg.jwkUrl();
        const QUrl u(url, QUrl::StrictMode);
        const QString scheme = u.scheme().toLower();
        if (url.isEmpty() || !u.isValid() || (scheme != u"http" && scheme != u"https")) {
            remoteKeys = err(QStringLiteral("Get \"%1\": unsupported protocol scheme \"%2\"").arg(url, u.scheme()));
        } else {
            const CancellableJwksDownloader downloader
                = m_sim.m_downloader ? m_sim.m_downloader : Simulator::networkDownloader(m_sim.m_timeoutMs);
            auto response = downloader(u, m_run.tls, m_cancel);
            if (!response) {
                m_run.result.networkError = m_run.result.networkError || common::isNetworkError(response.error());
                remoteKeys = err(QStringLiteral("Get \"%1\": %2").arg(url, response.error().message));
            } else if (!response->contentType.startsWith("application/json")
                && !response->contentType.startsWith("application/jwk-set+json")) {
                remoteKeys = err(QStringLiteral("should have a JSON content type for JWKS endpoint (got \"%1\")")
                                     .arg(QString::fromLatin1(response->contentType)));
            } else {
                remoteKeys = GoJose::parseJwks(response->body);
            }
        }
    }
    if (*remoteKeys && remoteKeys->value().isEmpty())
        remoteKeys = err(QStringLiteral("no Keys have been found"));
    return *remoteKeys;
}

std::optional<GoJose::Key> SimulationPipeline::findKey(const QList<GoJose::Key> &keys, const QString &id) const
{
    const validation::KeyIdStrategy strategy = m_cfg.effectiveKeyIdStrategy();
    std::optional<GoJose::Key> found;
    for (const auto &k : keys)
        if (validation::Verifier::jwkKeyId(k.jwk, strategy) == id)
            found = k; // the last one wins, as in KrakenD's key cachers
    return found;
}

QString SimulationPipeline::idsOf(const QList<GoJose::Key> &keys) const
{
    const validation::KeyIdStrategy strategy = m_cfg.effectiveKeyIdStrategy();
    QStringList ids;
    for (const auto &k : keys)
        ids << QStringLiteral("\"%1\"").arg(validation::Verifier::jwkKeyId(k.jwk, strategy));
    return ids.join(QStringLiteral(", "));
}

void SimulationPipeline::lookupKey()
{
    if (!m_run.jws) {
        notEvaluated(3, CheckName::Key, QStringLiteral("no parsed token"));
        return;
    }
    const validation::KeyIdStrategy strategy = m_cfg.effectiveKeyIdStrategy();
    const QString keyId = validation::Verifier::tokenKeyId(m_run.jws->header, strategy);
    const QString idText = QStringLiteral("%1 \"%2\"").arg(validation::keyIdStrategyName(strategy), keyId);
    if (m_cfg.usesLocalPath())
        lookupLocalKey(idText, keyId);
    else
        lookupRemoteKey(idText, keyId);
}

void SimulationPipeline::lookupLocalKey(const QString &idText, const QString &keyId)
{
    const SimulationResult &r = m_run.result;
    const std::optional<Keys> &localKeys = m_run.localKeys;
    if (!localKeys) {
        notEvaluated(3, CheckName::Key,
            r.complete ? QStringLiteral("the jwk_local_path file could not be read") : r.incompleteReason);
    } else if (!*localKeys) {
        notEvaluated(
            3, CheckName::Key, QStringLiteral("the key file does not decode: %1").arg(localKeys->error().message));
    } else if (auto k = findKey(localKeys->value(), keyId)) {
        m_run.key = k;
        pass(3, CheckName::Key, QStringLiteral("%1 found in %2").arg(idText, r.keySource));
    } else if (m_cfg.jwkUrl().isEmpty()) {
        fail(3, CheckName::Key, 401, kUnable + QStringLiteral("Get \"\": unsupported protocol scheme \"\""),
            QStringLiteral("%1 is not in %2 (it has %3); on a miss KrakenD downloads jwk_url, which is empty")
                .arg(idText, r.keySource, idsOf(localKeys->value())));
    } else if (!m_run.configOk && !replacementApplies()) {
        notEvaluated(3, CheckName::Key,
            QStringLiteral("%1 is not in the key file; KrakenD would then download jwk_url").arg(idText));
    } else if (const auto &d = download(); !d) {
        fail(3, CheckName::Key, 401, kUnable + d.error().message,
            QStringLiteral("%1 is not in %2; downloading jwk_url failed: %3")
                .arg(idText, r.keySource, d.error().message));
    } else {
        fail(3, CheckName::Key, 500,
            QStringLiteral("KrakenD panics (gin Recovery answers 500): runtime error: invalid memory "
                           "address or nil pointer dereference"),
            QStringLiteral("%1 is not in the jwk_local_path keys; with jwk_url also set KrakenD downloads "
                           "it, then dereferences the nil key the file cacher returns")
                .arg(idText));
    }
}

void SimulationPipeline::lookupRemoteKey(const QString &idText, const QString &keyId)
{
    const SimulationResult &r = m_run.result;
    if (!m_run.configOk && !replacementApplies()) {
        notEvaluated(3, CheckName::Key, QStringLiteral("the keys are not downloaded: the configuration fails first"));
        return;
    }
    const auto &d = download();
    // The downloads a freshly started KrakenD makes up to this request (issue #18: why a rotated kid gives 401s).
    QStringList published;
    if (d)
        for (const auto &k : d.value())
            published << validation::Verifier::jwkKeyId(k.jwk, m_cfg.effectiveKeyIdStrategy());
    if (m_run.configOk) // a block that fails at start-up never downloads (its handler answers 401 at once)
        m_run.result.jwkFetches = JwkCacheTimeline::simulate(JwkCacheSettings::fromConfig(m_cfg),
            {JwkPublication {0, published}},
            {JwkRequest {0, keyId}}).fetches();
    if (!d) {
        fail(3, CheckName::Key, 401, kUnable + d.error().message,
            QStringLiteral("the key set from %1 is unusable: %2").arg(r.keySource, d.error().message));
    } else if (auto k = findKey(d.value(), keyId)) {
        m_run.key = k;
        pass(3, CheckName::Key,
            QStringLiteral("%1 found in %2%3")
                .arg(idText, r.keySource,
                    m_cfg.cache() ? QStringLiteral(" (cached %1 s per key)").arg(m_cfg.effectiveCacheDurationSeconds())
                                  : QStringLiteral(" (without cache KrakenD downloads the set on both of its "
                                                   "key lookups of every request)")));
    } else {
        fail(3, CheckName::Key, 401, kUnable + QStringLiteral("no Keys have been found"),
            QStringLiteral("%1 matches no key of %2 (it has %3)").arg(idText, r.keySource, idsOf(d.value())));
    }
}

void SimulationPipeline::verifySignature()
{
    const QString cryptoFailure = QStringLiteral("go-jose/go-jose: error in cryptographic primitive");
    const auto &jws = m_run.jws;
    const auto &key = m_run.key;
    const QString &tokenAlg = m_run.tokenAlg;
    if (!jws || !key) {
        notEvaluated(4, CheckName::Signature, jws ? QStringLiteral("no key") : QStringLiteral("no parsed token"));
        return;
    }
    if (key->privateMembers) {
        fail(4, CheckName::Signature, 401, kUnable + QStringLiteral("go-jose/go-jose: unsupported key type/format"),
            QStringLiteral("the JWK %1 carries private members (d): go-jose refuses a private key as a verifier; "
                           "publish only the public part")
                .arg(key->jwk.kid.isEmpty() ? QStringLiteral("without kid")
                                            : QStringLiteral("\"%1\"").arg(key->jwk.kid)));
        return;
    }
    if (jws->signatureCount > 1) {
        fail(4, CheckName::Signature, 401,
            kUnable + QStringLiteral("go-jose/go-jose: too many signatures in payload; expecting only one"),
            QStringLiteral("the JSON serialization carries %1 signatures").arg(jws->signatureCount));
        return;
    }
    const QString critProblem = GoJose::critProblem(jws->header);
    const auto alg = crypto::Algorithms::fromKrakendName(tokenAlg);
    auto input = GoJose::signingInput(*jws);
    if (!critProblem.isEmpty()) {
        fail(4, CheckName::Signature, 401, kUnable + cryptoFailure, critProblem);
    } else if (!alg) {
        notEvaluated(4, CheckName::Signature, QStringLiteral("alg \"%1\" is not a JWS algorithm").arg(tokenAlg));
    } else if (!input) {
        fail(4, CheckName::Signature, 401, kUnable + cryptoFailure,
            QStringLiteral("the protected header is empty or not JSON: go-jose cannot rebuild the signing input"));
    } else if (auto ok = crypto::Signature::verify(*alg, key->jwk.key, input.value(), jws->signature,
                   // go-jose's acceptance (Go's crypto/ed25519), not this tool's stricter one: KrakenD accepts
                   // small-order and non-canonical Ed25519 keys, so the simulation must too.
                   crypto::VerifyFlavour::GoJose);
               !ok) {
        fail(4, CheckName::Signature, 401, kUnable + cryptoFailure,
            QStringLiteral("%1 with %2: %3").arg(tokenAlg, key->jwk.key.description(), ok.error().message));
    } else {
        // KrakenD (go-jose) verifies with keys this tool's own verifier refuses by default: keep its answer, but
        // say so.
        QString weak;
        if (key->jwk.key.type() == crypto::KeyType::Rsa && key->jwk.key.bits() < 2048)
            weak = QStringLiteral("; KrakenD accepts this %1-bit RSA key, although RFC 7518 §3.3 requires 2048 bits "
                                  "(verify refuses it without --allow-weak-keys)")
                       .arg(key->jwk.key.bits());
        else if (key->jwk.key.isSmallOrder())
            weak = QStringLiteral("; KrakenD accepts this Ed25519 key although it is a point of small order: "
                                  "signatures forged without any private key verify under it");
        pass(4, CheckName::Signature,
            QStringLiteral("%1 signature verified with %2%3%4")
                .arg(tokenAlg, key->jwk.key.description(),
                    key->jwk.kid.isEmpty() ? QString() : QStringLiteral(" (kid \"%1\")").arg(key->jwk.kid), weak));
    }
}

// ------------------------------------------------------------------------------ steps 5-8: the claims

void SimulationPipeline::checkClaimTypes()
{
    if (!m_run.jws) {
        notEvaluated(5, CheckName::ClaimTypes, QStringLiteral("no parsed token"));
        return;
    }
    const QStringList problems = claimTypeProblems();
    if (problems.isEmpty())
        pass(5, CheckName::ClaimTypes,
            QStringLiteral("iss, sub, jti, aud, exp, nbf and iat have the types go-jose expects"));
    else
        fail(5, CheckName::ClaimTypes, 401, kUnable + problems.first(), problems.join(QStringLiteral("; ")));
}

QStringList SimulationPipeline::claimTypeProblems()
{
    GoJson::Scan &scan = m_run.payloadScan;
    QJsonObject &claims = m_run.claims;
    scan = GoJson::scan(m_run.jws->payload);
    QStringList problems;
    if (!scan.ok) {
        problems << scan.error;
    } else if (const QStringList dups = common::JsonText::duplicateKeys(scan.sanitized); !dups.isEmpty()) {
        problems << QStringLiteral("duplicate key \"%1\" in the payload (go-jose's JSON decoder rejects "
                                   "duplicate keys)")
                        .arg(dups.first());
        claims = scan.document().object();
    } else if (!scan.topLevelNull && scan.topLevelKind != '{') {
        problems << QStringLiteral("json: cannot unmarshal %1 into Go value of type jwt.Claims")
                        .arg(scan.topLevelKindName());
    } else {
        claims = scan.document().object();
    }
    if (!scan.ok)
        return problems;
    m_run.claimsDecoded = true;
    for (const char *name : {"iss", "sub", "jti"}) {
        const QJsonValue v = claims.value(QLatin1String(name));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            problems << QStringLiteral("json: cannot unmarshal %1 into Go struct field Claims.%2 of type string")
                            .arg(GoJson::kindOf(v), QLatin1String(name));
    }
    m_run.issuer = claims.value(QLatin1String("iss")).toString();
    const QJsonValue a = claims.value(QLatin1String("aud"));
    if (a.isString()) {
        m_run.aud = QStringList {a.toString()};
    } else if (a.isArray()) {
        const QJsonArray array = a.toArray();
        bool allStrings = true;
        for (const auto &e : array) {
            allStrings = allStrings && e.isString();
            m_run.aud << e.toString();
        }
        if (!allStrings)
            problems << QStringLiteral("go-jose/go-jose/jwt: expected string or array value to unmarshal to "
                                       "Audience (aud holds a non-string element)");
    } else if (!a.isUndefined()) {
        problems << QStringLiteral("go-jose/go-jose/jwt: expected string or array value to unmarshal to "
                                   "Audience (aud is %1)")
                        .arg(a.isNull() ? QStringLiteral("null") : QStringLiteral("a ") + GoJson::kindOf(a));
    }
    for (const char *name : {"exp", "nbf", "iat"}) {
        const QString n = QLatin1String(name);
        const QJsonValue v = claims.value(n);
        std::optional<qint64> &target = n == u"exp" ? m_run.exp : n == u"nbf" ? m_run.nbf : m_run.iat;
        if (v.isUndefined() || v.isNull())
            continue;
        if (!v.isDouble() || scan.overflowMembers.contains(n))
            problems << QStringLiteral("go-jose/go-jose/jwt: expected number value to unmarshal NumericDate "
                                       "(%1 is %2)")
                            .arg(n,
                                v.isDouble() ? QStringLiteral("a number beyond float64")
                                             : QStringLiteral("a ") + GoJson::kindOf(v));
        else
            target = GoTime::toInt64(GoJson::numberOf(v));
    }
    return problems;
}

void SimulationPipeline::checkRegisteredClaims()
{
    if (!m_run.claimsDecoded) {
        for (CheckName name : {CheckName::Iss, CheckName::Aud, CheckName::Nbf, CheckName::Exp, CheckName::Iat})
            notEvaluated(6, name, QStringLiteral("the payload does not decode"));
        return;
    }
    const qint64 leeway = m_cfg.effectiveLeewayNanos();
    const GoTime::Time now = GoTime::fromDateTime(m_sim.m_clock->now());
    const QString validation = kUnable + QStringLiteral("go-jose/go-jose/jwt: validation failed, ");
    const QString leewayText = GoTime::durationText(leeway);
    const QString &issuer = m_run.issuer;
    const QStringList &aud = m_run.aud;

    if (m_cfg.issuer().isEmpty())
        pass(6, CheckName::Iss, QStringLiteral("no issuer configured: not checked"));
    else if (issuer == m_cfg.issuer())
        pass(6, CheckName::Iss, QStringLiteral("iss \"%1\" matches").arg(issuer));
    else
        fail(6, CheckName::Iss, 401, validation + QStringLiteral("invalid issuer claim (iss)"),
            m_run.claims.contains(QLatin1String("iss"))
                ? QStringLiteral("token iss \"%1\" is not \"%2\" (exact match)").arg(issuer, m_cfg.issuer())
                : QStringLiteral("the token has no iss; \"%1\" is required").arg(m_cfg.issuer()));

    const QStringList wantedAud = m_cfg.audience();
    QStringList missingAud;
    for (const QString &a : wantedAud)
        if (!aud.contains(a))
            missingAud << a;
    if (wantedAud.isEmpty())
        pass(6, CheckName::Aud, QStringLiteral("no audience configured: not checked"));
    else if (missingAud.isEmpty())
        pass(6, CheckName::Aud,
            QStringLiteral("aud %1 holds every configured audience").arg(compact(QJsonArray::fromStringList(aud))));
    else
        fail(6, CheckName::Aud, 401, validation + QStringLiteral("invalid audience claim (aud)"),
            QStringLiteral("aud %1 lacks %2: KrakenD requires ALL configured audiences")
                .arg(compact(QJsonArray::fromStringList(aud)), compact(QJsonArray::fromStringList(missingAud))));

    const auto &nbf = m_run.nbf;
    if (!nbf)
        pass(6, CheckName::Nbf, QStringLiteral("no nbf"));
    else if (GoTime::before(GoTime::add(now, leeway), GoTime::fromUnix(*nbf)))
        fail(6, CheckName::Nbf, 401, validation + QStringLiteral("token not valid yet (nbf)"),
            QStringLiteral("nbf %1 is after now + leeway %2").arg(GoTime::unixText(*nbf), leewayText));
    else
        pass(6, CheckName::Nbf, QStringLiteral("nbf %1 reached (leeway %2)").arg(GoTime::unixText(*nbf), leewayText));

    const auto &exp = m_run.exp;
    if (!exp)
        pass(6, CheckName::Exp, QStringLiteral("no exp: the token never expires"));
    else if (GoTime::before(GoTime::fromUnix(*exp), GoTime::add(now, -leeway)))
        fail(6, CheckName::Exp, 401, validation + QStringLiteral("token is expired (exp)"),
            QStringLiteral("exp %1 is before now - leeway %2").arg(GoTime::unixText(*exp), leewayText));
    else
        pass(
            6, CheckName::Exp, QStringLiteral("exp %1 not passed (leeway %2)").arg(GoTime::unixText(*exp), leewayText));

    const auto &iat = m_run.iat;
    if (!iat)
        pass(6, CheckName::Iat, QStringLiteral("no iat"));
    else if (GoTime::before(GoTime::add(now, leeway), GoTime::fromUnix(*iat)))
        fail(6, CheckName::Iat, 401, validation + QStringLiteral("validation field, token issued in the future (iat)"),
            QStringLiteral("iat %1 is after now + leeway %2").arg(GoTime::unixText(*iat), leewayText));
    else
        pass(6, CheckName::Iat,
            QStringLiteral("iat %1 is not in the future (leeway %2)").arg(GoTime::unixText(*iat), leewayText));
}

void SimulationPipeline::claimsMap()
{
    const GoJson::Scan &scan = m_run.payloadScan;
    if (!m_run.jws) {
        notEvaluated(7, CheckName::ClaimsMap, QStringLiteral("no parsed token"));
    } else if (!scan.ok || (!scan.topLevelNull && scan.topLevelKind != '{')
        || !common::JsonText::duplicateKeys(scan.sanitized).isEmpty()) {
        fail(7, CheckName::ClaimsMap, 401,
            QStringLiteral("Token sent by client is invalid: the payload is not a JSON object"),
            QStringLiteral("the payload does not decode into map[string]interface{}"));
    } else if (scan.overflow) {
        fail(7, CheckName::ClaimsMap, 401,
            QStringLiteral("Token sent by client is invalid: json: cannot unmarshal number %1 into Go value of type "
                           "float64")
                .arg(scan.overflowLiteral),
            QStringLiteral("%1 holds a number float64 cannot represent")
                .arg(scan.overflowMembers.join(QStringLiteral(", "))));
    } else {
        pass(7, CheckName::ClaimsMap,
            QStringLiteral("%1 claim(s) decoded (second key lookup and verification give the same "
                           "result)")
                .arg(m_run.claims.size()));
    }
}

void SimulationPipeline::rejecters()
{
    if (!m_run.claimsDecoded) {
        notEvaluated(8, CheckName::Revocation, QStringLiteral("no claims"));
        return;
    }
    const QStringList &revoked = m_sim.m_revoked;
    QStringList notes;
    QString revokedEntry;
    if (m_setup.revokerConfigured) {
        for (const QString &k : m_setup.revokerTokenKeys) {
            const QJsonValue v = m_run.claims.value(k);
            if (v.isUndefined())
                notes << QStringLiteral("%1 absent").arg(k);
            else if (!v.isString())
                notes << QStringLiteral("%1 is a %2: never tested (only string claims are)").arg(k, GoJson::kindOf(v));
            else if (const QString entry = k + u'-' + v.toString(); revoked.contains(entry)) {
                if (revokedEntry.isEmpty())
                    revokedEntry = entry;
            } else
                notes << QStringLiteral("\"%1\" not revoked").arg(entry);
        }
    } else {
        notes << QStringLiteral("no auth/revoker at the service level");
        if (!revoked.isEmpty())
            finding(Severity::Warning, "revoked_without_revoker", QStringLiteral("auth/revoker"),
                QStringLiteral("revoked entries were given but the service has no auth/revoker: KrakenD "
                               "rejects nothing"));
    }
    if (m_setup.hasCelJwtRules) {
        notes << QStringLiteral("validation/cel JWT expressions are not evaluated by this simulator");
        finding(Severity::Info, "cel_not_simulated", QStringLiteral("validation/cel"),
            QStringLiteral("the endpoint has CEL expressions on JWT: they run here and may reject the token "
                           "(401), but this simulator does not evaluate them"));
    }
    if (!revokedEntry.isEmpty())
        fail(8, CheckName::Revocation, 401, QStringLiteral("Token sent by client rejected"),
            QStringLiteral("\"%1\" is in the revocation list (bloom filter)").arg(revokedEntry));
    else
        pass(8, CheckName::Revocation, notes.join(QStringLiteral("; ")));
}

// ---------------------------------------------------------------------- steps 9-13: after the checks

void SimulationPipeline::rolesAndScopes()
{
    if (!m_run.claimsDecoded) {
        notEvaluated(9, CheckName::Roles, QStringLiteral("no claims"));
        notEvaluated(10, CheckName::Scopes, QStringLiteral("no claims"));
        return;
    }
    auto record = [this](int step, CheckName name, const Matchers::Match &m, const QString &forbidden,
                      const QString &what) {
        if (m.kind == Matchers::MatchKind::Pass)
            pass(step, name, m.detail);
        else if (m.kind == Matchers::MatchKind::Fail)
            fail(step, name, 403, forbidden, m.detail);
        else
            fail(step, name, 500,
                QStringLiteral("KrakenD panics while matching %1 (gin Recovery answers 500): %2").arg(what, m.panic),
                m.detail);
    };
    if (m_cfg.roles().isEmpty())
        pass(9, CheckName::Roles, QStringLiteral("no roles required"));
    else
        record(9, CheckName::Roles, Matchers::roles(m_cfg, m_run.claims),
            QStringLiteral("Token sent by client does not have sufficient roles"), QStringLiteral("roles"));
    if (!m_cfg.scopesCheckEnabled())
        pass(10, CheckName::Scopes,
            m_cfg.scopes().isEmpty() ? QStringLiteral("no scopes required")
                                     : QStringLiteral("scopes are listed but scopes_key is empty: "
                                                      "KrakenD skips the check"));
    else
        record(10, CheckName::Scopes, Matchers::scopes(m_cfg, m_run.claims),
            QStringLiteral("Token sent by client does not have the required scopes"), QStringLiteral("scopes"));
}

void SimulationPipeline::propagateClaims()
{
    const bool preserveArrays = m_run.result.preserveArrays;
    QList<PropagatedHeader> &propagated = m_run.propagated;
    QStringList notes;
    const QList<QStringList> pairs = m_cfg.propagateClaims();
    // CalculateHeadersToPropagate fills a map by the raw header name (a later pair replaces an earlier one);
    // Header.Set then canonicalises in map order, which Go randomises: same-canonical names are ambiguous.
    QList<QPair<QString, PropagatedHeader>> byRaw;
    for (int i = 0; i < pairs.size(); ++i) {
        const QStringList &pair = pairs[i];
        if (pair.size() != 2) {
            notes << QStringLiteral("pair %1 skipped (%2 elements)").arg(i).arg(pair.size());
            continue;
        }
        const QJsonValue v = Matchers::propagationValue(m_run.claims, pair[0]);
        PropagatedHeader h {HeaderFormatter::canonicalHeaderName(pair[1]),
            preserveArrays ? HeaderFormatter::formatPreservingArray(v) : QStringList {HeaderFormatter::format(v)},
            pair[0]};
        bool replaced = false;
        for (auto &[raw, existing] : byRaw)
            if (raw == pair[1]) {
                existing = h;
                replaced = true;
            }
        if (!replaced)
            byRaw.append({pair[1], h});
    }
    for (const auto &[raw, h] : std::as_const(byRaw)) {
        bool merged = false;
        for (auto &existing : propagated)
            if (existing.name == h.name) {
                finding(Severity::Warning, "propagate_claims_same_header", h.name,
                    QStringLiteral("two propagate_claims pairs write %1 under different spellings: Go applies "
                                   "them in random map order, so either value may win (shown: the later one)")
                        .arg(h.name));
                existing = h;
                merged = true;
            }
        if (!merged)
            propagated.append(h);
    }
    QStringList shown;
    for (auto &h : propagated) {
        const auto &input = m_setup.inputHeaders;
        h.reachesBackend = !input || input->contains(QStringLiteral("*")) || input->contains(h.name);
        shown << QStringLiteral("%1 = %2%3")
                     .arg(h.name,
                         preserveArrays ? compact(QJsonArray::fromStringList(h.values))
                                        : QStringLiteral("\"%1\"").arg(h.values.value(0)),
                         h.reachesBackend ? QString()
                                          : QStringLiteral(" (dropped before the backend: not in input_headers)"));
        if (!h.reachesBackend)
            finding(Severity::Warning, "propagated_header_not_forwarded", h.name,
                QStringLiteral("%1 is filled from claim %2, but the endpoint's input_headers does not list it: "
                               "KrakenD's proxy drops it before the backend, which never receives it. Add \"%1\" to "
                               "input_headers")
                    .arg(h.name, h.claim));
    }
    if (pairs.isEmpty())
        pass(11, CheckName::PropagateClaims, QStringLiteral("nothing to propagate"));
    else
        pass(11, CheckName::PropagateClaims,
            (shown.isEmpty() ? QStringLiteral("no header") : shown.join(QStringLiteral(", ")))
                + (notes.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(notes.join(QStringLiteral("; ")))));
}

void SimulationPipeline::urlParams()
{
    static const QRegularExpression placeholder(QStringLiteral("\\{JWT\\.([A-Za-z0-9_\\-.:/]+)\\}"));
    QList<UrlParam> &params = m_run.params;
    for (const QString &pattern : m_setup.urlPatterns) {
        auto it = placeholder.globalMatch(pattern);
        while (it.hasNext()) {
            const QString claim = it.next().captured(1);
            UrlParam p {QStringLiteral("JWT.") + claim, claim, QString(), false};
            const QJsonValue v = m_run.claims.value(claim); // literal top-level lookup, no nesting
            if (!v.isUndefined()) {
                p.value = HeaderFormatter::format(v);
                p.resolved = true;
            }
            params.append(p);
        }
    }
    QStringList shown;
    for (const auto &p : std::as_const(params))
        shown << (p.resolved
                ? QStringLiteral("{%1} = \"%2\"").arg(p.name, p.value)
                : QStringLiteral("{%1} stays unreplaced (no top-level claim \"%2\")").arg(p.name, p.claim));
    pass(12, CheckName::UrlParams,
        shown.isEmpty() ? QStringLiteral("no {JWT.x} placeholder in the backends") : shown.join(QStringLiteral(", ")));
}

void SimulationPipeline::backend()
{
    pass(13, CheckName::Backend,
        QStringLiteral("the request goes on to the next handler (Lua, rate limit, backend proxy or "
                       "signer); the backend's answer decides the final status"));
}

// ----------------------------------------------------------------- assemble: KrakenD stops at the first failure

void SimulationPipeline::assemble()
{
    SimulationResult &r = m_run.result;
    const QList<Eval> &evals = m_run.evals;
    int stop = -1;
    for (int i = 0; i < evals.size(); ++i)
        if (evals[i].outcome == EvalOutcome::Fail) {
            stop = i;
            break;
        }
    for (int i = 0; i < evals.size(); ++i) {
        const Eval &e = evals[i];
        SimulationCheck c {e.step, e.name, CheckResult::Skip, e.detail, e.status};
        if (stop < 0 || i < stop) {
            c.outcome = e.outcome == EvalOutcome::Pass ? CheckResult::Pass : CheckResult::Skip;
            if (e.outcome == EvalOutcome::NotEvaluated)
                c.detail = QStringLiteral("not evaluated: ") + e.detail;
        } else if (i == stop) {
            c.outcome = CheckResult::Fail;
        } else {
            switch (e.outcome) {
            case EvalOutcome::Pass:
                c.detail = QStringLiteral("not reached; would pass: ") + e.detail;
                break;
            case EvalOutcome::Fail:
                c.detail = QStringLiteral("not reached; would fail (%1): %2").arg(e.status).arg(e.detail);
                c.wouldAlsoFail = true;
                r.alsoFails.append(SimulationCheck {e.step, e.name, CheckResult::Fail, e.detail, e.status, true});
                break;
            case EvalOutcome::NotEvaluated:
                c.detail = QStringLiteral("not reached; not evaluated: ") + e.detail;
                break;
            }
        }
        r.checks.append(c);
    }
    r.stoppedAt = stop;
    if (stop >= 0) {
        r.status = evals[stop].status;
        r.reason = evals[stop].reason;
        if (r.status == kNotStarted)
            r.startupLog = m_run.startupLog;
    } else {
        r.status = 200;
        r.reason = QStringLiteral("Token accepted: KrakenD passes the request on to the backend");
        r.propagatedHeaders = m_run.propagated;
        r.urlParams = m_run.params;
    }
}

} // namespace jwb::krakend
