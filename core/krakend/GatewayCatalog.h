#pragma once

#include "krakend/OptionInfo.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace jwb::krakend {

/// The JWT blocks of a krakend.json that the Gateway edits.
enum class Block {
    Validator, ///< an endpoint's extra_config["auth/validator"]
    Signer, ///< an endpoint's extra_config["auth/signer"]
    ServiceValidator, ///< the service-level extra_config["auth/validator"] (the shared key cache)
    Revoker, ///< the service-level extra_config["auth/revoker"]
};

/// A titled group of a block's options, in display order.
struct OptionGroup
{
    QString id; ///< stable ("keySource", "claims", ...): views translate the title through it
    QString title; ///< English
    QStringList options;
};

/// What the Gateway knows about KrakenD's JWT blocks, as data: each block's options and their groups, the default
/// blocks it writes, the text of a new configuration, the schema version it lints against and the KrakenD versions
/// an option can be flagged against (derived from the options' `since`).
namespace GatewayCatalog {

/// The extra_config namespace of a block ("auth/validator", "auth/signer", "auth/revoker").
[[nodiscard]] QString ns(Block block);
/// Whether the block is in the service-level extra_config (not an endpoint's).
[[nodiscard]] bool isServiceLevel(Block block);
/// Every block, in the order above.
[[nodiscard]] const QList<Block> &blocks();

/// The options of a block: ValidatorConfig's, SignerConfig's, ValidatorConfig's service options, the revoker's.
[[nodiscard]] const QList<OptionInfo> &options(Block block);
/// The groups of a block's options: every option is in exactly one.
[[nodiscard]] const QList<OptionGroup> &groups(Block block);
/// The service-level auth/revoker options (KrakenD v2.13 schema and krakend-ce's bloomfilter).
[[nodiscard]] const QList<OptionInfo> &revokerOptions();

/// The block "Add validator/signer/revoker" writes. A validator downloads from `jwkUrlHint` (a JWK Set URL the
/// session already knows), or from placeholderJwkUrl(). ServiceValidator has no default: an empty object.
[[nodiscard]] QJsonObject defaultBlock(Block block, const QString &jwkUrlHint = {});
[[nodiscard]] QString placeholderJwkUrl();

/// The text of a new, minimal version-3 krakend.json ($schema of schemaVersion(), no endpoints).
[[nodiscard]] QByteArray newConfigText();
/// The KrakenD version whose bundled schema the lint follows ("2.13").
[[nodiscard]] QString schemaVersion();
/// The KrakenD versions a configuration can target, oldest first: "2.0" up to the newest of schemaVersion() and
/// every option's `since`.
[[nodiscard]] QStringList versions();
/// Compares dotted versions numerically ("2.6" < "2.13"): negative, 0 or positive.
[[nodiscard]] int compareVersions(const QString &a, const QString &b);

} // namespace GatewayCatalog

} // namespace jwb::krakend
