#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QStringList>

namespace jwb::krakend {

class ConfigDocument;

enum class BlockKind { Validator, Signer };

/// How a block is placed on an endpoint that may already have one (`config validator|signer --into`).
struct BlockPlacement
{
    bool replace = false; ///< replace the whole block; default: merge (given members win, every other one stays)
    bool renameLegacy = false; ///< move a block under the legacy namespace key to the short one
};

/// What was (or is to be) written, so that it can be reported exactly.
struct BlockWrite
{
    int endpoint = -1; ///< index of the endpoint in the document
    bool addedEndpoint = false; ///< no endpoint had that path and method: one was appended
    bool hadBlock = false; ///< the endpoint already had this block (it was merged into or replaced)
    bool replaced = false; ///< the block was composed without the previous one (replace, or none before)
    QString key; ///< the extra_config key the block is under now
    QString previousKey; ///< the key it was under before (the short one or the legacy alias); empty when new
    bool renamed = false; ///< previousKey was the legacy alias and was rewritten as `key`
    QJsonObject block; ///< the block as written
    QStringList given; ///< members the caller gave
    QStringList kept; ///< members of the previous block a merge kept as they were
    QJsonObject removed; ///< members of the previous block that are gone, with their previous values
    QStringList removedSecurityRelevant; ///< the names in `removed` that decide who gets in (securityRelevant())
    QStringList defaultsApplied; ///< members taken from the defaults (a token, an issuer)
    QStringList notes; ///< what the export rules adjusted (disable_jwk_security added, cache removed, ...)
    QStringList warnings; ///< what stays wrong: problems of kept members, a legacy key, a byte order mark
};

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

/// The members of a block that decide who gets in and with which keys: removing or changing one silently opens
/// or changes access. Validator: alg, jwk_url, jwk_local_path, issuer, audience, roles, roles_key,
/// roles_key_is_nested, scopes, scopes_key, scopes_matcher, propagate_claims, disable_jwk_security,
/// jwk_fingerprints, jwk_local_ca, cipher_suites, cache, key_identify_strategy, leeway, auth_header_name,
/// cookie_key, secret_url, cypher_key. Signer: alg, kid, keys_to_sign, jwk_url, jwk_local_path,
/// disable_jwk_security, jwk_fingerprints, jwk_local_ca, cipher_suites, full, secret_url, cypher_key.
[[nodiscard]] const QStringList &securityRelevant(BlockKind kind);

/// The block to write. Merge (`replace` false and an `existing` block): the members of `given` win over those of
/// `existing` (a member spelled in another case goes: KrakenD matches names case-insensitively), giving one key
/// source drops the other, every other member stays as it was. Replace: `given` alone. Then `defaults` fill
/// members still absent (a jwk_url default only when there is no key source), and the export rules of
/// validatorBlock()/signerBlock() apply (durations and signer typ/leeway only to given members). A lint error
/// about a member kept from `existing` becomes a warning; any other lint error fails (invalid_option, usage).
[[nodiscard]] common::Result<BlockWrite> composeBlock(BlockKind kind, const QJsonObject &existing,
    const QJsonObject &given, const QJsonObject &defaults = {}, bool replace = false);

/// Places a block on the endpoint `path`/`method` of `doc`: composeBlock() with the endpoint's current block
/// (none, the short key or the legacy alias), written member by member so that untouched bytes stay. Without
/// such an endpoint one is appended (endpoint(), `backendUrl` required). A block under the legacy alias stays
/// under it (with a warning) unless `placement.renameLegacy`; a byte order mark in the file is warned about.
[[nodiscard]] common::Result<BlockWrite> writeEndpointBlock(ConfigDocument &doc, BlockKind kind, const QString &path,
    const QString &method, const QString &backendUrl, const QJsonObject &given, const QJsonObject &defaults,
    const BlockPlacement &placement);
} // namespace ConfigExport

} // namespace jwb::krakend
