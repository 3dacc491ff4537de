#include "common/Theme.h"

#include "common/Resources.h"

#include <QFontDatabase>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace jwb::ui::Theme {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor segmentColor(jose::SegmentRole role, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (role) {
    case jose::SegmentRole::Header:
        return dark ? QColor(0xff, 0x6b, 0x97) : QColor(0xc8, 0x1e, 0x58);
    case jose::SegmentRole::Payload:
        return dark ? QColor(0xd5, 0x8c, 0xf0) : QColor(0x86, 0x2e, 0x9c);
    case jose::SegmentRole::Signature:
        return dark ? QColor(0x5c, 0xb8, 0xf5) : QColor(0x15, 0x6c, 0xb8);
    case jose::SegmentRole::EncryptedKey:
        return dark ? QColor(0xff, 0xa9, 0x4d) : QColor(0xc2, 0x4d, 0x0c);
    case jose::SegmentRole::InitializationVector:
        return dark ? QColor(0x63, 0xe6, 0xbe) : QColor(0x08, 0x7f, 0x5b);
    case jose::SegmentRole::Ciphertext:
        return dark ? QColor(0xd5, 0x8c, 0xf0) : QColor(0x86, 0x2e, 0x9c);
    case jose::SegmentRole::Tag:
        return dark ? QColor(0x5c, 0xb8, 0xf5) : QColor(0x15, 0x6c, 0xb8);
    case jose::SegmentRole::Extra:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

QColor separatorColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xad, 0xb5, 0xbd) : QColor(0x49, 0x50, 0x57);
}

QColor severityColor(common::Severity severity, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (severity) {
    case common::Severity::Error:
        return dark ? QColor(0xff, 0x87, 0x87) : QColor(0xc9, 0x2a, 0x2a);
    case common::Severity::Warning:
        return dark ? QColor(0xff, 0xc0, 0x78) : QColor(0xa6, 0x5b, 0x00);
    case common::Severity::Info:
        break;
    }
    return dark ? QColor(0x74, 0xc0, 0xfc) : QColor(0x18, 0x64, 0xab);
}

QColor severityBackground(common::Severity severity, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (severity) {
    case common::Severity::Error:
        return dark ? QColor(0x5c, 0x1f, 0x24) : QColor(0xff, 0xe3, 0xe3);
    case common::Severity::Warning:
        return dark ? QColor(0x52, 0x3b, 0x12) : QColor(0xff, 0xf3, 0xd6);
    case common::Severity::Info:
        break;
    }
    return dark ? QColor(0x1b, 0x33, 0x4d) : QColor(0xe7, 0xf1, 0xfc);
}

QIcon svgIcon(const QString &resourcePath)
{
    Resources::ensureLoaded();
    QSvgRenderer renderer(resourcePath);
    QIcon icon;
    if (renderer.isValid()) {
        for (const int size : {16, 20, 24, 32, 48, 64, 128, 256}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            renderer.render(&painter);
            painter.end();
            icon.addPixmap(pixmap);
        }
    }
    return icon;
}

QIcon severityIcon(common::Severity severity)
{
    switch (severity) {
    case common::Severity::Error:
        return svgIcon(QStringLiteral(":/icons/severity-error.svg"));
    case common::Severity::Warning:
        return svgIcon(QStringLiteral(":/icons/severity-warning.svg"));
    case common::Severity::Info:
        break;
    }
    return svgIcon(QStringLiteral(":/icons/severity-info.svg"));
}

QString severityLabel(common::Severity severity)
{
    switch (severity) {
    case common::Severity::Error:
        return QStringLiteral("Error");
    case common::Severity::Warning:
        return QStringLiteral("Warning");
    case common::Severity::Info:
        break;
    }
    return QStringLiteral("Info");
}

QIcon appIcon()
{
    return svgIcon(QStringLiteral(":/icons/jwt-workbench.svg"));
}

QFont monospaceFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    return font;
}

} // namespace jwb::ui::Theme
