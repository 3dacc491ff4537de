#pragma once

#include "common/Finding.h"
#include "krakend/GatewayCatalog.h"
#include "krakend/OptionInfo.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPalette>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableWidget;
class QVBoxLayout;

namespace jwb::ui {

/// The editor used for one option, derived from its Go type (and enum) unless overridden.
enum class FieldKind {
    Text, ///< string: a line edit; empty means unset
    Choice, ///< string with an enum: a combo with "unset" first
    Bool, ///< bool: a tri-state combo unset / true / false
    Uint, ///< uint32: a line edit accepting digits only
    Number, ///< a JSON number (float allowed)
    Base64, ///< []byte: a line edit checked as standard base64
    List, ///< []string: an editable list
    UintList, ///< []uint16: an editable list of integers 0..65535
    Pairs, ///< [][]string: a two-column table (claim, header)
};

/// The form of one JWT block, generated from core's metadata (krakend::GatewayCatalog: the block's options and
/// groups): one row per option, grouped, with a widget chosen by the option's Go type, a tooltip built from its
/// meaning, default and first version, a badge when the option is newer than the target KrakenD version, and the
/// lint findings about it right under the field. Group titles are translated here, by group id.
///
/// The form never edits a config itself: a committed change (Return or focus out of a line edit, a choice in a
/// combo, an edited list row) emits optionEdited(); the owner applies it to the document and calls setBlock()
/// with the result. A line edit forgets its typing once it is committed, so that Ctrl+Z then undoes the edit in
/// the document rather than the typing.
class OptionForm : public QWidget
{
    Q_OBJECT
public:
    /// Object names start with `objectPrefix` ("validator": validatorForm, validator_issuer, ...).
    OptionForm(const QString &objectPrefix, krakend::Block block, QWidget *parent = nullptr);
    ~OptionForm() override;

    [[nodiscard]] static FieldKind kindOf(const krakend::OptionInfo &info);

    /// Shows the members of `block`: for each option the member KrakenD reads (krakend::GoStruct::memberKey, Go's
    /// case folding). Emits nothing.
    void setBlock(const QJsonObject &block);
    [[nodiscard]] const QJsonObject &block() const { return m_block; }
    /// Findings whose subject is an option go under that option; the others are listed at the top.
    void setFindings(const common::Findings &findings);
    /// One of GatewayCatalog::versions(): options whose first version is newer get a badge.
    void setTargetVersion(const QString &version);
    void setEditable(bool editable);

    [[nodiscard]] QStringList optionNames() const;
    /// The editor widget of an option (QLineEdit, QComboBox, QListWidget or QTableWidget), for tests.
    [[nodiscard]] QWidget *editor(const QString &option) const;
    /// The inline lint label of an option (hidden when there is nothing to say).
    [[nodiscard]] QLabel *lintLabel(const QString &option) const;
    /// The "newer than the target version" badge of an option.
    [[nodiscard]] QLabel *versionBadge(const QString &option) const;
    /// The English title of the group an option is shown under (GatewayCatalog's).
    [[nodiscard]] QString groupOf(const QString &option) const;
    /// Commits the value currently shown in an option's editor (what Return or focus-out does).
    void commit(const QString &option);

Q_SIGNALS:
    /// A committed edit: the new value, or an undefined QJsonValue to remove the option.
    void optionEdited(const QString &option, const QJsonValue &value);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Field;
    Field *field(const QString &option) const;
    QWidget *buildEditor(Field &f);
    void fill(Field &f, const QJsonValue &value);
    [[nodiscard]] std::optional<QJsonValue> read(Field &f) const;
    void onCommit(Field &f);
    void restyle();

    QString m_prefix;
    QList<Field *> m_fields;
    QJsonObject m_block;
    common::Findings m_findings;
    QString m_target;
    QLabel *m_general = nullptr;
    bool m_updating = false;
};

} // namespace jwb::ui
