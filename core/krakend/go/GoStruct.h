#pragma once

#include "common/Finding.h"
#include "krakend/OptionInfo.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace jwb::krakend {

/// Go's `encoding/json` decoding of a KrakenD extra_config block into a Go struct (krakend-jose's SignatureConfig
/// and SignerConfig, the shared cache's config), and the member-name matching that comes with it.
///
/// KrakenD parses extra_config into a map, marshals the block again and decodes that into the struct. Go's
/// marshalling sorts the map's keys bytewise; its decoding matches a member to a field by exact name, else by
/// Go's case folding (foldName: "ALG", "Alg" and "alg" are one field, and so are the Kelvin sign and 'k', or 'ſ'
/// and 's'), and a later member overwrites an earlier one. Of several spellings of one field, KrakenD therefore
/// reads the one that comes last in bytewise order.
namespace GoStruct {

struct Outcome
{
    QJsonObject values; ///< canonical option name → decoded value
    QStringList present; ///< canonical names the block sets
    QStringList typeErrors; ///< Go's error texts
    common::Findings findings; ///< unknown and case-mismatched members
};

/// Decodes `block` into a struct with these fields. `structName` is used in Go's error text ("json: cannot
/// unmarshal ... into Go struct field SignatureConfig.audience of type []string"); `blockName` in the findings.
[[nodiscard]] Outcome decode(
    const QJsonObject &block, const QList<OptionInfo> &options, const QString &structName, const QString &blockName);

/// Go's case folding of a JSON member name (encoding/json foldName).
[[nodiscard]] QString foldName(const QString &name);
/// The members of `block` that set `option`'s field (its exact name or a Go-folded spelling), in the order Go
/// decodes them (bytewise); the last one is the value KrakenD reads.
[[nodiscard]] QStringList membersFor(const QJsonObject &block, const QString &option);
/// The member of `block` KrakenD reads for `option`: the last of membersFor(). Empty when there is none.
[[nodiscard]] QString memberKey(const QJsonObject &block, const QString &option);
/// `block` with the member KrakenD reads for `option` set to `value` (or removed, for an Undefined value); the
/// option's own name is added when no member sets it yet. Other members keep their names and values.
[[nodiscard]] QJsonObject withValue(QJsonObject block, const QString &option, const QJsonValue &value);

/// Go's `encoding/base64` decoding: `url` selects the URL-safe alphabet, `padded` the '=' padding rule
/// (URLEncoding/StdEncoding vs RawURLEncoding); '\r' and '\n' are skipped and the unused low bits of the last
/// character are not checked, as in Go. On failure `error` gets Go's text ("illegal base64 data at input byte 4").
[[nodiscard]] std::optional<QByteArray> base64(QByteArrayView text, bool url, bool padded, QString *error = nullptr);
/// The closest option name (Levenshtein ≤ 3, or a known legacy spelling), empty if none.
[[nodiscard]] QString didYouMean(const QString &name, const QList<OptionInfo> &options);

} // namespace GoStruct

} // namespace jwb::krakend
