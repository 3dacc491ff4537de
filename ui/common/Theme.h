#pragma once

#include "common/Finding.h"
#include "jose/Token.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPalette>
#include <QString>

#include <optional>

namespace jwb::ui {

/// Colours, fonts and icons shared by every view, so that a segment or a severity looks the same everywhere.
/// Colours follow the palette: lighter tones on a dark base, deeper ones on a light base, both readable.
namespace Theme {
[[nodiscard]] bool isDark(const QPalette &palette);
/// jwt.io's convention, toned down: header red, payload purple, signature blue (JWE parts get their own).
[[nodiscard]] QColor segmentColor(jose::SegmentRole role, const QPalette &palette);
/// The dots between segments.
[[nodiscard]] QColor separatorColor(const QPalette &palette);
[[nodiscard]] QColor severityColor(common::Severity severity, const QPalette &palette);
/// A pale background for a banner or a marked character of the given severity.
[[nodiscard]] QColor severityBackground(common::Severity severity, const QPalette &palette);
[[nodiscard]] QIcon severityIcon(common::Severity severity);
/// "Error", "Warning", "Info".
[[nodiscard]] QString severityLabel(common::Severity severity);
/// Renders an SVG resource into an icon with the usual sizes; works without the SVG icon-engine plugin.
/// Not cached: callers that paint often (item models) keep the icon as a member.
[[nodiscard]] QIcon svgIcon(const QString &resourcePath);
[[nodiscard]] QIcon appIcon();
/// The system's fixed-pitch font, used for tokens and JSON.
[[nodiscard]] QFont monospaceFont();

/// View > Theme: follow the desktop, or force a light or dark palette (with the Fusion style, which honours
/// palettes everywhere). Applies to the whole application at once; every view re-colours on PaletteChange.
enum class Mode { System, Light, Dark };
void applyMode(Mode mode);
[[nodiscard]] Mode currentMode();
[[nodiscard]] QString modeName(Mode mode); ///< "system", "light", "dark"
[[nodiscard]] std::optional<Mode> modeFromName(const QString &name);
/// The dark palette used by Mode::Dark (tests and screenshots use it too).
[[nodiscard]] QPalette darkPalette();
[[nodiscard]] QPalette lightPalette();
} // namespace Theme

} // namespace jwb::ui
