// jwb-bench-gui: the GUI's paste-to-verdict latency, offscreen. The demo workspace is open (its RS256 JWK Set in
// the key ring, selected in Verify); a token is put on the clipboard and Edit > Paste Token runs; the clock stops
// when the verdict is decided, the layouts are updated and every region that changed has been painted (the pending
// LayoutRequest and UpdateRequest events, which the event loop would deliver next). Prints JSON lines like jwb-bench.
#include "MainWindow.h"
#include "common/ProcessStatus.h"
#include "gateway/GatewayPage.h"
#include "inspector/InspectorWidget.h"
#include "verify/VerifyPanel.h"
#include "workspace/KeyRing.h"

#include "keys/TokenSigner.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

void report(const QString &name, double value, const QString &unit, const QString &detail)
{
    const QJsonObject o {{QStringLiteral("name"), name}, {QStringLiteral("value"), value},
        {QStringLiteral("unit"), unit}, {QStringLiteral("detail"), detail}};
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

/// The peak resident set size of this process so far, in MiB (VmHWM).
double peakRssMiB()
{
    return std::max<qint64>(0, jwb::common::processStatusKb("VmHWM")) / 1024.0;
}

/// Issue #19 item 13: File > Open of a big krakend.json (openKrakendConfig, as the menu does). Measures the time
/// until the first endpoints are listed, until the open is over, until the lint is in, the longest the event loop
/// went without turning (a 10 ms timer's largest gap) and the peak RSS.
int openConfig(const QString &path)
{
    jwb::ui::MainWindow window;
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    jwb::ui::GatewayPage *page = window.gatewayPage();
    QTest::qWait(200);
    auto *view = page->findChild<QTableView *>(QStringLiteral("endpointView"));
    auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("gatewayTabs"));
    const int before = view->model()->rowCount();
    const QString detail = QStringLiteral("%1 MB").arg(QFileInfo(path).size() / 1e6, 0, 'f', 1);
    QElapsedTimer clock;
    qint64 last = 0, stall = 0, first = -1, loaded = -1, linted = -1;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, &window, [&] {
        const qint64 now = clock.elapsed();
        stall = std::max(stall, now - last);
        last = now;
        if (first < 0 && view->model()->rowCount() != before)
            first = now;
        if (first >= 0 && loaded < 0 && !page->isLoading())
            loaded = now;
        if (loaded >= 0 && linted < 0
            && !tabs->tabText(tabs->indexOf(page->findChild<QWidget *>(QStringLiteral("lintTab")))).contains(u'\u2026'))
            linted = now;
    });
    clock.start();
    ticker.start();
    window.openKrakendConfig(path);
    const qint64 afterCall = clock.elapsed();
    while (linted < 0 && clock.elapsed() < 120000)
        QTest::qWait(10);
    report(QStringLiteral("GUI open: openKrakendConfig returns"), static_cast<double>(afterCall), QStringLiteral("ms"),
        detail);
    report(
        QStringLiteral("GUI open: first endpoints listed"), static_cast<double>(first), QStringLiteral("ms"), detail);
    report(QStringLiteral("GUI open: document in"), static_cast<double>(loaded), QStringLiteral("ms"), detail);
    report(QStringLiteral("GUI open: lint in"), static_cast<double>(linted), QStringLiteral("ms"), detail);
    report(
        QStringLiteral("GUI open: longest event-loop stall"), static_cast<double>(stall), QStringLiteral("ms"), detail);
    report(QStringLiteral("GUI open: peak RSS"), peakRssMiB(), QStringLiteral("MiB"), detail);
    report(QStringLiteral("GUI open: endpoints listed"), view->model()->rowCount(), QStringLiteral("rows"), detail);
    // One edit of the selected endpoint's validator, as a form would make it, until the window turns again.
    page->selectEndpoint(view->model()->rowCount() / 2);
    QTest::qWait(100);
    stall = 0;
    clock.restart();
    last = 0;
    page->setValidatorOption(QStringLiteral("alg"), QStringLiteral("ES256"));
    const qint64 edit = clock.elapsed();
    QTest::qWait(500);
    report(QStringLiteral("GUI edit: one option"), static_cast<double>(edit), QStringLiteral("ms"), detail);
    report(QStringLiteral("GUI edit: longest event-loop stall"), static_cast<double>(std::max(stall, edit)),
        QStringLiteral("ms"), detail);
    report(QStringLiteral("GUI: peak RSS after the edit"), peakRssMiB(), QStringLiteral("MiB"), detail);
    return 0;
}

/// Issue #19 item 13: opening a big JWK Set or token file through MainWindow::openFile (as File > Open does):
/// the time openFile takes, the longest event-loop stall until the window is idle again, and the peak RSS.
int openAnyFile(const QString &what, const QString &path)
{
    jwb::ui::MainWindow window;
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QTest::qWait(200);
    const QString detail = QStringLiteral("%1, %2 MB").arg(what).arg(QFileInfo(path).size() / 1e6, 0, 'f', 2);
    QElapsedTimer clock;
    qint64 last = 0, stall = 0;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, &window, [&] {
        const qint64 now = clock.elapsed();
        stall = std::max(stall, now - last);
        last = now;
    });
    clock.start();
    ticker.start();
    window.openFile(path);
    const qint64 call = clock.elapsed();
    // Until the event loop has been idle (no gap over 50 ms) for a second, at most 60 s.
    while (clock.elapsed() < 60000 && clock.elapsed() - std::max<qint64>(call, 0) < 1000)
        QTest::qWait(10);
    qint64 settle = clock.elapsed();
    const qint64 stallBefore = stall;
    Q_UNUSED(stallBefore);
    report(QStringLiteral("GUI open %1: openFile returns").arg(what), static_cast<double>(call), QStringLiteral("ms"),
        detail);
    report(QStringLiteral("GUI open %1: longest event-loop stall").arg(what),
        static_cast<double>(std::max(stall, call)), QStringLiteral("ms"), detail);
    report(QStringLiteral("GUI open %1: peak RSS").arg(what), peakRssMiB(), QStringLiteral("MiB"), detail);
    Q_UNUSED(settle);
    int keys = 0;
    for (int i = 0; i < window.keyRing()->count(); ++i)
        keys += window.keyRing()->at(i).keys ? static_cast<int>(window.keyRing()->at(i).keys->keys.size()) : 0;
    report(QStringLiteral("GUI open %1: keys in the ring").arg(what), keys, QStringLiteral("keys"), detail);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc == 3 && QByteArray(argv[1]) == "open-config")
        return openConfig(QString::fromLocal8Bit(argv[2]));
    if (argc == 4 && QByteArray(argv[1]) == "open-file")
        return openAnyFile(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    jwb::ui::MainWindow window;
    window.openDemo();
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QTest::qWait(300);

    // Two distinct tokens signed with the demo private key (kid demo-rs256), so that every paste changes the text.
    jwb::workspace::KeyRing *ring = window.keyRing();
    int privateIndex = -1;
    for (int i = 0; i < ring->count(); ++i)
        if (ring->at(i).keys && !ring->at(i).keys->keys.isEmpty() && ring->at(i).keys->keys.first().key.isPrivate())
            privateIndex = i;
    if (privateIndex < 0) {
        std::fprintf(stderr, "the demo key ring has no private key\n");
        return 1;
    }
    const jwb::keys::JwkSet signer = *ring->at(privateIndex).keys;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto token = [&](int n, int padBytes) {
        QJsonObject payload {{QStringLiteral("iss"), QStringLiteral("https://demo.jwt-workbench.example")},
            {QStringLiteral("sub"), QStringLiteral("user-%1").arg(n)}, {QStringLiteral("aud"), QStringLiteral("api")},
            {QStringLiteral("iat"), now - 60}, {QStringLiteral("exp"), now + 3600}};
        if (padBytes > 0)
            payload.insert(QStringLiteral("blob"), QString(padBytes, QLatin1Char('x')));
        auto t = jwb::keys::TokenSigner::sign(
            jwb::crypto::Algorithm::RS256, signer, payload, {}, QStringLiteral("demo-rs256"));
        if (!t) {
            std::fprintf(stderr, "sign: %s\n", qPrintable(t.error().toString()));
            std::exit(1);
        }
        return t->token;
    };

    QList<double> verdictMs; // up to the verdict, before the repaint
    auto measure = [&](const QList<QString> &tokens, int rounds, QString *verdict) {
        QList<double> ms;
        verdictMs.clear();
        for (int r = 0; r < rounds; ++r) {
            QGuiApplication::clipboard()->setText(tokens[r % tokens.size()]);
            QElapsedTimer t;
            t.start();
            window.pasteToken();
            const qint64 verdictNs = t.nsecsElapsed();
            // What the event loop does next: lay out what changed size, then paint the regions that changed (the
            // verdict, banner, views). The Gateway's queued simulations come after and are not counted.
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateRequest);
            ms << static_cast<double>(t.nsecsElapsed()) / 1e6;
            verdictMs << static_cast<double>(verdictNs) / 1e6;
            *verdict = jwb::common::verdictText(window.inspector()->verifyPanel()->verdict());
            // Let what the paste set off in the background (the Gateway's simulations on worker threads) finish
            // before the next paste, as it would between two pastes by a person: on two cores it would
            // otherwise compete with the next measurement.
            QElapsedTimer settle;
            settle.start();
            while (settle.elapsed() < 25)
                QCoreApplication::processEvents();
        }
        return median(ms);
    };

    QString verdict;
    const QList<QString> typical {token(1, 0), token(2, 0)};
    measure(typical, 20, &verdict); // warm-up
    const double small
        = measure(typical, app.arguments().contains(QStringLiteral("--typical-only")) ? 1000 : 200, &verdict);
    report(QStringLiteral("GUI paste-to-verdict, typical token"), small, QStringLiteral("ms"),
        QStringLiteral("RS256, %1 characters, median of 200 (%3 ms before painting); verdict %2")
            .arg(typical[0].size())
            .arg(verdict)
            .arg(median(verdictMs), 0, 'f', 2));
    // Once the Gateway page has been opened, each paste also hands the token to its simulator and endpoint matrix
    // (queued, after the verdict; on worker threads): measured again in that state.
    window.showPage(jwb::ui::MainWindow::Page::Gateway);
    window.showPage(jwb::ui::MainWindow::Page::Inspector);
    QTest::qWait(200);
    measure(typical, 20, &verdict); // warm-up
    const double withGateway = measure(typical, 200, &verdict);
    report(QStringLiteral("GUI paste-to-verdict, typical token, Gateway page opened"), withGateway,
        QStringLiteral("ms"),
        QStringLiteral("as above, after the Gateway page was opened: its simulations of each token follow the verdict "
                       "(%2 ms before painting); verdict %1")
            .arg(verdict)
            .arg(median(verdictMs), 0, 'f', 2));
    if (app.arguments().contains(QStringLiteral("--typical-only"))) // profiling aid
        return 0;
    const QList<QString> big {token(3, 760 * 1024), token(4, 760 * 1024)};
    const double large = measure(big, 12, &verdict);
    report(QStringLiteral("GUI paste-to-verdict, 1 MB token"), large, QStringLiteral("ms"),
        QStringLiteral("RS256, %1 characters, median of 12 (%3 ms before painting); verdict %2")
            .arg(big[0].size())
            .arg(verdict)
            .arg(median(verdictMs), 0, 'f', 2));
    return 0;
}
