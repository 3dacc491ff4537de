#pragma once

#include "common/CancelToken.h"
#include "common/Check.h"
#include "common/Clock.h"
#include "common/Finding.h"
#include "common/Result.h"
#include "keys/JwkSet.h"
#include "keysource/HttpFetch.h"
#include "krakend/JwkCacheTimeline.h"
#include "krakend/ValidatorConfig.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace jwb::krakend {

/// The "status" of a simulation in which KrakenD does not start at all (a fatal log line at start-up, or a panic
/// while building an endpoint's handler): no request gets any HTTP answer. Distinct from 500, which is an answer.
inline constexpr int kNotStarted = -1;

/// "200 OK", "400 Bad Request", "401 Unauthorized", "403 Forbidden", "500 Internal Server Error", "KrakenD would not
/// start" (kNotStarted); other codes as digits.
[[nodiscard]] QString statusText(int status);

/// One step of KrakenD's pipeline (docs/krakend-jwt.md §3): the step number of the spec's table (0 for the
/// startup checks of §3a), a stable name, the outcome, a sentence, and the status KrakenD answers when this
/// check fails (401, 403 or 500; 0 if it cannot fail). The one check type of every verification (common::Check).
using SimulationCheck = common::Check;
/// pass, fail or skip (common::outcomeText gives the words "pass", "fail", "skip").
using CheckResult = common::Outcome;

/// A header KrakenD writes into the request before it goes on (propagate_claims).
struct PropagatedHeader
{
    QString name; ///< canonical form, e.g. X-Krakend-Sub
    QStringList values; ///< one value in default mode; one per array element in preserve-array mode
    QString claim; ///< the claim it came from
    /// false when the endpoint's input_headers does not list it (nor "*"): lura's proxy drops it before the
    /// backend. Always true when the endpoint is not known (a bare validator block).
    bool reachesBackend = true;
};

/// A `{JWT.x}` placeholder of a backend url_pattern.
struct UrlParam
{
    QString name; ///< "JWT.sub", KrakenD's parameter name
    QString claim; ///< "sub"
    QString value;
    bool resolved = false; ///< false: the claim is missing and the placeholder stays in the path
};

/// The HTTP request to simulate: headers as sent (names in any case; the first of repeated names counts, as
/// with Go's Header.Get) and cookies (sent as `Cookie: name=value` lines after the explicit headers).
struct SimulationRequest
{
    QString method = QStringLiteral("GET");
    QList<QPair<QString, QString>> headers;
    QList<QPair<QString, QString>> cookies;
};

/// Everything about the endpoint besides the request: the validator block, where relative file names are
/// resolved, the backends' url_patterns, and the service-level revoker.
struct SimulationSetup
{
    ValidatorConfig validator;
    bool hasValidator = false;
    QString endpoint;
    QString method = QStringLiteral("GET");
    QStringList urlPatterns; ///< backend url_pattern values (for `{JWT.x}`)
    /// The endpoint's input_headers (names canonicalised, "*" kept), when the setup comes from an endpoint object;
    /// nullopt for a bare validator block. Propagated headers it does not list never reach the backend.
    std::optional<QStringList> inputHeaders;
    QString baseDir; ///< directory of the config file (jwk_local_path, jwk_local_ca)
    bool revokerConfigured = false; ///< service-level auth/revoker (bloom filter) present
    QStringList revokerTokenKeys; ///< its token_keys
    bool hasCelJwtRules = false; ///< validation/cel expressions on the JWT (not evaluated here)
    QString blockError; ///< the validator block is not a JSON object: Go's decoding error
    /// The krakend.json itself keeps KrakenD from starting (ConfigDocument::fileStartupProblem: a byte order mark,
    /// a version other than 3); the caller that read the file sets it. KrakenD then does not start (kNotStarted).
    QString configError;
    common::Findings findings; ///< about the endpoint lookup (legacy namespaces, version, ...)

    /// An endpoint of a krakend.json (version 3): its auth/validator (or the legacy key), backends, CEL, plus
    /// the root's service-level auth/validator and auth/revoker (or github_com/devopsfaith/bloomfilter).
    [[nodiscard]] static SimulationSetup fromEndpoint(
        const QJsonObject &root, const QJsonObject &endpoint, const QString &baseDir);
    /// A file holding a validator: a bare block, an extra_config fragment {"auth/validator": {...}}, or an
    /// endpoint object.
    [[nodiscard]] static SimulationSetup fromValidatorDocument(const QJsonObject &document, const QString &baseDir);
    /// Records what the krakend.json text itself does to KrakenD's start (ConfigDocument::fileStartupProblem):
    /// sets configError and adds the finding. Callers that read the file call it after fromEndpoint().
    void checkConfigText(const QByteArray &text);
    /// The endpoint of `root` with this path and method (case-insensitive; KrakenD's default method is GET).
    /// Paths match exactly, or segment by segment with `{param}` segments matching anything.
    [[nodiscard]] static std::optional<QJsonObject> findEndpoint(
        const QJsonObject &root, const QString &path, const QString &method);
    /// The validator block of an endpoint object: "auth/validator" wins over the legacy key, as in lura's
    /// alias normalisation. Empty when there is none.
    [[nodiscard]] static std::optional<QJsonObject> validatorBlock(const QJsonObject &endpoint);
};

/// What KrakenD would do with one request.
struct SimulationResult
{
    int status = 0; ///< 200, 400 (Go's server refuses the header bytes), 401, 403 or 500; kNotStarted when KrakenD
                    ///< would not start (see startupLog)
    QString reason; ///< one line: KrakenD's log text for the stopping check, or why it passed
    QList<SimulationCheck> checks; ///< every step in order; the first "fail" is where KrakenD stopped
    int stoppedAt = -1; ///< index in checks, -1 when everything passed
    /// Checks after the stop that would fail too (evaluated anyway): outcome Fail, their own detail; the same
    /// checks are in `checks` as skipped with wouldAlsoFail set.
    QList<SimulationCheck> alsoFails;
    QList<PropagatedHeader> propagatedHeaders; ///< what KrakenD writes into the request (only when status is 200)
    bool preserveArrays = false;
    QList<UrlParam> urlParams;
    common::Findings configFindings;
    QString keySource; ///< where the keys came from
    /// jwk_url sources: the downloads of the key set a freshly started KrakenD makes up to and including this
    /// request (the start-up warm-up with cache, the refetch an unknown kid causes, two per request without cache;
    /// JwkCacheTimeline). Empty for jwk_local_path, or when the configuration fails before any download.
    QList<JwkFetch> jwkFetches;
    bool networkError = false; ///< fetching jwk_url failed at the network level (the CLI exits 3)
    bool complete = true; ///< false when something could not be simulated (see incompleteReason)
    QString incompleteReason;
    QDateTime evaluatedAt;
    /// When KrakenD would not start: the line it logs before it exits (or the panic), without the simulator's
    /// "KrakenD would not start: " prefix that `reason` has.
    QString startupLog;

    /// KrakenD exits at start-up: no request is answered (status kNotStarted).
    [[nodiscard]] bool startupFatal() const { return status == kNotStarted; }
    [[nodiscard]] const SimulationCheck *stoppingCheck() const { return stoppedAt >= 0 ? &checks[stoppedAt] : nullptr; }
    /// The check with this name, or nullptr.
    [[nodiscard]] const SimulationCheck *check(common::CheckName name) const;
    /// The same by its text ("signature"); nullptr for an unknown name.
    [[nodiscard]] const SimulationCheck *check(const QString &name) const;
    /// docs/cli.md field names: status, reason, checks [{step, name, result, detail}], propagated_headers (name →
    /// string, or array of strings in preserve-array mode), url_params, config_findings; plus stopped_at,
    /// also_fails, unresolved_url_params, key_source, network_error, complete, evaluated_at; `startup` ("ok", or
    /// "fatal" with `startup_log` and a null `status`); `not_forwarded_headers` (propagated headers the endpoint's
    /// input_headers does not let through to the backend); `jwk_fetches` ([{when: "start-up"|"request", reason,
    /// kid}]).
    [[nodiscard]] QJsonObject toJson() const;
};

/// Fetches a JWK Set URL (the raw response; KrakenD ignores the HTTP status). Injected so that tests and the UI
/// decide how the network is reached. The token is cancelled when the caller stops waiting (Jobs, a Cancel
/// button): a downloader that blocks polls it and returns a `cancelled` error soon after.
using CancellableJwksDownloader = std::function<common::Result<keysource::HttpResponse>(
    const QUrl &url, const keysource::NetworkOptions &options, const common::CancelToken &cancel)>;
/// The same for downloaders that answer at once and need no cancelling (tests, offline stand-ins).
using JwksDownloader
    = std::function<common::Result<keysource::HttpResponse>(const QUrl &url, const keysource::NetworkOptions &options)>;

/// KrakenD CE's auth/validator, simulated: what it answers for one request to one endpoint, and why.
///
/// run() follows docs/krakend-jwt.md to the letter. Startup (§3a, step 0 "config"): a block Go cannot decode or a
/// jwk_url without "https://" (and no disable_jwk_security, which also hits jwk_local_path) make KrakenD answer
/// 401 to every request; validator-creation errors (unknown alg, bad fingerprint, unreadable jwk_local_ca,
/// cache with jwk_local_path, an unreadable or unparsable jwk_local_path file) and the roles_key slice panic stop
/// KrakenD itself, as do a krakend.json with a byte order mark or a version other than 3. A process that does not
/// start answers nothing: those results have status kNotStarted, the reason "KrakenD would not start: ..." and the
/// log line in startupLog.
/// Per request (§3b): 1 token (header auth_header_name, Bearer stripping, cookie fallback only when the header is
/// absent or empty), 1 parse (go-jose: whitespace removed, compact or JSON serialization, base64url with
/// trailing '=', header types, duplicate keys), 2 alg, 3 key (strategy, whole-set JWKS decoding, private keys
/// refused), 4 signature, 5 claim_types, 6 iss → aud → nbf → exp → iat (leeway ≥ 1s), 7 claims_map,
/// 8 revocation (revoked "claim-value" strings stand in for the bloom filter), 9 roles, 10 scopes (non-string
/// array elements make KrakenD panic: 500), 11 propagate_claims, 12 url_params, 13 backend.
///
/// Checks collect rather than stop: after KrakenD's stopping point every remaining check is still evaluated
/// where possible and reported as skipped ("not reached") with what it would say; those that would fail are
/// listed in alsoFails. Time comes from the injected clock. Keys come from the config's own source (the
/// jwk_local_path file resolved against SimulationSetup::baseDir, or jwk_url downloaded with the config's TLS
/// settings) unless a replacement JWK Set is given; every other rule of the config still applies.
class Simulator
{
public:
    explicit Simulator(SimulationSetup setup);

    void setClock(std::shared_ptr<const common::Clock> clock) { m_clock = std::move(clock); }
    /// Replaces where keys come from (the CLI's --jwks): the JSON text of a JWK Set, decoded with KrakenD's rules
    /// (as the jwk_local_path file when the config uses one, else as the jwk_url download). It replaces the keys
    /// of a configured source; a block with neither jwk_url nor jwk_local_path has no source to replace, and
    /// KrakenD's answer (a download from the empty URL fails: 401) stands.
    void setReplacementJwks(const QByteArray &json, const QString &label);
    /// The same with a key ring's set: each key's JSON as it was given (private members included, so that
    /// KrakenD's refusal of private JWKs shows).
    void setReplacementKeys(const keys::JwkSet &set, const QString &label);
    /// Revoked entries as the bloom filter holds them: "<claim>-<value>", e.g. "jti-mnb23vcsrt756yuiomnbvcx98ertyuiop".
    void setRevoked(const QStringList &entries) { m_revoked = entries; }
    void setDownloader(CancellableJwksDownloader downloader) { m_downloader = std::move(downloader); }
    /// A downloader that cannot be cancelled (it answers at once).
    void setDownloader(JwksDownloader downloader);
    /// Network timeout of the default downloader.
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    [[nodiscard]] const SimulationSetup &setup() const { return m_setup; }
    /// What KrakenD answers to `request`. `cancel` reaches the JWK Set download (the only step that waits):
    /// once cancelled, the download fails with `cancelled` (a network error) and the run completes with it.
    [[nodiscard]] SimulationResult run(
        const SimulationRequest &request, const common::CancelToken &cancel = common::CancelToken()) const;

    /// A downloader that performs a blocking HttpFetch in a local event loop (needs a QCoreApplication on the
    /// thread, or any thread when called from a QThreadPool job: the loop is its own). It looks at the cancel
    /// token every kCancelPollMs and then cancels the fetch.
    [[nodiscard]] static CancellableJwksDownloader networkDownloader(int timeoutMs = 10000);
    static constexpr int kCancelPollMs = 50;

private:
    friend class SimulationPipeline;

    SimulationSetup m_setup;
    std::shared_ptr<const common::Clock> m_clock = common::Clock::system();
    std::optional<QByteArray> m_replacement;
    QString m_replacementLabel;
    QStringList m_revoked;
    CancellableJwksDownloader m_downloader;
    int m_timeoutMs = 10000;
};

} // namespace jwb::krakend
