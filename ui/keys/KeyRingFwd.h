#pragma once

// ui::KeyRing, ui::KeySource and ui::WorkspaceOrigin are the session model's types in core (workspace/). These
// aliases keep the UI's names while issue #17's phase 2 moves every user to "workspace/KeyRing.h"; include this
// header where a forward declaration is enough.
namespace jwb::workspace {
class KeyRing;
struct KeySource;
enum class WorkspaceOrigin;
} // namespace jwb::workspace

namespace jwb::ui {
using workspace::KeyRing;
using workspace::KeySource;
using workspace::WorkspaceOrigin;
} // namespace jwb::ui
