#pragma once

#include "common/Finding.h"
#include "common/Result.h"
#include "keys/JwkSet.h"
#include "keysource/JwksFetcher.h"

#include <QCommandLineParser>

#include <optional>

namespace jwb::cli {

/// Keys plus where they came from; `remote` is set for --jwks-url / --issuer.
struct LoadedKeys
{
    keys::JwkSet keys;
    common::Findings findings;
    std::optional<keysource::JwksResult> remote;
};

/// --jwks-url URL, --issuer URL and the network options --ca, --pin, --insecure, --timeout.
void addNetworkOptions(QCommandLineParser &parser, bool withSources);
[[nodiscard]] common::Result<keysource::NetworkOptions> networkOptions(const QCommandLineParser &parser);
/// Local sources (KeyOptions) or network ones. A network failure carries details["network"] = true so that
/// the command exits 3.
[[nodiscard]] common::Result<LoadedKeys> loadAnyKeySource(const QCommandLineParser &parser);
/// Exit code for an error from loadAnyKeySource: 3 for network/TLS errors, 2 otherwise.
[[nodiscard]] int exitCodeFor(const common::Error &error);

} // namespace jwb::cli
