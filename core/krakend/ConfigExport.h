#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QStringList>

namespace jwb::krakend {

/// Writes auth/validator and auth/signer blocks that pass KrakenD's schema AND work at run time
/// (docs/krakend-jwt.md §1 "Export recipe"): `alg` plus exactly one key source; `jwk_local_path` implies
/// `disable_jwk_security: true` and no `cache`; plain-http `jwk_url` implies `disable_jwk_security: true`;
/// durations in single-unit form; comments only as `@`/`$`/`_`/`#` members; signer `typ` (run-time only) and
/// `leeway` (ignored by CE) are not written. Every adjustment is reported in `notes`.
namespace ConfigExport {
[[nodiscard]] common::Result<QJsonObject> validatorBlock(const QJsonObject &options, QStringList *notes = nullptr);
[[nodiscard]] common::Result<QJsonObject> signerBlock(const QJsonObject &options, QStringList *notes = nullptr);
/// A whole endpoint: {"endpoint", "method", "backend": [{"url_pattern", "host"}], "extra_config": extra}.
[[nodiscard]] common::Result<QJsonObject> endpoint(
    const QString &path, const QString &method, const QString &backendUrl, const QJsonObject &extraConfig);
/// "1m30s" → "90s", "1500ms" stays; the largest unit that represents the duration exactly.
[[nodiscard]] common::Result<QString> singleUnitDuration(const QString &duration);
} // namespace ConfigExport

} // namespace jwb::krakend
