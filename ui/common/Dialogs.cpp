#include "common/Dialogs.h"

#include <QFileDialog>
#include <QMessageBox>

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

} // namespace jwb::ui::Dialogs
