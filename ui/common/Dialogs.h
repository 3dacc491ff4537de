#pragma once

#include <QMessageBox>
#include <QString>

#include <functional>

class QWidget;

namespace jwb::ui {

/// Every file and message dialog of the app goes through here, so that tests can answer them without a
/// modal event loop: install Hooks and the real dialog is never shown.
namespace Dialogs {
struct Hooks
{
    /// Answers an open-file dialog: (title, filter) -> path, empty for "cancelled".
    std::function<QString(const QString &title, const QString &filter)> openFileName;
    /// Receives an error message instead of a message box: (title, text).
    std::function<void(const QString &title, const QString &text)> error;
    /// Answers a save-file dialog: (title, filter, suggested path) -> path, empty for "cancelled".
    std::function<QString(const QString &title, const QString &filter, const QString &suggested)> saveFileName;
    /// Answers a question box: (title, text, buttons offered) -> the button pressed.
    std::function<QMessageBox::StandardButton(
        const QString &title, const QString &text, QMessageBox::StandardButtons buttons)>
        question;
    /// Receives an information message instead of a message box: (title, text).
    std::function<void(const QString &title, const QString &text)> information;
};

/// Installs test hooks; a member left empty keeps the real dialog.
void setHooks(Hooks hooks);
void clearHooks();

/// A modal file chooser; returns the chosen path or an empty string.
[[nodiscard]] QString getOpenFileName(QWidget *parent, const QString &title, const QString &filter);
/// A window-modal error box that does not block the caller (it is opened, not exec'ed).
void showError(QWidget *parent, const QString &title, const QString &text);
/// A modal file chooser for saving; returns the chosen path or an empty string.
[[nodiscard]] QString getSaveFileName(
    QWidget *parent, const QString &title, const QString &filter, const QString &suggested = {});
/// A modal question (e.g. Save / Discard / Cancel); returns the button pressed (Cancel or Escape when closed).
[[nodiscard]] QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
    QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
    QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
/// A window-modal information box that does not block the caller.
void showInformation(QWidget *parent, const QString &title, const QString &text);
} // namespace Dialogs

} // namespace jwb::ui
