#pragma once

#include <QString>

namespace jwb::krakend {

/// The extra_config namespaces this tool edits, with the legacy aliases KrakenD still accepts at run time.
namespace Namespace {
inline const QString validator = QStringLiteral("auth/validator");
inline const QString signer = QStringLiteral("auth/signer");
inline const QString revoker = QStringLiteral("auth/revoker");
inline const QString legacyValidator = QStringLiteral("github.com/devopsfaith/krakend-jose/validator");
inline const QString legacySigner = QStringLiteral("github.com/devopsfaith/krakend-jose/signer");
inline const QString legacyRevoker = QStringLiteral("github_com/devopsfaith/bloomfilter");
} // namespace Namespace

} // namespace jwb::krakend
