// The baseline for the start-up and memory figures of make bench: the smallest Qt Widgets application with a
// main window, measured exactly as the app is (the same StartupProbe, compiled in on its own: nothing of
// jwb_ui or jwb_core is linked).
#include "common/StartupProbe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("Hello")));
    window.resize(1280, 800);
    jwb::ui::StartupProbe::install(&window);
    window.show();
    return QApplication::exec();
}
