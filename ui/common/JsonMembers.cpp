#include "common/JsonMembers.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace jwb::ui::JsonMembers {

QStringList topLevelNames(const QByteArray &json)
{
    QStringList names;
    int depth = 0;
    bool expectName = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') {
            const qsizetype start = i++;
            while (i < json.size() && json[i] != '"')
                i += json[i] == '\\' ? 2 : 1;
            if (depth == 1 && expectName) {
                const QByteArray literal = json.mid(start, i - start + 1);
                const QJsonDocument doc = QJsonDocument::fromJson('[' + literal + ']');
                const QString name = doc.array().first().toString();
                if (!names.contains(name))
                    names.append(name);
                expectName = false;
            }
        } else if (c == '{' || c == '[') {
            if (depth == 0 && c != '{')
                return {};
            ++depth;
            expectName = depth == 1;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expectName = true;
        }
    }
    return names;
}

} // namespace jwb::ui::JsonMembers
