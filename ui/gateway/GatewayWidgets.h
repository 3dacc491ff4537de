#pragma once

#include "common/Finding.h"

#include <QString>

class QAbstractItemModel;
class QLabel;
class QPushButton;
class QTableView;
class QWidget;

/// Small widgets the Gateway's views share (GatewayPage, BlockTab, Simulate, All endpoints, Test tokens).
namespace jwb::ui::gateway {

/// Shows `text` in `label` as a banner coloured for `severity` (the palette's light or dark colours); hides the
/// label when the text is empty.
void setBanner(QLabel *label, common::Severity severity, const QString &text);
/// A centred, wrapped placeholder text ("No endpoints yet…").
QLabel *makeHint(const QString &objectName, QWidget *parent);
/// A push button with its object name, tooltip and accessible name (the text without an ellipsis).
QPushButton *makeButton(const QString &text, const QString &objectName, const QString &tip, QWidget *parent);

/// A plain-text, demi-bold title line ("GET /orders").
QLabel *makeTitle(const QString &objectName, QWidget *parent);
/// A read-only table of `model` whose rows are selected one at a time (the matrices of answers).
QTableView *makeRowTable(const QString &objectName, QAbstractItemModel *model, QWidget *parent);

} // namespace jwb::ui::gateway
