#pragma once

#include "common/Finding.h"
#include "keys/JwkSet.h"
#include "krakend/ConfigDocument.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace jwb::krakend {

/// One lint result, located in the file.
struct LintItem
{
    common::Finding finding;
    QString location; ///< "endpoints[0] GET /orders › auth/validator › cache", or "service › extra_config"
    int endpoint = -1;
};

/// What a lint may cross-check the JWT blocks against.
struct LintContext
{
    QString sampleToken; ///< a token the endpoints should accept
    std::optional<keys::JwkSet> keySet; ///< the keys the validators will use
};

/// Lints every JWT block of a krakend.json at two levels:
/// - schema (KrakenD v2.13's bundled schema, draft 2019-09): unknown or misspelled members (with a
///   did-you-mean), case-mismatched names, JSON types, enums, single-unit durations, `alg` required and
///   exactly one of `jwk_url` / `jwk_local_path`, legacy namespaces, runtime-only members such as signer `typ`;
/// - run time (docs/krakend-jwt.md §1, §3a, §8): what ValidatorConfig and SignerConfig find (401 for every
///   request, start-up failures, silent traps), plus cross-checks with a sample token and key set (alg no key
///   can serve, token kid missing from the set, roles_key path absent from the token, dotted roles_key without
///   the nested flag, scopes given as an array where a string is expected...).
/// Errors are what makes `krakend check --lint` or KrakenD itself fail; warnings are probable mistakes.
namespace Linter {
[[nodiscard]] QList<LintItem> lint(const ConfigDocument &doc, const LintContext &context = {});
/// The same as a job (a big file's lint takes seconds): it stops early, with what it has, once `cancel` is
/// cancelled (the caller drops that result).
[[nodiscard]] QList<LintItem> lint(
    const ConfigDocument &doc, const LintContext &context, const common::CancelToken &cancel);
/// Lint of one block (the `config validator/signer` commands check what they print).
[[nodiscard]] common::Findings lintValidatorBlock(const QJsonObject &block);
[[nodiscard]] common::Findings lintSignerBlock(const QJsonObject &block);
[[nodiscard]] bool hasErrors(const QList<LintItem> &items);
} // namespace Linter

} // namespace jwb::krakend
