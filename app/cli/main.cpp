// jwt-workbench-cli: the command-line twin of the desktop app (contract: ../shared/docs/cli.md).
#include "BundledQca.h"
#include "CliIo.h"
#include "Commands.h"

#include "crypto/Backend.h"

#include <QCoreApplication>

#include <functional>

using namespace jwb::cli;

namespace {

struct Command
{
    const char *name;
    const char *summary;
    std::function<int(const QStringList &)> run;
};

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {"decode", "Decode a token without verifying it", runDecode},
        {"verify", "Verify a token's signature and claims with a key", runVerify},
        {"sign", "Sign claims into a compact JWS", runSign},
        {"decrypt", "Decrypt a JWE; a nested JWT is inspected and verified", runDecrypt},
        {"encrypt", "Encrypt content (or signed claims) into a JWE", runEncrypt},
        {"keygen", "Generate a key for a JWS algorithm", runKeygen},
        {"jwks", "Fetch a JWK Set (URL or OpenID Connect issuer) and show its keys and TLS pins", runJwks},
        {"key", "Convert keys (key convert) and compute thumbprints (key thumbprint)", runKey},
        {"simulate", "Decide what KrakenD's auth/validator answers for a request to an endpoint", runSimulate},
        {"matrix", "Mint test tokens for an endpoint, each with the status KrakenD would answer", runMatrix},
        {"config", "Write auth/validator and auth/signer blocks and lint krakend.json", runConfig},
        {"crack", "Search a wordlist for an HS256/384/512 token's secret", runCrack},
        {"token", "Get a token from an identity provider (token fetch: OAuth flows)", runToken},
    };
    return list;
}

QString usage()
{
    QString text = QStringLiteral("Usage: jwt-workbench-cli <command> [options]\n\nCommands:\n");
    for (const auto &c : commands())
        text += QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(c.name), -10).arg(QString::fromLatin1(c.summary));
    text += QStringLiteral("\nRun 'jwt-workbench-cli <command> --help' for a command's options.\n"
                           "Exit codes: 0 ok/valid, 1 negative verdict, 2 usage or input error, 3 network/TLS error.");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("jwt-workbench-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(JWB_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("JWT Workbench"));
    jwb::app::addBundledQcaPluginPath();

    const QStringList args = QCoreApplication::arguments();
    CliIo io(args.contains(QStringLiteral("--json")));
    if (args.size() < 2 || args[1] == u"--help" || args[1] == u"-h" || args[1] == u"help") {
        io.out(usage());
        return args.size() < 2 ? Usage : Ok;
    }
    if (args[1] == u"--version" || args[1] == u"version") {
        const auto &backend = jwb::crypto::Backend::initialize();
        io.out(QStringLiteral("jwt-workbench-cli %1\n%2").arg(QStringLiteral(JWB_VERSION), backend.report()));
        return backend.problems().isEmpty() ? Ok : Negative;
    }
    for (const auto &c : commands()) {
        if (args[1] == QLatin1String(c.name)) {
            QStringList rest = args.mid(2);
            rest.prepend(QStringLiteral("jwt-workbench-cli ") + args[1]);
            return c.run(rest);
        }
    }
    return io.fail(
        Usage, QStringLiteral("unknown_command"), QStringLiteral("unknown command \"%1\"\n%2").arg(args[1], usage()));
}
