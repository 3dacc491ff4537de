#pragma once

#include <QMessageBox>
#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

namespace jwb::ui {

/// Every file and message dialog of the app goes through here, so that tests can answer them without a
/// modal event loop: install Hooks and the real dialog is never shown.
namespace Dialogs {
/// A question whose answers are named buttons ("Fetch now" / "Not now", "Save with errors" / "Cancel"), with an
/// optional monospace text shown in full under the message (a diff, a list of hosts).
struct Choice
{
    QString title;
    QString text;
    QString details; ///< shown in a read-only monospace box when not empty
    QStringList buttons; ///< left to right; at least one
    int defaultButton = 0; ///< the button Enter presses
    int escapeButton = -1; ///< the answer when the dialog is closed or Escape is pressed; -1 for the last button
};

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
    /// Answers a Choice: the index of the button pressed.
    std::function<int(const Choice &choice)> choose;
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
/// A modal choice among named buttons; returns the index of the button pressed (escapeButton when closed).
[[nodiscard]] int choose(QWidget *parent, const Choice &choice);
} // namespace Dialogs

} // namespace jwb::ui
