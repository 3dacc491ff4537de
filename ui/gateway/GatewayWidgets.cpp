#include "gateway/GatewayWidgets.h"

#include "common/LongText.h"
#include "common/Theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>

namespace jwb::ui::gateway {

void setBanner(QLabel *label, common::Severity severity, const QString &text)
{
    if (text.isEmpty()) {
        label->hide();
        return;
    }
    const QPalette pal = label->palette();
    label->setText(text);
    label->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: %2; border-radius: 4px; padding: 6px; }")
            .arg(Theme::severityBackground(severity, pal).name(), Theme::severityColor(severity, pal).name()));
    label->show();
}

QLabel *makeHint(const QString &objectName, QWidget *parent)
{
    auto *hint = new QLabel(parent);
    hint->setObjectName(objectName);
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignCenter);
    hint->setMargin(16);
    hint->setForegroundRole(QPalette::PlaceholderText);
    return hint;
}

QPushButton *makeButton(const QString &text, const QString &objectName, const QString &tip, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setToolTip(tip);
    b->setAccessibleName(QString(text).remove(u'\u2026'));
    return b;
}

QLabel *makeTitle(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    QFont bold = label->font();
    bold.setWeight(QFont::DemiBold);
    label->setFont(bold);
    LongText::fitAnyWidth(label); // an endpoint's path can be long
    return label;
}

QTableView *makeRowTable(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->setAlternatingRowColors(true);
    return view;
}

} // namespace jwb::ui::gateway
