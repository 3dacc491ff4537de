#include "common/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace jwb::ui::Translations {

namespace {

constexpr auto kDirectory = ":/i18n";
constexpr auto kBaseName = "jwt-workbench";
// Marks the translators this module installed, so that a second call replaces them.
constexpr auto kObjectName = "jwbTranslator";

QTranslator *newTranslator(QCoreApplication *app)
{
    auto *translator = new QTranslator(app);
    translator->setObjectName(QLatin1String(kObjectName));
    return translator;
}

} // namespace

QString install(const QLocale &locale)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return {};
    const auto installed = app->findChildren<QTranslator *>(QLatin1String(kObjectName), Qt::FindDirectChildrenOnly);
    for (QTranslator *old : installed) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }

    QTranslator *own = newTranslator(app);
    const QString directory = QLatin1String(kDirectory);
    if (!own->load(locale, QLatin1String(kBaseName), QStringLiteral("_"), directory)
        && !own->load(QLatin1String(kBaseName) + QStringLiteral("_en"), directory)) {
        delete own;
        return {};
    }
    QCoreApplication::installTranslator(own);

    // Qt's own dialogs and buttons (Cancel, Yes, No, file dialogs) in the language the app speaks, where the
    // system has that translation: never half in the user's language and half in the fallback.
    const QString language = own->language();
    QTranslator *qt = newTranslator(app);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return language;
}

QStringList available()
{
    QStringList languages;
    const QString prefix = QLatin1String(kBaseName) + u'_';
    const QStringList files = QDir(QLatin1String(kDirectory)).entryList({prefix + QStringLiteral("*.qm")});
    for (const QString &file : files)
        languages.append(file.mid(prefix.size()).chopped(3));
    return languages;
}

} // namespace jwb::ui::Translations
