// jwt-workbench: the desktop application. Everything it shows comes from jwb_ui; this file only turns the
// command line into inputs for the main window.

#include "MainWindow.h"
#include "common/Dialogs.h"
#include "common/Resources.h"
#include "common/Theme.h"
#include "common/TokenFile.h"
#include "inspector/InspectorWidget.h"

#include "crypto/Backend.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QPixmap>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace {

struct Inputs
{
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
        if (info.exists() || looksLikePath) {
            auto text = jwb::ui::TokenFile::read(argument);
            if (text)
                in.tokens.append({info.fileName(), text.value()});
            else
                in.errors.append(text.error().message);
        } else {
            in.tokens.append({QStringLiteral("argument %1").arg(index), argument});
        }
    }
    return in;
}

void printLine(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stream);
}

struct Options
{
    QCommandLineOption demo {QStringLiteral("demo"), QStringLiteral("Open the built-in demo workspace.")};
    QCommandLineOption screenshot {QStringLiteral("screenshot"),
        QStringLiteral("Render the main window to FILE (PNG) once it is shown, then quit."), QStringLiteral("FILE")};
    QCommandLineOption tab {QStringLiteral("tab"),
        QStringLiteral("Start on tab NAME: decoded (default), claims, findings, signature or verify."),
        QStringLiteral("NAME"), QStringLiteral("decoded")};
};

void setUpParser(QCommandLineParser &parser, const Options &options)
{
    parser.setApplicationDescription(
        QStringLiteral("Inspect JSON Web Tokens. Each argument that names an existing file is read (at most 1 MiB); "
                       "any other argument is taken as a token. Without arguments the demo token is shown."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(options.demo);
    parser.addOption(options.screenshot);
    parser.addOption(options.tab);
    parser.addPositionalArgument(QStringLiteral("token-or-file"), QStringLiteral("Tokens or files holding tokens."),
        QStringLiteral("[TOKEN|FILE...]"));
}

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("jwt-workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(JWB_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("JWT Workbench"));
}

std::optional<jwb::ui::InspectorWidget::Tab> tabNamed(const QString &name)
{
    using Tab = jwb::ui::InspectorWidget::Tab;
    const QString n = name.toLower();
    if (n == u"decoded")
        return Tab::Decoded;
    if (n == u"claims")
        return Tab::Claims;
    if (n == u"findings")
        return Tab::Findings;
    if (n == u"signature")
        return Tab::Signature;
    if (n == u"verify")
        return Tab::Verify;
    return std::nullopt;
}

} // namespace

int main(int argc, char *argv[])
{
    const Options options;
    // --help, --version and command-line mistakes must work without a display: a QCoreApplication handles them
    // (printing and exiting) before the GUI is started.
    {
        QCoreApplication probe(argc, argv);
        setIdentity();
        QCommandLineParser parser;
        setUpParser(parser, options);
        parser.process(probe);
        if (!tabNamed(parser.value(options.tab))) {
            printLine(stderr,
                QStringLiteral("jwt-workbench: unknown tab \"%1\" (use decoded, claims, findings, "
                               "signature or verify)")
                    .arg(parser.value(options.tab)));
            return 2;
        }
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("JWT Workbench"));
    QApplication::setDesktopFileName(QStringLiteral("jwt-workbench"));
    jwb::ui::Resources::ensureLoaded();
    QApplication::setWindowIcon(jwb::ui::Theme::appIcon());

    QCommandLineParser parser;
    setUpParser(parser, options);
    parser.process(app);

    const QStringList arguments = parser.positionalArguments();
    const Inputs inputs = collectInputs(arguments);
    const bool screenshot = parser.isSet(options.screenshot);

    jwb::ui::MainWindow window;
    const bool demo = parser.isSet(options.demo) || arguments.isEmpty();
    if (demo)
        window.openDemo();
    for (const auto &[title, text] : inputs.tokens)
        window.addToken(title, text);
    // The demo, when asked for, is the first input; the first argument is the one shown.
    if (!inputs.tokens.isEmpty())
        window.inspector()->setCurrentInput(demo ? 1 : 0);
    window.inspector()->showTab(*tabNamed(parser.value(options.tab)));
    window.show();

    // The crypto self-test runs right after the first paint, so start-up stays instant; an algorithm whose
    // known-answer test fails is never offered, and the user is told at once.
    QTimer::singleShot(0, &window, [&window] {
        const auto &backend = jwb::crypto::Backend::initialize();
        if (!backend.problems().isEmpty())
            jwb::ui::Dialogs::showError(&window, QStringLiteral("Cryptography self-test"),
                QStringLiteral("Some algorithms are unavailable:\n\n%1")
                    .arg(backend.problems().join(QStringLiteral("\n"))));
    });

    if (screenshot) {
        for (const QString &error : inputs.errors)
            printLine(stderr, QStringLiteral("jwt-workbench: %1").arg(error));
        const QString file = parser.value(options.screenshot);
        // Give the window time to be laid out, painted and decoded before grabbing it.
        QTimer::singleShot(800, &window, [&window, file] {
            const bool saved = window.grab().save(file, "PNG");
            if (!saved)
                printLine(stderr, QStringLiteral("jwt-workbench: could not write the screenshot to %1").arg(file));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    } else if (!inputs.errors.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, errors = inputs.errors] {
            jwb::ui::Dialogs::showError(
                &window, QStringLiteral("Cannot open token file"), errors.join(QStringLiteral("\n\n")));
        });
    }
    return QApplication::exec();
}
