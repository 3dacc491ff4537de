#include "gateway/GatewayWidgets.h"

#include "common/Theme.h"

#include <QLabel>
#include <QPushButton>

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

} // namespace jwb::ui::gateway
