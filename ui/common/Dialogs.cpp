#include "common/Dialogs.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace jwb::ui::Dialogs {

namespace {
Hooks &hooks()
{
    static Hooks instance;
    return instance;
}
} // namespace

void setHooks(Hooks newHooks)
{
    hooks() = std::move(newHooks);
}

void clearHooks()
{
    hooks() = Hooks {};
}

QString getOpenFileName(QWidget *parent, const QString &title, const QString &filter)
{
    if (hooks().openFileName)
        return hooks().openFileName(title, filter);
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

void showError(QWidget *parent, const QString &title, const QString &text)
{
    if (hooks().error) {
        hooks().error(title, text);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Critical, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

QString getSaveFileName(QWidget *parent, const QString &title, const QString &filter, const QString &suggested)
{
    if (hooks().saveFileName)
        return hooks().saveFileName(title, filter, suggested);
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
    QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    if (hooks().question)
        return hooks().question(title, text, buttons);
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void showInformation(QWidget *parent, const QString &title, const QString &text)
{
    if (hooks().information) {
        hooks().information(title, text);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

int choose(QWidget *parent, const Choice &choice)
{
    const int count = static_cast<int>(choice.buttons.size());
    const int escape = choice.escapeButton >= 0 && choice.escapeButton < count ? choice.escapeButton : count - 1;
    if (hooks().choose)
        return hooks().choose(choice);

    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("choiceDialog"));
    dialog.setWindowTitle(choice.title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(&dialog);
    const int size = dialog.style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, &dialog);
    icon->setPixmap(dialog.style()->standardIcon(QStyle::SP_MessageBoxQuestion, nullptr, &dialog).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    auto *text = new QLabel(choice.text, &dialog);
    text->setObjectName(QStringLiteral("choiceText"));
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(text, 1);
    layout->addLayout(top);
    if (!choice.details.isEmpty()) {
        auto *details = new QPlainTextEdit(choice.details, &dialog);
        details->setObjectName(QStringLiteral("choiceDetails"));
        details->setReadOnly(true);
        details->setLineWrapMode(QPlainTextEdit::NoWrap);
        details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        details->setMinimumSize(560, 220);
        layout->addWidget(details, 1);
    }
    auto *box = new QDialogButtonBox(&dialog);
    int answer = escape;
    for (int i = 0; i < count; ++i) {
        QPushButton *button = box->addButton(
            choice.buttons.at(i), i == escape ? QDialogButtonBox::RejectRole : QDialogButtonBox::AcceptRole);
        button->setAutoDefault(false);
        if (i == choice.defaultButton) {
            button->setDefault(true);
            button->setFocus();
        }
        QObject::connect(button, &QPushButton::clicked, &dialog, [&dialog, &answer, i] {
            answer = i;
            dialog.done(QDialog::Accepted);
        });
    }
    layout->addWidget(box);
    if (dialog.exec() != QDialog::Accepted)
        return escape;
    return answer;
}

} // namespace jwb::ui::Dialogs
