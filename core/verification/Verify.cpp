#include "verification/Verify.h"

#include "krakend/RequestBuilder.h"
#include "validation/Verifier.h"
#include "verification/SdJwtVerify.h"

#include <algorithm>

namespace jwb::verification {

using common::Verdict;

namespace {

/// A request to the endpoint carrying `token` where its config reads it (krakend::RequestBuilder's one placement
/// rule: the cookie_key cookie when the config names one, else its auth_header_name header with "Bearer "); an empty
/// token is sent nowhere.
krakend::SimulationRequest requestFor(const krakend::SimulationSetup &setup, const QString &input)
{
    krakend::RequestBuilder builder = krakend::RequestBuilder::forEndpoint(setup, input);
    if (krakend::RequestBuilder::bareToken(input).isEmpty())
        builder.setPlacement(krakend::TokenPlacement::nowhere());
    return builder.request();
}

Report unjudged(Verdict verdict, const QString &summary)
{
    Report r;
    r.verdict = verdict;
    r.summary = summary;
    return r;
}

Report generic(const jose::Inspection &token, const Context &context)
{
    validation::Policy rules = context.policy.rules;
    rules.clock = context.clock;
    // An SD-JWT is judged whole, as `verify` of the CLI judges it (one answer): the issuer-signed JWT under these
    // keys and rules, its Disclosures against the digests, and a Key Binding JWT when one is presented.
    std::optional<SdJwtVerification> sd;
    if (token.token.isSdJwt())
        sd = verifySdJwt(token, *context.keys, rules, SdJwtOptions {});
    validation::Report v = sd ? sd->issuer : validation::Verifier::verify(token, *context.keys, rules);
    Report r;
    // Malformed: not even the header decodes, so nothing in the token can be judged. A readable header with a
    // broken payload or signature is a token that fails its parse check: Invalid.
    const bool unreadable = v.malformed && !token.token.headerOk;
    r.verdict = v.valid ? Verdict::Valid : unreadable ? Verdict::Malformed : Verdict::Invalid;
    r.checks = v.checks;
    r.findings = v.findings;
    if (const common::Check *failure = v.firstFailure())
        r.summary = failure->nameText() + QStringLiteral(": ") + failure->detail;
    else
        r.summary = QStringLiteral("the signature and every rule check out");
    r.key = KeyDescription {context.keyLabel, v.keyKid, v.keyType, v.keyThumbprint, v.keyIndex};
    r.generic = std::move(v);
    if (sd) {
        r.findings += sd->sd.problems;
        r.findings += sd->keyBindingProblems;
        if (r.verdict == Verdict::Valid && !sd->valid) {
            r.verdict = Verdict::Invalid;
            const auto problem = std::find_if(r.findings.cbegin(), r.findings.cend(),
                [](const common::Finding &f) { return f.severity == common::Severity::Error; });
            r.summary = QStringLiteral("SD-JWT: %1")
                            .arg(problem != r.findings.cend()
                                    ? problem->message
                                    : QStringLiteral("the Disclosures or the Key Binding JWT do not check out"));
        }
    }
    return r;
}

/// The download of an endpoint's own jwk_url: the context's downloader (or the network), with the context's extra
/// CA added to the config's TLS settings; nothing is fetched once the context is cancelled.
krakend::CancellableJwksDownloader downloaderFor(const Context &context)
{
    krakend::CancellableJwksDownloader inner = krakend::Simulator::networkDownloader(context.tls.timeoutMs);
    if (context.downloader)
        inner = [plain = context.downloader](const QUrl &url, const keysource::NetworkOptions &options,
                    const common::CancelToken &) { return plain(url, options); };
    return [inner = std::move(inner), extraCa = context.tls.extraCa](const QUrl &url,
               const keysource::NetworkOptions &configTls,
               const common::CancelToken &cancel) -> common::Result<keysource::HttpResponse> {
        if (cancel.isCancelled())
            return common::Result<keysource::HttpResponse>::failure(
                common::ErrorCode::Cancelled, QStringLiteral("the verification was cancelled"));
        keysource::NetworkOptions options = configTls;
        options.extraCa += extraCa;
        return inner(url, options, cancel);
    };
}

Report gateway(const jose::Inspection &token, const Context &context)
{
    krakend::SimulationResult result = simulate(requestFor(*context.policy.gateway, token.token.input), context);
    if (context.cancel.isCancelled()) // the download was refused: the result says nothing about the token
        return unjudged(Verdict::NotVerified, QStringLiteral("the verification was cancelled"));
    Report r;
    r.verdict = result.status == 200 ? Verdict::Valid : Verdict::Invalid;
    r.status = result.status;
    r.checks = result.checks;
    r.stoppedAt = result.stoppedAt;
    r.findings = result.configFindings;
    r.summary = result.reason;
    r.key.label = result.keySource;
    r.gateway = std::move(result);
    return r;
}

} // namespace

krakend::SimulationResult simulate(const krakend::SimulationRequest &request, const Context &context)
{
    Q_ASSERT(context.policy.gateway);
    krakend::Simulator simulator(*context.policy.gateway);
    simulator.setClock(context.clock);
    if (context.keys)
        simulator.setReplacementKeys(*context.keys, context.keyLabel);
    simulator.setTimeoutMs(context.tls.timeoutMs);
    simulator.setDownloader(downloaderFor(context));
    return simulator.run(request, context.cancel);
}

Report verify(const jose::Inspection &token, const Context &context)
{
    if (context.cancel.isCancelled())
        return unjudged(Verdict::NotVerified, QStringLiteral("the verification was cancelled"));
    if (context.keysPending)
        return unjudged(Verdict::Pending, QStringLiteral("the keys are still being fetched"));
    if (context.keyError) {
        Report r = unjudged(Verdict::KeyError, context.keyError->toString());
        r.keyError = context.keyError;
        r.key.label = context.keyLabel;
        return r;
    }
    if (token.token.input.trimmed().isEmpty())
        return unjudged(Verdict::NotVerified, QStringLiteral("no token"));
    if (context.policy.isGateway())
        return gateway(token, context);
    if (!context.keys)
        return unjudged(Verdict::NotVerified, QStringLiteral("no key to verify with"));
    return generic(token, context);
}

} // namespace jwb::verification
