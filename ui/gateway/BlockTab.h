#pragma once

#include "krakend/ConfigEditor.h"
#include "krakend/Linter.h"

#include <QJsonValue>
#include <QList>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QHBoxLayout;
class QVBoxLayout;

namespace jwb::ui {

class OptionForm;

/// The Gateway's tab for one endpoint block, auth/validator or auth/signer (one widget, parameterised by the
/// block): a title naming the endpoint, Add and Remove buttons, a banner with KrakenD's verdict on the block
/// (it would not start, or the endpoint answers 401 to everything), a hint when there is no block, and the
/// block's OptionForm. It is a view of a krakend::ConfigEditor: it shows what the editor's document holds for
/// the endpoint it is given, and its edits go to the editor (each one an undoable step).
///
/// Object names start with the block's prefix ("validator", "signer"): validatorTab, validatorTitle,
/// addValidatorButton, removeValidatorButton, validatorBanner, validatorHint, validatorScroll, validatorForm.
class BlockTab : public QWidget
{
    Q_OBJECT
public:
    /// `block` is krakend::Block::Validator or krakend::Block::Signer.
    BlockTab(krakend::ConfigEditor *editor, krakend::Block block, QWidget *parent = nullptr);

    [[nodiscard]] krakend::Block block() const { return m_block; }
    /// Shows endpoint `endpoint` of the editor's document (-1: none selected); `lint` is the whole file's.
    void showEndpoint(int endpoint, const QList<krakend::LintItem> &lint);
    void setTargetVersion(const QString &version);
    /// A button in the header, before Add and Remove (the validator's "Suggest from token…").
    void addHeaderButton(QPushButton *button);
    /// A widget under the form (the validator tab's service-level group).
    void addBelowForm(QWidget *widget);
    /// Where Add takes the JWK URL of a new validator from (a source the session knows); empty: core's
    /// placeholder.
    void setJwkUrlHint(std::function<QString()> hint) { m_jwkUrlHint = std::move(hint); }

    // Edits of the shown endpoint's block: false (and an error dialog) when the document refuses one.
    bool setOption(const QString &option, const QJsonValue &value);
    /// Adds GatewayCatalog's default block; false when there is no endpoint or the block is there already.
    bool addBlock();
    bool removeBlock();

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    [[nodiscard]] QString runtimeBanner(const QJsonObject &members) const;
    [[nodiscard]] bool report(const common::Result<void> &result, krakend::EditKind kind, const QString &option = {});

    krakend::ConfigEditor *m_editor;
    krakend::Block m_block;
    int m_endpoint = -1;
    std::function<QString()> m_jwkUrlHint;

    QLabel *m_title = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QHBoxLayout *m_head = nullptr;
    QVBoxLayout *m_content = nullptr;
    OptionForm *m_form = nullptr;
};

} // namespace jwb::ui
