#pragma once

#include <QLocale>
#include <QString>

namespace jwb::ui {

/// The translations of the user interface: resources/translations/*.ts, compiled by lrelease into .qm files that
/// are embedded in jwb_ui under :/i18n. English is the source language and has a translation of its own, which
/// carries the singular and plural forms of every "%n ..." message; it is also the fallback for a locale the app
/// has no translation for.
///
/// Writing messages: tr() in QObject classes, QCoreApplication::translate("jwb::ui::Class", ...) elsewhere; "%n"
/// with tr(text, nullptr, n) for counts; whole sentences with %1 placeholders, never pieces joined. Write non-ASCII
/// characters of a message as they are (UTF-8), not as \u escapes: lupdate reads "\u201cAdd" as one code point.
/// Keep casts out of translate()'s arguments, which hide the call from lupdate. `make translations` refreshes the
/// .ts files; the test ui_translations_lupdate fails when they lag behind the sources.
namespace Translations {
/// Installs, on the running QCoreApplication, the app's translation for the first of `locale`'s UI languages
/// that has one (else English) and Qt's own qtbase translation for that locale where the system has one.
/// Calling it again replaces what an earlier call installed. Returns the language installed, e.g. "en".
QString install(const QLocale &locale = QLocale());
/// The languages the app has a translation for, e.g. {"en"}.
[[nodiscard]] QStringList available();
} // namespace Translations

} // namespace jwb::ui
