// jwb-cli-floor: the start-up floor of jwt-workbench-cli, for make bench. It is linked like the CLI (jwb_core's
// libraries: Qt Core and Network, QCA, OpenSSL's libcrypto, libsodium; all of them loaded, as the CLI loads them)
// and does what every CLI invocation does before any work: construct QCoreApplication and read the arguments.
// Its time is what dynamic linking, the libraries' initialisers and Qt's start-up cost, whatever the command.
#include <QCoreApplication>
#include <QStringList>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return QCoreApplication::arguments().isEmpty() ? 1 : 0;
}
