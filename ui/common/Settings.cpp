#include "common/Settings.h"

#include <QJsonDocument>
#include <QSettings>

#include <algorithm>

namespace jwb::ui::Settings {

QString keyName(Key key)
{
    switch (key) {
    case Key::RecentFiles:
        return QStringLiteral("recentFiles");
    case Key::WindowGeometry:
        return QStringLiteral("window/geometry");
    case Key::WindowState:
        return QStringLiteral("window/state");
    case Key::Theme:
        return QStringLiteral("theme");
    case Key::IdentityProvider:
        return QStringLiteral("identityProvider/last");
    case Key::ClearClipboardSeconds:
        break;
    }
    return QStringLiteral("security/clearClipboardSeconds");
}

namespace {

QVariant read(Key key, const QVariant &fallback = {})
{
    return QSettings().value(keyName(key), fallback);
}

void write(Key key, const QVariant &value)
{
    QSettings().setValue(keyName(key), value);
}

} // namespace

QStringList recentFiles()
{
    return read(Key::RecentFiles).toStringList();
}

void addRecentFile(const QString &absolutePath)
{
    QStringList files = recentFiles();
    files.removeAll(absolutePath);
    files.prepend(absolutePath);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    write(Key::RecentFiles, files);
}

void removeRecentFile(const QString &absolutePath)
{
    QStringList files = recentFiles();
    files.removeAll(absolutePath);
    write(Key::RecentFiles, files);
}

void clearRecentFiles()
{
    QSettings().remove(keyName(Key::RecentFiles));
}

QByteArray windowGeometry()
{
    return read(Key::WindowGeometry).toByteArray();
}

void setWindowGeometry(const QByteArray &geometry)
{
    write(Key::WindowGeometry, geometry);
}

QByteArray windowState()
{
    return read(Key::WindowState).toByteArray();
}

void setWindowState(const QByteArray &state)
{
    write(Key::WindowState, state);
}

std::optional<Theme::Mode> theme()
{
    return Theme::modeFromName(read(Key::Theme).toString());
}

void setTheme(Theme::Mode mode)
{
    write(Key::Theme, Theme::modeName(mode));
}

int clearClipboardSeconds()
{
    return read(Key::ClearClipboardSeconds, kDefaultClearClipboardSeconds).toInt();
}

void setClearClipboardSeconds(int seconds)
{
    write(Key::ClearClipboardSeconds, std::max(0, seconds));
}

QJsonObject identityProvider()
{
    return QJsonDocument::fromJson(read(Key::IdentityProvider).toString().toUtf8()).object();
}

void setIdentityProvider(const QJsonObject &inputs)
{
    write(Key::IdentityProvider, QString::fromUtf8(QJsonDocument(inputs).toJson(QJsonDocument::Compact)));
}

} // namespace jwb::ui::Settings
