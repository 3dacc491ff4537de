#include "common/JsonTreeModel.h"

#include "common/JsonSource.h"
#include "common/JsonText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace jwb::ui {

namespace {

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return QCoreApplication::translate("jwb::ui::JsonTreeModel", "object");
    case QJsonValue::Array:
        return QCoreApplication::translate("jwb::ui::JsonTreeModel", "array");
    case QJsonValue::String:
        return QCoreApplication::translate("jwb::ui::JsonTreeModel", "string");
    case QJsonValue::Double:
        return QCoreApplication::translate("jwb::ui::JsonTreeModel", "number");
    case QJsonValue::Bool:
        return QCoreApplication::translate("jwb::ui::JsonTreeModel", "boolean");
    case QJsonValue::Null:
        return QCoreApplication::translate("jwb::ui::JsonTreeModel", "null");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("jwb::ui::JsonTreeModel", "text");
}

QString summary(const QJsonValue &value)
{
    if (value.isObject()) {
        const int n = static_cast<int>(value.toObject().size());
        return QCoreApplication::translate("jwb::ui::JsonTreeModel", "{%n member(s)}", nullptr, n);
    }
    if (value.isArray()) {
        const int n = static_cast<int>(value.toArray().size());
        return QCoreApplication::translate("jwb::ui::JsonTreeModel", "[%n element(s)]", nullptr, n);
    }
    if (value.isUndefined())
        return {};
    return common::JsonText::compact(value);
}

bool isIdentifier(const QString &name)
{
    if (name.isEmpty() || name.at(0).isDigit())
        return false;
    for (const QChar c : name) {
        if (!c.isLetterOrNumber() && c != u'_')
            return false;
    }
    return true;
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject *parent) : QAbstractItemModel(parent) { }

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::build(Node *node, const QStringList &order)
{
    auto add = [node](const QString &name, const QJsonValue &value, const QString &path) {
        auto child = std::make_unique<Node>();
        child->name = name;
        child->value = value;
        child->path = path;
        child->parent = node;
        child->row = static_cast<int>(node->children.size());
        build(child.get(), {});
        node->children.push_back(std::move(child));
    };
    if (node->value.isObject()) {
        const QJsonObject object = node->value.toObject();
        QStringList names = order;
        for (const QString &key : object.keys()) {
            if (!names.contains(key))
                names.append(key);
        }
        for (const QString &name : std::as_const(names)) {
            if (!object.contains(name))
                continue;
            const QString path = isIdentifier(name) ? QString(node->path + u'.' + name)
                                                    : QString(node->path + QStringLiteral("[\"%1\"]").arg(name));
            add(name, object.value(name), path);
        }
    } else if (node->value.isArray()) {
        const QJsonArray array = node->value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            add(QStringLiteral("[%1]").arg(i), array.at(i), node->path + QStringLiteral("[%1]").arg(i));
    }
}

void JsonTreeModel::setDocuments(const QList<std::pair<QString, QByteArray>> &documents)
{
    beginResetModel();
    m_root.children.clear();
    for (const auto &[title, bytes] : documents) {
        auto node = std::make_unique<Node>();
        node->name = title;
        node->path = title.toLower();
        node->parent = &m_root;
        node->row = static_cast<int>(m_root.children.size());
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        if (error.error == QJsonParseError::NoError && doc.isObject()) {
            node->value = doc.object();
            build(node.get(), common::JsonSource::topLevelNames(bytes));
        } else if (error.error == QJsonParseError::NoError && doc.isArray()) {
            node->value = doc.array();
            build(node.get(), {});
        } else {
            node->value = QString::fromUtf8(bytes);
        }
        m_root.children.push_back(std::move(node));
    }
    endResetModel();
}

const JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<const Node *>(index.internalPointer()) : &m_root;
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *node = nodeOf(parent);
    if (row < 0 || row >= static_cast<int>(node->children.size()))
        return {};
    return createIndex(row, column, node->children[static_cast<size_t>(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = nodeOf(child);
    if (!node->parent || node->parent == &m_root)
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case NameColumn:
            return role == Qt::ToolTipRole ? node->path : node->name;
        case ValueColumn:
            return summary(node->value);
        case TypeColumn:
            return typeName(node->value);
        default:
            break;
        }
    }
    if (role == Qt::AccessibleTextRole && index.column() == NameColumn)
        return node->path;
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

QString JsonTreeModel::pathOf(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->path : QString();
}

} // namespace jwb::ui
