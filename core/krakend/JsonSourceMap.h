#pragma once

// Forwarder: the source map moved to common/JsonSource.h (the one text-preserving JSON layer). Kept until
// krakend/ConfigDocument.h (issue #18's package this phase) includes common/JsonSource.h itself; then deleted.
#include "common/JsonSource.h"

namespace jwb::krakend {
using common::JsonSourceMap;
using common::serializeJson;
} // namespace jwb::krakend
