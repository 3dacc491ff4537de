#include "common/Resources.h"

#include <QFile>

// Q_INIT_RESOURCE must be used outside any namespace.
static void jwbInitResources()
{
    Q_INIT_RESOURCE(jwt_workbench);
}

namespace jwb::ui::Resources {

void ensureLoaded()
{
    static const bool loaded = [] {
        jwbInitResources();
        return true;
    }();
    (void)loaded;
}

QString text(const QString &resourcePath)
{
    ensureLoaded();
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString demoToken()
{
    return text(QStringLiteral(":/samples/demo-token.jwt")).trimmed();
}

} // namespace jwb::ui::Resources
