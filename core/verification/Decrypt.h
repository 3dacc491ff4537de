#pragma once

#include "common/Error.h"
#include "common/Finding.h"
#include "jose/Inspection.h"
#include "jose/Jwe.h"
#include "verification/Context.h"
#include "verification/Report.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace jwb::verification {

/// Limits and choices of one decryption besides the keys.
struct DecryptOptions
{
    /// p2c and decompression limits, and an expected alg / enc (the CLI's --alg / --enc).
    jose::JweDecryptOptions jwe;
    /// A PBES2 password: tried as one more shared secret after the context's keys.
    QByteArray password;
    /// The context a nested JWT is judged under, given the inner token (the UI resolves its keys from the key ring
    /// as for any token). Empty: the decryption's own context, so that one JWK Set holding the recipient's private
    /// key and the signer's public key does both.
    std::function<Context(const jose::Inspection &inner)> innerContext;
};

/// What decrypting a JWE gave: the header, the content, findings, and for a nested JWT the inner token's inspection
/// and verdict.
struct Decryption
{
    /// Set when nothing was decrypted: "not_jwe", "no_keys", "no_fitting_key", "decryption_failed" (the same words
    /// whatever failed: wrong key, tag or padding), "p2c_too_large", "alg_not_allowed", "invalid_jwe", ...
    std::optional<common::Error> error;
    bool parsed = false; ///< the text is a JWE (compact or JSON) whose parts decode
    jose::JweSerialization serialization = jose::JweSerialization::Compact;
    QJsonObject protectedHeader; ///< as given, also when the decryption failed
    QJsonObject header; ///< the JOSE header of the recipient that was decrypted (protected + unprotected)
    std::optional<jose::JweDecryption> result;
    KeyDescription key; ///< the key that decrypted (index into the candidate list, kid, type, thumbprint)
    common::Findings findings; ///< the engine's (rsa1_5, zip_deflate, pbes2_low_iterations, ...)
    std::optional<jose::Inspection> inner; ///< the nested JWT (cty JWT), inspected
    std::optional<Report> innerReport; ///< ... and judged

    [[nodiscard]] bool decrypted() const { return result.has_value(); }
    /// The plaintext, empty unless decrypted.
    [[nodiscard]] QByteArray content() const { return result ? result->plaintext : QByteArray(); }
    /// The plaintext as indented JSON when it is a JSON object or array, else as UTF-8 text.
    [[nodiscard]] QString contentText() const;
    [[nodiscard]] bool contentIsJson() const;
    /// The `decrypt --json` document: decrypted, protected_header, header, alg, enc, key, content (text or, for
    /// JSON, the value), compressed, findings, and for a nested JWT `nested` {token, header, payload, valid, verdict,
    /// checks, findings}; with an error also `error` {code, message}.
    [[nodiscard]] QJsonObject toJson() const;
};

/// The one entry point for "decrypt this JWE": the Inspector, the CLI's `decrypt` and tests ask it.
///
/// `token` is an inspected input: a compact JWE (Token kind Jwe), or the JWE JSON serialization (flattened or
/// general) as the input text. The candidate keys are the context's that can decrypt: private RSA, EC and OKP
/// (X25519/X448) keys and shared secrets (oct keys: AES key wrap, dir, and PBES2 passwords), then
/// `options.password`. jose::decryptJwe picks the one that fits (alg, key type, kid). The token never supplies its
/// key. A nested JWT (cty JWT, or a plaintext that is itself a compact token) is inspected and judged with
/// verification::verify under `options.innerContext` (else the same context).
/// Keys pending or in error give the matching error ("keys_pending", the key error) without decrypting.
[[nodiscard]] Decryption decrypt(
    const jose::Inspection &token, const Context &context, const DecryptOptions &options = {});

/// Whether `input` (as the user gave it) is a JWE: a compact token of five segments or a JWE JSON serialization.
[[nodiscard]] bool looksLikeJwe(const jose::Inspection &token);

} // namespace jwb::verification
