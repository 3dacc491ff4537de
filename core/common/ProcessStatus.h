#pragma once

#include <QtGlobal>

namespace jwb::common {

/// A "kB" field of this process's /proc/self/status ("VmRSS" for the resident set now, "VmHWM" for its peak), in
/// KiB; -1 where there is no such file or field (not Linux). For the start-up probe and the benchmarks.
[[nodiscard]] qint64 processStatusKb(const char *field);

} // namespace jwb::common
