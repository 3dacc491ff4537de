#include "common/ErrorCode.h"

#include "common/Error.h"
#include "common/NameTable.h"

#include <algorithm>

namespace jwb::common {

namespace {

constexpr NameTable<ErrorCode, 31> kErrorCodes {{{
    {ErrorCode::Usage, u"usage"},
    {ErrorCode::InvalidUrl, u"invalid_url"},
    {ErrorCode::InsecureUrl, u"insecure_url"},
    {ErrorCode::DnsFailure, u"dns_failure"},
    {ErrorCode::ConnectionRefused, u"connection_refused"},
    {ErrorCode::TlsError, u"tls_error"},
    {ErrorCode::PinMismatch, u"pin_mismatch"},
    {ErrorCode::Timeout, u"timeout"},
    {ErrorCode::TooLarge, u"too_large"},
    {ErrorCode::RedirectInsecure, u"redirect_insecure"},
    {ErrorCode::InvalidRedirect, u"invalid_redirect"},
    {ErrorCode::TooManyRedirects, u"too_many_redirects"},
    {ErrorCode::HttpStatus, u"http_status"},
    {ErrorCode::NetworkError, u"network_error"},
    {ErrorCode::Cancelled, u"cancelled"},
    {ErrorCode::InvalidJson, u"invalid_json"},
    {ErrorCode::NotJwks, u"not_jwks"},
    {ErrorCode::EmptyJwks, u"empty_jwks"},
    {ErrorCode::InvalidJwk, u"invalid_jwk"},
    {ErrorCode::NoJwksUri, u"no_jwks_uri"},
    {ErrorCode::IssuerMismatch, u"issuer_mismatch"},
    {ErrorCode::UnreadableFile, u"unreadable_file"},
    {ErrorCode::InputTooLarge, u"input_too_large"},
    {ErrorCode::UnknownKeyFormat, u"unknown_key_format"},
    {ErrorCode::SecretNotStored, u"secret_not_stored"},
    {ErrorCode::CannotRead, u"cannot_read"},
    {ErrorCode::NotWorkspace, u"not_workspace"},
    {ErrorCode::UnsupportedWorkspace, u"unsupported_workspace"},
    {ErrorCode::InvalidWorkspace, u"invalid_workspace"},
    {ErrorCode::NoKey, u"no_key"},
    {ErrorCode::InvalidCertificate, u"invalid_certificate"},
}}};
static_assert(
    kErrorCodes.inDeclarationOrder() && std::size_t(ErrorCode::InvalidCertificate) + 1 == kErrorCodes.rows.size(),
    "kErrorCodes: one row per ErrorCode, in declaration order");

bool isOneOf(const Error &error, std::initializer_list<ErrorCode> codes)
{
    return std::any_of(codes.begin(), codes.end(), [&error](ErrorCode code) { return error.is(code); });
}

} // namespace

QString errorCodeText(ErrorCode code)
{
    return kErrorCodes.text(code);
}

std::optional<ErrorCode> errorCodeFromText(QStringView text)
{
    return kErrorCodes.fromText(text);
}

const QList<ErrorCode> &allErrorCodes()
{
    static const QList<ErrorCode> codes = kErrorCodes.all();
    return codes;
}

bool isNetworkError(const Error &error)
{
    return isOneOf(error,
        {ErrorCode::DnsFailure, ErrorCode::ConnectionRefused, ErrorCode::TlsError, ErrorCode::PinMismatch,
            ErrorCode::Timeout, ErrorCode::NetworkError, ErrorCode::TooManyRedirects, ErrorCode::RedirectInsecure,
            ErrorCode::Cancelled});
}

bool isUsageError(const Error &error)
{
    return isOneOf(error, {ErrorCode::Usage, ErrorCode::InvalidUrl, ErrorCode::InsecureUrl});
}

} // namespace jwb::common
