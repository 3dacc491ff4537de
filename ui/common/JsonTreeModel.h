#pragma once

#include <QAbstractItemModel>
#include <QJsonValue>
#include <QList>

#include <memory>

namespace jwb::ui {

/// JSON documents as a read-only tree: one root row per document ("Header", "Payload"), then members and array
/// elements. Columns: name (member name or [index]), value (scalars as JSON text; objects and arrays
/// summarised), type. Top-level members keep the order they were written in (common::JsonSource::topLevelNames); nested
/// objects follow QJsonObject's order.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, TypeColumn, ColumnCount };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    /// Replaces the documents: (title, raw JSON bytes) pairs; bytes that are not JSON show as a text value.
    void setDocuments(const QList<std::pair<QString, QByteArray>> &documents);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The JSON path of a row, e.g. `payload.roles[1]`, for copying.
    [[nodiscard]] QString pathOf(const QModelIndex &index) const;

private:
    struct Node
    {
        QString name;
        QJsonValue value;
        QString path;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    static void build(Node *node, const QStringList &order);
    [[nodiscard]] const Node *nodeOf(const QModelIndex &index) const;

    Node m_root;
};

} // namespace jwb::ui
