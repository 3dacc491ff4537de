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

} // namespace jwb::ui::Dialogs
