#pragma once

// Forwarding header: the key ring lives in core (workspace/KeyRing.h, namespace jwb::workspace). ui::KeyRing is
// an alias of it until issue #17's phase 2 removes this header.
#include "keys/KeyRingFwd.h"
#include "workspace/KeyRing.h"
