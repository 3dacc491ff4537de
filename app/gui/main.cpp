// jwt-workbench: the desktop application. Everything it shows comes from jwb_ui; this file only turns the
// command line into inputs for the main window.

#include "BundledQca.h"
#include "MainWindow.h"
#include "common/CryptoStartup.h"
#include "common/Dialogs.h"
#include "common/Resources.h"
#include "common/StartupProbe.h"
#include "common/Theme.h"
#include "common/Translations.h"
#include "inspector/InspectorWidget.h"

#include "common/Jobs.h"
#include "crypto/Backend.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace {

struct Inputs
{
    QStringList files; ///< opened through MainWindow::openFile, which decides what each holds
    QList<std::pair<QString, QString>> tokens; ///< (title, text)
    QStringList errors;
};

/// An argument names a file when one exists at that path; otherwise it is the token itself. An argument that
/// looks like a path (a slash, and no dots or a file extension at the end) but does not exist is reported
/// rather than decoded as a broken token.
Inputs collectInputs(const QStringList &arguments)
{
    static const QRegularExpression extension(QStringLiteral("\\.[A-Za-z0-9]{1,5}$"));
    Inputs in;
    int index = 0;
    for (const QString &argument : arguments) {
        ++index;
        const QFileInfo info(argument);
        const bool hasSlash = argument.contains(u'/') || argument.contains(u'\\');
        const bool looksLikePath = hasSlash && (!argument.contains(u'.') || extension.match(argument).hasMatch());
        if (info.exists() && info.isFile())
            in.files.append(argument);
        else if (info.exists() || looksLikePath)
            in.errors.append(
                QCoreApplication::translate("main", "%1 does not exist.").arg(QDir::toNativeSeparators(argument)));
        else
            in.tokens.append({QCoreApplication::translate("main", "argument %1").arg(index), argument});
    }
    return in;
}

void printLine(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stream);
}

struct Options
{
    QCommandLineOption demo {
        QStringLiteral("demo"), QCoreApplication::translate("main", "Open the built-in demo workspace.")};
    QCommandLineOption screenshot {QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the main window to FILE (PNG) once it is shown, then quit."),
        QStringLiteral("FILE")};
    QCommandLineOption tab {QStringLiteral("tab"),
        QCoreApplication::translate("main",
            "Start on tab NAME: decoded (default), claims, findings, signature, verify or decrypt (Inspector); "
            "validator, signer, export, lint, simulate, endpoints or tests (Gateway)."),
        QStringLiteral("NAME"), QStringLiteral("decoded")};
    QCommandLineOption page {QStringLiteral("page"),
        QCoreApplication::translate("main",
            "Start on page NAME: inspector, keys, gateway or composer (default: the page the files opened "
            "on, else the inspector)."),
        QStringLiteral("NAME")};
    QCommandLineOption theme {QStringLiteral("theme"),
        QCoreApplication::translate("main", "Use the light, dark or system theme."), QStringLiteral("THEME")};
    QCommandLineOption size {QStringLiteral("size"),
        QCoreApplication::translate("main", "Window size, e.g. 1280x800 (for screenshots)."), QStringLiteral("WxH")};
    QCommandLineOption fresh {QStringLiteral("fresh"),
        QCoreApplication::translate("main", "Do not restore the last session or offer to recover unsaved work.")};
};

void setUpParser(QCommandLineParser &parser, const Options &options)
{
    parser.setApplicationDescription(QCoreApplication::translate("main",
        "Inspect and verify JSON Web Tokens, manage keys, and author and simulate KrakenD JWT policies.\n"
        "Each argument that names a file is opened by what it holds: a token (at most 1 MiB), a key or "
        "JWK Set, a krakend.json or a workspace (*.jwb.json); any other argument is taken as a token.\n"
        "Without arguments the last session is restored (the demo workspace on first start)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(options.demo);
    parser.addOption(options.screenshot);
    parser.addOption(options.tab);
    parser.addOption(options.page);
    parser.addOption(options.theme);
    parser.addOption(options.size);
    parser.addOption(options.fresh);
    parser.addPositionalArgument(QStringLiteral("token-or-file"),
        QCoreApplication::translate("main", "Tokens, or token, key, JWK Set, krakend.json or workspace files."),
        QStringLiteral("[TOKEN|FILE...]"));
}

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("jwt-workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(JWB_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("JWT Workbench"));
}

std::optional<jwb::ui::MainWindow::Page> pageNamed(const QString &name)
{
    using Page = jwb::ui::MainWindow::Page;
    const QString n = name.toLower();
    if (n == u"inspector")
        return Page::Inspector;
    if (n == u"keys")
        return Page::Keys;
    if (n == u"gateway")
        return Page::Gateway;
    if (n == u"composer")
        return Page::Composer;
    return std::nullopt;
}

std::optional<QSize> sizeNamed(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{3,5})x(\\d{3,5})$"));
    const auto match = form.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return QSize(match.captured(1).toInt(), match.captured(2).toInt());
}

} // namespace

int main(int argc, char *argv[])
{
    // --help, --version and command-line mistakes must work without a display: a QCoreApplication handles them
    // (printing and exiting) before the GUI is started. Both speak the system's language, so the options (and
    // their descriptions) are made once a translation is installed.
    {
        QCoreApplication probe(argc, argv);
        setIdentity();
        jwb::ui::Translations::install();
        const Options options;
        QCommandLineParser parser;
        setUpParser(parser, options);
        parser.process(probe);
        if (!jwb::ui::InspectorWidget::tabFromName(parser.value(options.tab))
            && !jwb::ui::MainWindow::gatewayTabNames().contains(parser.value(options.tab).toLower())) {
            printLine(stderr,
                QCoreApplication::translate("main",
                    "jwt-workbench: unknown tab \"%1\" (inspector: decoded, claims, findings, "
                    "signature, verify, decrypt; gateway: validator, signer, export, lint, simulate, endpoints, tests)")
                    .arg(parser.value(options.tab)));
            return 2;
        }
        if (parser.isSet(options.page) && !pageNamed(parser.value(options.page))) {
            printLine(stderr,
                QCoreApplication::translate(
                    "main", "jwt-workbench: unknown page \"%1\" (use inspector, keys, gateway or composer)")
                    .arg(parser.value(options.page)));
            return 2;
        }
        if (parser.isSet(options.theme) && !jwb::ui::Theme::modeFromName(parser.value(options.theme))) {
            printLine(stderr,
                QCoreApplication::translate("main", "jwt-workbench: unknown theme \"%1\" (use light, dark or system)")
                    .arg(parser.value(options.theme)));
            return 2;
        }
        if (parser.isSet(options.size) && !sizeNamed(parser.value(options.size))) {
            printLine(stderr,
                QCoreApplication::translate(
                    "main", "jwt-workbench: --size wants WIDTHxHEIGHT, e.g. 1280x800, not \"%1\"")
                    .arg(parser.value(options.size)));
            return 2;
        }
    }

    QApplication app(argc, argv);
    setIdentity();
    jwb::app::addBundledQcaPluginPath();
    jwb::ui::Translations::install();
    const Options options;
    QApplication::setApplicationDisplayName(QStringLiteral("JWT Workbench"));
    QApplication::setDesktopFileName(QStringLiteral("jwt-workbench"));
    jwb::ui::Resources::ensureLoaded();
    QApplication::setWindowIcon(jwb::ui::Theme::appIcon());
    // Background jobs (common::Jobs) are cancelled and waited for before the window and its pages go away.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [] { jwb::common::Jobs::drain(); });

    QCommandLineParser parser;
    setUpParser(parser, options);
    parser.process(app);

    const QStringList arguments = parser.positionalArguments();
    const Inputs inputs = collectInputs(arguments);
    const bool screenshot = parser.isSet(options.screenshot);

    jwb::ui::MainWindow window;
    // The crypto self-test runs right after the first paint, so start-up stays instant (a verification of the
    // token shown waits for it); an algorithm whose known-answer test fails is never offered, and the user is told
    // at once. Scheduled before anything opens (and before the start-up probe, whose filter must see the first
    // paint first).
    auto *crypto = jwb::ui::CryptoStartup::instance();
    QObject::connect(crypto, &jwb::ui::CryptoStartup::ready, &window, [&window] {
        const auto &backend = jwb::crypto::Backend::instance();
        if (!backend.problems().isEmpty())
            jwb::ui::Dialogs::showError(&window, QCoreApplication::translate("main", "Cryptography self-test"),
                QCoreApplication::translate("main", "Some algorithms are unavailable:\n\n%1")
                    .arg(backend.problems().join(QStringLiteral("\n"))));
    });
    crypto->runAfterFirstPaint(&window);
    if (parser.isSet(options.theme))
        window.setThemeMode(*jwb::ui::Theme::modeFromName(parser.value(options.theme)), false);
    // Screenshots and tests are deterministic: no session is restored unless asked for.
    const bool fresh = parser.isSet(options.fresh) || screenshot;
    const bool hasInputs = !inputs.files.isEmpty() || !inputs.tokens.isEmpty();
    bool restored = false;
    // With files or tokens on the command line the user wants those: no question first; an autosave stays for
    // the next plain start.
    if (!fresh && !parser.isSet(options.demo) && !hasInputs) {
        restored = window.offerRecovery();
        if (!restored)
            restored = window.restoreLastSession();
    }
    const bool demo = parser.isSet(options.demo) || (!hasInputs && !restored);
    if (demo)
        window.openDemo();
    for (const QString &file : inputs.files)
        window.openFile(file);
    for (const auto &[title, text] : inputs.tokens)
        window.addToken(title, text);
    // The first token argument is the one shown.
    if (!inputs.tokens.isEmpty())
        window.inspector()->setCurrentInput(window.inspector()->inputTitles().indexOf(inputs.tokens.first().first));
    else if (!inputs.files.isEmpty())
        window.inspector()->setCurrentInput(demo ? 1 : 0);
    if (parser.isSet(options.tab)) {
        if (const auto tab = jwb::ui::InspectorWidget::tabFromName(parser.value(options.tab)))
            window.inspector()->showTab(*tab);
        else
            window.showGatewayTab(parser.value(options.tab));
    }
    if (parser.isSet(options.page))
        window.showPage(*pageNamed(parser.value(options.page)));
    if (parser.isSet(options.size))
        window.resize(*sizeNamed(parser.value(options.size)));
    jwb::ui::StartupProbe::install(&window);
    window.show();

    if (screenshot) {
        for (const QString &error : inputs.errors)
            printLine(stderr, QStringLiteral("jwt-workbench: %1").arg(error));
        const QString file = parser.value(options.screenshot);
        // Give the window time to be laid out, painted and decoded before grabbing it.
        QTimer::singleShot(800, &window, [&window, file] {
            const bool saved = window.grab().save(file, "PNG");
            if (!saved)
                printLine(stderr,
                    QCoreApplication::translate("main", "jwt-workbench: could not write the screenshot to %1")
                        .arg(file));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    } else if (!inputs.errors.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, errors = inputs.errors] {
            jwb::ui::Dialogs::showError(
                &window, QCoreApplication::translate("main", "Cannot open file"), errors.join(QStringLiteral("\n\n")));
        });
    }
    return QApplication::exec();
}
