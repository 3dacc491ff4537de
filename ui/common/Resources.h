#pragma once

#include <QString>

namespace jwb::ui {

/// The resources compiled into jwb_ui (icons, demo workspace). A static library's resources must be
/// registered explicitly; every entry point here does it, so callers never have to.
namespace Resources {
void ensureLoaded();
/// The demo token (resources/samples/demo-token.jwt), without its trailing newline.
[[nodiscard]] QString demoToken();
/// A resource file as UTF-8 text; empty when it does not exist.
[[nodiscard]] QString text(const QString &resourcePath);
} // namespace Resources

} // namespace jwb::ui
