#pragma once

#include "common/CancelToken.h"
#include "krakend/Simulator.h"
#include "krakend/go/GoJose.h"
#include "krakend/go/GoJson.h"

#include <optional>

namespace jwb::krakend {

/// One run of Simulator::run(): KrakenD's steps in order (docs/krakend-jwt.md §3), one method each, over a
/// small run state. Every step records what it decides as an evaluation (pass, fail with KrakenD's status and
/// log text, or not evaluated); assemble() then stops at the first failure and reports the rest as "not
/// reached", with what they would say. Internal to the simulator: use Simulator.
class SimulationPipeline
{
public:
    SimulationPipeline(const Simulator &simulator, const SimulationRequest &request, common::CancelToken cancel);

    [[nodiscard]] SimulationResult run();

private:
    enum class EvalOutcome { Pass, Fail, NotEvaluated };
    struct Eval
    {
        int step = 0;
        common::CheckName name = common::CheckName::Config;
        EvalOutcome outcome = EvalOutcome::NotEvaluated;
        QString detail;
        int status = 0;
        QString reason;
    };
    using Keys = common::Result<QList<GoJose::Key>>;

    /// What the steps learn, in the order they learn it.
    struct RunState
    {
        SimulationResult result;
        QList<Eval> evals;
        // startup
        bool configOk = false;
        keysource::NetworkOptions tls; ///< the config's TLS for jwk_url
        QStringList fatal; ///< validator-creation errors, in krakend-jose's order
        QString startupLog; ///< what KrakenD logs when it does not start
        std::optional<Keys> localKeys; ///< jwk_local_path (or its replacement), when read
        std::optional<Keys> remoteKeys; ///< jwk_url (or its replacement), once downloaded
        // token
        QList<QPair<QString, QString>> lines; ///< the request's header lines as the server reads them
        std::optional<QString> token;
        std::optional<GoJose::Jws> jws;
        QString tokenAlg;
        std::optional<GoJose::Key> key;
        // claims
        GoJson::Scan payloadScan;
        QJsonObject claims;
        bool claimsDecoded = false;
        QString issuer;
        QStringList aud;
        std::optional<qint64> exp, nbf, iat;
        // after the checks
        QList<PropagatedHeader> propagated;
        QList<UrlParam> params;
    };

    // The answer without a validator, or when the krakend.json itself keeps KrakenD from starting.
    [[nodiscard]] std::optional<SimulationResult> withoutValidator() const;

    // Step 0 (§3a): what KrakenD decides at startup.
    void startup();
    void configureTls();
    void readLocalKeys();
    // Steps 1-4: the token, go-jose's parse, alg, key lookup, signature.
    /// Go's HTTP server reading the header lines (control characters: 400 before any handler).
    [[nodiscard]] bool serverAccepts();
    void extractToken();
    void parse();
    void checkAlg();
    void lookupKey();
    void lookupLocalKey(const QString &idText, const QString &keyId);
    void lookupRemoteKey(const QString &idText, const QString &keyId);
    void verifySignature();
    // Steps 5-8: the claims as go-jose types them, the registered claims, the claims map, rejecters.
    void checkClaimTypes();
    [[nodiscard]] QStringList claimTypeProblems();
    void checkRegisteredClaims();
    void claimsMap();
    void rejecters();
    // Steps 9-13: roles, scopes, what goes on to the backend.
    void rolesAndScopes();
    void propagateClaims();
    void urlParams();
    void backend();
    void assemble();

    // Helpers of the steps.
    void pass(int step, common::CheckName name, const QString &detail);
    void fail(int step, common::CheckName name, int status, const QString &reason, const QString &detail);
    void notEvaluated(int step, common::CheckName name, const QString &detail);
    void finding(common::Severity severity, const char *code, const QString &subject, const QString &message);
    /// Whether --jwks replaces anything: the block must have a key source of its own (jwk_url or jwk_local_path).
    [[nodiscard]] bool replacementApplies() const;
    /// The jwk_url key set (or its replacement), downloaded once.
    const Keys &download();
    [[nodiscard]] std::optional<GoJose::Key> findKey(const QList<GoJose::Key> &keys, const QString &id) const;
    [[nodiscard]] QString idsOf(const QList<GoJose::Key> &keys) const;

    const Simulator &m_sim;
    const SimulationSetup &m_setup;
    const ValidatorConfig &m_cfg;
    const SimulationRequest &m_request;
    common::CancelToken m_cancel;
    RunState m_run;
};

} // namespace jwb::krakend
