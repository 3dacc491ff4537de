#pragma once

#include "common/AtomicFile.h"

#include <QStandardPaths>
#include <QString>

// Helpers shared by MainWindow.cpp, MainWindowActions.cpp and MainWindowSession.cpp (one class in three files).
// Not part of jwb_ui's interface: include it from those three files only.
namespace jwb::ui::mainwindow {

inline constexpr int kStatusMessageMs = 5000;
/// How many endpoints of a krakend.json the Inspector's "Judge as" offers (the first ones of the file).
inline constexpr int kJudgeAsEndpoints = 1000;
/// Key files from this size on (a JWK Set of a few thousand keys) are read on a worker.
inline constexpr qint64 kBackgroundKeyBytes = 256 * 1024;

/// The folder of the last-session and autosave files (they hold bearer tokens): 0700.
inline QString dataDir()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    (void)common::AtomicFile::makePrivateDirectory(dir); // a failure shows when a file in it cannot be written
    return dir;
}

} // namespace jwb::ui::mainwindow
