// libFuzzer entry of one target, chosen at compile time (JWB_FUZZ_TARGET, see CMakeLists.txt).
#include "FuzzTargets.h"

#include <cstdio>
#include <cstdlib>

#ifndef JWB_FUZZ_TARGET
#error "JWB_FUZZ_TARGET must name a target of FuzzTargets.h"
#endif

namespace {
const jwb::fuzz::Target *g_target = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    jwb::fuzz::initialize();
    g_target = jwb::fuzz::findTarget(JWB_FUZZ_TARGET);
    if (!g_target) {
        std::fprintf(stderr, "unknown fuzz target %s\n", JWB_FUZZ_TARGET);
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return g_target->entry(data, size);
}
