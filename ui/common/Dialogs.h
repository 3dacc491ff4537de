#pragma once

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
};

/// Installs test hooks; a member left empty keeps the real dialog.
void setHooks(Hooks hooks);
void clearHooks();

/// A modal file chooser; returns the chosen path or an empty string.
[[nodiscard]] QString getOpenFileName(QWidget *parent, const QString &title, const QString &filter);
/// A window-modal error box that does not block the caller (it is opened, not exec'ed).
void showError(QWidget *parent, const QString &title, const QString &text);
} // namespace Dialogs

} // namespace jwb::ui
