#include "common/Theme.h"

#include "common/Resources.h"

#include <QApplication>
#include <QFontDatabase>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPixmap>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>
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

namespace {

/// A severity's colours: the light palette's and the dark palette's, for text and for backgrounds.
struct SeverityColors
{
    QRgb light;
    QRgb dark;
};

struct SeverityPalette
{
    SeverityColors text;
    SeverityColors background;
};

const SeverityPalette &severityPalette(common::Severity severity)
{
    static const SeverityPalette error {{0xc92a2a, 0xff8787}, {0xffe3e3, 0x5c1f24}};
    static const SeverityPalette warning {{0xa65b00, 0xffc078}, {0xfff3d6, 0x523b12}};
    static const SeverityPalette info {{0x1864ab, 0x74c0fc}, {0xe7f1fc, 0x1b334d}};
    switch (severity) {
    case common::Severity::Error:
        return error;
    case common::Severity::Warning:
        return warning;
    case common::Severity::Info:
        break;
    }
    return info;
}

QColor pick(const SeverityColors &colors, const QPalette &palette)
{
    return QColor::fromRgb(isDark(palette) ? colors.dark : colors.light);
}

} // namespace

QColor severityColor(common::Severity severity, const QPalette &palette)
{
    return pick(severityPalette(severity).text, palette);
}

QColor severityBackground(common::Severity severity, const QPalette &palette)
{
    return pick(severityPalette(severity).background, palette);
}

namespace {

/// Renders an SVG at the size asked for, when asked (a window icon wants 256 px, a table row 16): nothing is
/// rendered at start-up for sizes never shown. Pixmaps are kept per size and mode.
class SvgIconEngine final : public QIconEngine
{
public:
    explicit SvgIconEngine(QString path) : m_path(std::move(path)) { }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        const quint64 key = (static_cast<quint64>(size.width()) << 32) | (static_cast<quint64>(size.height()) << 2)
            | static_cast<quint64>(mode);
        if (const auto it = m_pixmaps.constFind(key); it != m_pixmaps.constEnd())
            return it.value();
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        {
            QSvgRenderer renderer(m_path);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            const QSize fitted = renderer.defaultSize().scaled(size, Qt::KeepAspectRatio);
            renderer.render(&painter,
                QRectF((size.width() - fitted.width()) / 2.0, (size.height() - fitted.height()) / 2.0, fitted.width(),
                    fitted.height()));
        }
        if (mode != QIcon::Normal && mode != QIcon::Active) {
            QStyleOption option;
            option.palette = QApplication::palette();
            pixmap = QApplication::style()->generatedIconPixmap(mode, pixmap, &option);
        }
        Q_UNUSED(state)
        m_pixmaps.insert(key, pixmap);
        return pixmap;
    }
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap p = pixmap(rect.size() * dpr, mode, state);
        p.setDevicePixelRatio(dpr);
        painter->drawPixmap(rect, p);
    }
    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        return {QSize(16, 16), QSize(24, 24), QSize(32, 32), QSize(48, 48), QSize(64, 64), QSize(128, 128),
            QSize(256, 256)};
    }
    QIconEngine *clone() const override { return new SvgIconEngine(m_path); }
    QString key() const override { return QStringLiteral("jwb-svg"); }

private:
    QString m_path;
    QHash<quint64, QPixmap> m_pixmaps;
};

} // namespace

QIcon svgIcon(const QString &resourcePath)
{
    // One icon per resource (GUI thread only; the SVGs do not depend on the palette), rendered per size on use.
    static QHash<QString, QIcon> cache;
    if (const auto it = cache.constFind(resourcePath); it != cache.constEnd())
        return it.value();
    Resources::ensureLoaded();
    if (!QSvgRenderer(resourcePath).isValid())
        return QIcon();
    const QIcon icon(new SvgIconEngine(resourcePath));
    cache.insert(resourcePath, icon);
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
        return QCoreApplication::translate("jwb::ui::Theme", "Error");
    case common::Severity::Warning:
        return QCoreApplication::translate("jwb::ui::Theme", "Warning");
    case common::Severity::Info:
        break;
    }
    return QCoreApplication::translate("jwb::ui::Theme", "Info");
}

QIcon appIcon()
{
    return svgIcon(QStringLiteral(":/icons/jwt-workbench.svg"));
}

QFont monospaceFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    // Tokens, JSON and keys are mostly ASCII: no shaping unless the script needs it (Qt still shapes the
    // scripts that require it). Text layout is most of the cost of showing a token.
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

namespace {
struct SystemLook
{
    bool captured = false;
    QString styleName;
    QPalette palette;
};

SystemLook &systemLook()
{
    static SystemLook look;
    return look;
}

Mode &modeState()
{
    static Mode mode = Mode::System;
    return mode;
}
} // namespace

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Mid, QColor(0x24, 0x26, 0x2a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1c));
    p.setColor(QPalette::Shadow, QColor(0x0d, 0x0e, 0x10));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb2, 0xf5));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x8c, 0xf0));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf1));
    p.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf6, 0xf7));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
    p.setColor(QPalette::ToolTipText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(0x70, 0x74, 0x7a));
    p.setColor(QPalette::Text, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Button, QColor(0xf5, 0xf6, 0xf7));
    p.setColor(QPalette::ButtonText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x15, 0x6c, 0xb8));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0xa0, 0xa3, 0xa8));
    return p;
}

void applyMode(Mode mode)
{
    SystemLook &look = systemLook();
    if (!look.captured) {
        look.captured = true;
        look.styleName = QApplication::style() ? QApplication::style()->name() : QString();
        look.palette = QApplication::palette();
    }
    modeState() = mode;
    switch (mode) {
    case Mode::System:
        if (!look.styleName.isEmpty())
            QApplication::setStyle(QStyleFactory::create(look.styleName));
        QApplication::setPalette(look.palette);
        break;
    case Mode::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(lightPalette());
        break;
    case Mode::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    }
}

Mode currentMode()
{
    return modeState();
}

QString modeName(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<Mode> modeFromName(const QString &name)
{
    for (const Mode mode : {Mode::System, Mode::Light, Mode::Dark}) {
        if (name.compare(modeName(mode), Qt::CaseInsensitive) == 0)
            return mode;
    }
    return std::nullopt;
}

} // namespace jwb::ui::Theme
