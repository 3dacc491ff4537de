#pragma once

#include "common/Finding.h"
#include "krakend/ValidatorConfig.h"

#include <QHash>
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

/// A titled group of options, in display order.
struct OptionGroup
{
    /// The English title: it names the group in object names and groupOf(), and the form shows its translation
    /// from the context "jwb::ui::OptionForm" (mark a title with QT_TRANSLATE_NOOP("jwb::ui::OptionForm", ...)).
    QString title;
    QStringList options;
};

/// A form generated from OptionInfo metadata (krakend::ValidatorConfig::options(), SignerConfig::options()...):
/// one row per option, grouped, with a widget chosen by the option's type, a tooltip built from its meaning,
/// default and first version, a badge when the option is newer than the target KrakenD version, and the lint
/// findings about it right under the field.
///
/// The form never edits a config itself: a committed change (Return or focus out of a line edit, a choice in a
/// combo, an edited list row) emits optionEdited(); the owner applies it to the document and calls setBlock()
/// with the result. Options missing from every group are placed in a last "Advanced" group.
class OptionForm : public QWidget
{
    Q_OBJECT
public:
    OptionForm(const QString &objectPrefix, const QList<krakend::OptionInfo> &options, const QList<OptionGroup> &groups,
        const QHash<QString, FieldKind> &kindOverrides = {}, QWidget *parent = nullptr);
    ~OptionForm() override;

    [[nodiscard]] static FieldKind kindOf(const krakend::OptionInfo &info);

    /// Shows the members of `block` (names matched case-insensitively, as KrakenD does). Emits nothing.
    void setBlock(const QJsonObject &block);
    [[nodiscard]] const QJsonObject &block() const { return m_block; }
    /// Findings whose subject is an option go under that option; the others are listed at the top.
    void setFindings(const common::Findings &findings);
    /// "2.0" … "2.13": options whose first version is newer get a badge.
    void setTargetVersion(const QString &version);
    void setEditable(bool editable);

    [[nodiscard]] QStringList optionNames() const;
    /// The editor widget of an option (QLineEdit, QComboBox, QListWidget or QTableWidget), for tests.
    [[nodiscard]] QWidget *editor(const QString &option) const;
    /// The inline lint label of an option (hidden when there is nothing to say).
    [[nodiscard]] QLabel *lintLabel(const QString &option) const;
    /// The "newer than the target version" badge of an option.
    [[nodiscard]] QLabel *versionBadge(const QString &option) const;
    /// The group title an option is shown under.
    [[nodiscard]] QString groupOf(const QString &option) const;
    /// Commits the value currently shown in an option's editor (what Return or focus-out does).
    void commit(const QString &option);

    /// Compares "2.6" with "2.13" numerically: <0, 0, >0.
    [[nodiscard]] static int compareVersions(const QString &a, const QString &b);

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
    QString m_target = QStringLiteral("2.13");
    QLabel *m_general = nullptr;
    bool m_updating = false;
};

} // namespace jwb::ui
