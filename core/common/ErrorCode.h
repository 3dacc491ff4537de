#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace jwb::common {

struct Error;

/// The error codes that more than one layer looks at (core decides, the CLI picks an exit code, the GUI picks
/// its words), typed so that a comparison cannot misspell one. common::Error::code stays a QString, because
/// `--json` prints it and many codes are only ever shown; errorCodeText() gives the exact text each enumerator
/// stands for, and Error::is() compares. Add a code here when code outside its producer starts comparing it.
enum class ErrorCode {
    Usage, ///< "usage": a wrong option or argument (exit 2)
    // keysource::HttpFetch
    InvalidUrl, ///< "invalid_url"
    InsecureUrl, ///< "insecure_url": not https (and not allowed insecure)
    DnsFailure, ///< "dns_failure"
    ConnectionRefused, ///< "connection_refused"
    TlsError, ///< "tls_error"
    PinMismatch, ///< "pin_mismatch"
    Timeout, ///< "timeout"
    TooLarge, ///< "too_large": a response, or a workspace file, over its size limit
    RedirectInsecure, ///< "redirect_insecure"
    InvalidRedirect, ///< "invalid_redirect"
    TooManyRedirects, ///< "too_many_redirects"
    HttpStatus, ///< "http_status": an answer, but not 2xx
    NetworkError, ///< "network_error": any other network failure
    Cancelled, ///< "cancelled"
    // keysource::JwksFetcher, keys::JwkSet
    InvalidJson, ///< "invalid_json": also a workspace file that is not JSON
    NotJwks, ///< "not_jwks"
    EmptyJwks, ///< "empty_jwks"
    InvalidJwk, ///< "invalid_jwk"
    NoJwksUri, ///< "no_jwks_uri"
    IssuerMismatch, ///< "issuer_mismatch"
    // common::BoundedFile, keys::KeyLoader
    UnreadableFile, ///< "unreadable_file"
    InputTooLarge, ///< "input_too_large"
    UnknownKeyFormat, ///< "unknown_key_format"
    // key ring and workspaces (ui today)
    SecretNotStored, ///< "secret_not_stored": a secret the workspace file does not hold and the keychain did not give
    CannotRead, ///< "cannot_read"
    NotWorkspace, ///< "not_workspace"
    UnsupportedWorkspace, ///< "unsupported_workspace": a newer format version
    InvalidWorkspace, ///< "invalid_workspace"
    // workspace::KeyRing, workspace::TrustStore
    NoKey, ///< "no_key": a key source with nothing to load
    InvalidCertificate, ///< "invalid_certificate": a CA file or text that holds no PEM or DER certificate
};

/// The exact text of `code` ("too_many_redirects" for ErrorCode::TooManyRedirects).
[[nodiscard]] QString errorCodeText(ErrorCode code);
/// The code with exactly this text; nullopt for the many codes not in the enum.
[[nodiscard]] std::optional<ErrorCode> errorCodeFromText(QStringView text);
/// Every code, in declaration order.
[[nodiscard]] const QList<ErrorCode> &allErrorCodes();

/// The request got no usable answer because of the network or TLS: dns_failure, connection_refused, tls_error,
/// pin_mismatch, timeout, network_error, too_many_redirects, redirect_insecure, cancelled. An HTTP status, a body
/// too large or not a key set are answers, not network errors. The simulator reports these as network_error
/// (the CLI's exit code 3).
[[nodiscard]] bool isNetworkError(const Error &error);
/// The user's input is wrong rather than the network or the remote side: usage, invalid_url, insecure_url. The
/// CLI answers exit code 2 for them, 3 for every other failed fetch.
[[nodiscard]] bool isUsageError(const Error &error);

} // namespace jwb::common
