// Linked into every GUI test (tests/CMakeLists.txt). The app installs a translation at start-up (app/gui/main.cpp),
// so the tests do too: English, the source language, whose translation carries the singular and plural forms of
// the "%n ..." messages ("1 key", "2 keys").

#include "common/Translations.h"

#include <QCoreApplication>
#include <QLocale>

namespace {

void installEnglish()
{
    jwb::ui::Translations::install(QLocale(QLocale::English));
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installEnglish)
