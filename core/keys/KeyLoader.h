#pragma once

#include "common/Result.h"
#include "keys/JwkSet.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace jwb::keys {

enum class SecretEncoding { Utf8, Base64, Base64Url, Hex };

/// Reads keys from whatever a user has: a JWK Set, a JWK, PEM (SPKI, PKCS#1, PKCS#8, SEC1, certificates,
/// several blocks) or DER, detected from the content. Files are limited to 4 MiB.
namespace KeyLoader {
[[nodiscard]] common::Result<JwkSet> load(const QByteArray &data);
[[nodiscard]] common::Result<JwkSet> loadFile(const QString &path);
[[nodiscard]] common::Result<SecretEncoding> encodingFromName(const QString &name);
[[nodiscard]] common::Result<JwkSet> fromSecret(const QByteArray &text, SecretEncoding encoding);
/// "utf8", "base64", "base64url", "hex": the names encodingFromName() reads.
[[nodiscard]] QString encodingName(SecretEncoding encoding);

/// What a text a user pasted is: a key (load() succeeds), no key but plausibly a shared secret (one line, no PEM
/// armour, no JSON), or neither.
struct Pasted
{
    enum class Kind {
        Empty, ///< blank text
        Key, ///< `keys` holds what load() read
        Secret, ///< load() failed (`error`), and the text looks like a shared secret read as `encoding`
        NotAKey, ///< load() failed (`error`), and the text does not look like a secret either
    };
    Kind kind = Kind::Empty;
    std::optional<JwkSet> keys;
    std::optional<common::Error> error;
    /// For a secret: hex only when it clearly is (at least 32 hex digits, an even number of them); anything else
    /// is taken as written (UTF-8), the way KrakenD's HS keys are usually typed.
    SecretEncoding encoding = SecretEncoding::Utf8;
};
[[nodiscard]] Pasted classifyPasted(const QString &text);
} // namespace KeyLoader

} // namespace jwb::keys
