#include "gateway/OptionForm.h"

#include "common/Theme.h"
#include "krakend/go/GoStruct.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QRegularExpressionValidator>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace jwb::ui {

namespace GatewayCatalog = krakend::GatewayCatalog;
using krakend::GoType;
using krakend::OptionInfo;

struct OptionForm::Field
{
    OptionInfo info;
    FieldKind kind = FieldKind::Text;
    QString group;
    QLabel *label = nullptr;
    QLabel *badge = nullptr;
    QLabel *lint = nullptr;
    QLineEdit *line = nullptr;
    QComboBox *combo = nullptr;
    QListWidget *list = nullptr;
    QTableWidget *table = nullptr;
    QList<QToolButton *> buttons;
    QJsonValue shown {QJsonValue::Undefined}; ///< what the block holds (Undefined when unset)
};

namespace {

/// The group titles to translate, by GatewayCatalog's group id.
const char *groupTitle(const QString &id)
{
    static const QHash<QString, const char *> titles = {
        {QStringLiteral("keySource"), QT_TRANSLATE_NOOP("jwb::ui::OptionForm", "Key source & TLS")},
        {QStringLiteral("claims"), QT_TRANSLATE_NOOP("jwb::ui::OptionForm", "Claims")},
        {QStringLiteral("rolesScopes"), QT_TRANSLATE_NOOP("jwb::ui::OptionForm", "Roles & scopes")},
        {QStringLiteral("tokenLocation"), QT_TRANSLATE_NOOP("jwb::ui::OptionForm", "Token location")},
        {QStringLiteral("propagation"), QT_TRANSLATE_NOOP("jwb::ui::OptionForm", "Propagation")},
        {QStringLiteral("caching"), QT_TRANSLATE_NOOP("jwb::ui::OptionForm", "Caching")},
        {QStringLiteral("advanced"), QT_TRANSLATE_NOOP("jwb::ui::OptionForm", "Advanced")},
        {QStringLiteral("signing"), QT_TRANSLATE_NOOP("jwb::ui::OptionForm", "Signing")},
        {QStringLiteral("sharedCache"), QT_TRANSLATE_NOOP("jwb::ui::OptionForm", "Shared key cache (auth/validator)")},
        {QStringLiteral("revocation"), QT_TRANSLATE_NOOP("jwb::ui::OptionForm", "Token revocation (auth/revoker)")},
    };
    return titles.value(id, nullptr);
}

QString htmlEscape(const QString &s)
{
    return s.toHtmlEscaped();
}

QString tooltipFor(const OptionInfo &o)
{
    QString tip = QCoreApplication::translate(
        "jwb::ui::OptionForm", "<b>%1</b> <i>(%2)</i><p>%3</p><p>Default: %4<br>Since KrakenD %5")
                      .arg(htmlEscape(o.name), htmlEscape(o.type), htmlEscape(o.meaning), htmlEscape(o.defaultValue),
                          htmlEscape(o.since));
    if (!o.versionNote.isEmpty())
        tip += QStringLiteral(" (%1)").arg(htmlEscape(o.versionNote));
    if (!o.enumValues.isEmpty())
        tip += QCoreApplication::translate("jwb::ui::OptionForm", "<br>Values: %1")
                   .arg(htmlEscape(o.enumValues.join(QStringLiteral(", "))));
    if (!o.inSchema)
        tip += QCoreApplication::translate(
            "jwb::ui::OptionForm", "<br><b>Not in the v%1 schema</b>: read at run time but fails krakend check --lint.")
                   .arg(GatewayCatalog::schemaVersion());
    if (!o.readAtRuntime)
        tip += QCoreApplication::translate(
            "jwb::ui::OptionForm", "<br><b>Ignored by KrakenD CE</b> although the schema has it.");
    return tip + QStringLiteral("</p>");
}

QString compactJson(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        return QString::number(d, 'g', 17);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull())
        return QStringLiteral("null");
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

/// Lists and tables are as tall as their rows (one empty row at least, five at most), not a fixed box.
void fitRows(QAbstractItemView *view, int rows, int header)
{
    const int row = view->fontMetrics().height() + 8;
    const int frame = 2 * view->frameWidth();
    view->setFixedHeight(header + frame + row * std::clamp(rows, 1, 5) + 4);
}

/// Go's []byte decoding: standard base64 with padding.
bool isStdBase64(const QString &s)
{
    return QByteArray::fromBase64Encoding(s.toLatin1(), QByteArray::AbortOnBase64DecodingErrors).decodingStatus
        == QByteArray::Base64DecodingStatus::Ok
        && s.size() % 4 == 0;
}

} // namespace

OptionForm::OptionForm(const QString &objectPrefix, krakend::Block block, QWidget *parent)
    : QWidget(parent), m_prefix(objectPrefix), m_target(GatewayCatalog::schemaVersion())
{
    setObjectName(objectPrefix + QStringLiteral("Form"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    m_general = new QLabel(this);
    m_general->setObjectName(objectPrefix + QStringLiteral("GeneralLint"));
    m_general->setWordWrap(true);
    m_general->setTextFormat(Qt::RichText);
    m_general->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_general->hide();
    layout->addWidget(m_general);

    const QList<OptionInfo> &options = GatewayCatalog::options(block);
    for (const krakend::OptionGroup &g : GatewayCatalog::groups(block)) {
        const char *title = groupTitle(g.id);
        const QString shown = title ? tr(title) : g.title;
        auto *box = new QGroupBox(QString(shown).replace(u'&', QStringLiteral("&&")), this);
        box->setObjectName(objectPrefix + QStringLiteral("Group_") + QString(g.title).remove(u' '));
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
        form->setVerticalSpacing(6);
        int rows = 0;
        for (const QString &name : g.options) {
            auto it = std::find_if(options.begin(), options.end(), [&](const OptionInfo &o) { return o.name == name; });
            if (it == options.end())
                continue; // GatewayCatalog's groups name only the block's options
            auto *f = new Field;
            f->info = *it;
            f->kind = kindOf(*it);
            f->group = g.title;
            m_fields.append(f);

            auto *cell = new QWidget(box);
            auto *cellLayout = new QVBoxLayout(cell);
            cellLayout->setContentsMargins(0, 0, 0, 0);
            cellLayout->setSpacing(2);
            auto *editorRow = new QHBoxLayout;
            editorRow->setContentsMargins(0, 0, 0, 0);
            editorRow->addWidget(buildEditor(*f), 1);
            f->badge = new QLabel(cell);
            f->badge->setObjectName(objectPrefix + QStringLiteral("Badge_") + name);
            f->badge->hide();
            editorRow->addWidget(f->badge, 0, Qt::AlignTop);
            cellLayout->addLayout(editorRow);
            f->lint = new QLabel(cell);
            f->lint->setObjectName(objectPrefix + QStringLiteral("Lint_") + name);
            f->lint->setWordWrap(true);
            f->lint->setTextFormat(Qt::RichText);
            f->lint->setTextInteractionFlags(Qt::TextSelectableByMouse);
            f->lint->hide();
            cellLayout->addWidget(f->lint);

            f->label = new QLabel(name, box);
            f->label->setToolTip(tooltipFor(f->info));
            f->label->setBuddy(editor(name));
            form->addRow(f->label, cell);
            ++rows;
        }
        if (rows == 0)
            delete box;
        else
            layout->addWidget(box);
    }
    layout->addStretch(1);
    // One label column width for every group, so that the fields line up down the whole form.
    int labelWidth = 0;
    for (const Field *f : m_fields)
        labelWidth = std::max(labelWidth, f->label->sizeHint().width());
    for (Field *f : m_fields)
        f->label->setMinimumWidth(labelWidth);
    restyle();
}

OptionForm::~OptionForm()
{
    qDeleteAll(m_fields);
}

FieldKind OptionForm::kindOf(const OptionInfo &info)
{
    switch (info.goType) {
    case GoType::String:
        return info.enumValues.isEmpty() ? FieldKind::Text : FieldKind::Choice;
    case GoType::Bool:
        return FieldKind::Bool;
    case GoType::Uint32:
        return FieldKind::Uint;
    case GoType::Float64:
        return FieldKind::Number;
    case GoType::StringList:
        return FieldKind::List;
    case GoType::StringPairs:
        return FieldKind::Pairs;
    case GoType::Uint16List:
        return FieldKind::UintList;
    case GoType::Bytes:
        return FieldKind::Base64;
    }
    return FieldKind::Text;
}

QWidget *OptionForm::buildEditor(Field &f)
{
    const QString name = f.info.name;
    const QString objectName = m_prefix + u'_' + name;
    const QString tip = tooltipFor(f.info);
    auto finish = [&](QWidget *w) {
        w->setObjectName(objectName);
        w->setToolTip(tip);
        w->setAccessibleName(name);
        w->setAccessibleDescription(f.info.meaning);
        return w;
    };
    switch (f.kind) {
    case FieldKind::Text:
    case FieldKind::Uint:
    case FieldKind::Number:
    case FieldKind::Base64: {
        f.line = new QLineEdit(this);
        f.line->setClearButtonEnabled(true);
        f.line->setPlaceholderText(tr("unset — default: %1").arg(f.info.defaultValue));
        if (f.kind == FieldKind::Uint)
            f.line->setValidator(
                new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,10}")), f.line));
        else if (f.kind == FieldKind::Number)
            f.line->setValidator(new QRegularExpressionValidator(
                QRegularExpression(QStringLiteral("-?\\d*(\\.\\d*)?([eE][-+]?\\d*)?")), f.line));
        if (f.kind == FieldKind::Base64 || f.info.name.contains(QLatin1String("fingerprint")))
            f.line->setFont(Theme::monospaceFont());
        connect(f.line, &QLineEdit::editingFinished, this, [this, &f] { onCommit(f); });
        return finish(f.line);
    }
    case FieldKind::Choice:
    case FieldKind::Bool: {
        f.combo = new QComboBox(this);
        f.combo->addItem(tr("unset (default: %1)").arg(f.info.defaultValue), QVariant());
        if (f.kind == FieldKind::Bool) {
            f.combo->addItem(QStringLiteral("true"), true);
            f.combo->addItem(QStringLiteral("false"), false);
        } else {
            for (const QString &v : f.info.enumValues)
                f.combo->addItem(v, v);
        }
        f.combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        f.combo->setMinimumContentsLength(12);
        connect(f.combo, &QComboBox::activated, this, [this, &f] { onCommit(f); });
        return finish(f.combo);
    }
    case FieldKind::List:
    case FieldKind::UintList:
    case FieldKind::Pairs: {
        auto *box = new QWidget(this);
        auto *row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(4);
        QAbstractItemView *view = nullptr;
        if (f.kind == FieldKind::Pairs) {
            f.table = new QTableWidget(0, 2, box);
            f.table->setHorizontalHeaderLabels({tr("Claim"), tr("Header")});
            f.table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
            f.table->verticalHeader()->hide();
            f.table->verticalHeader()->setDefaultSectionSize(f.table->fontMetrics().height() + 8);
            connect(f.table, &QTableWidget::itemChanged, this, [this, &f] {
                if (!m_updating)
                    onCommit(f);
            });
            view = f.table;
        } else {
            f.list = new QListWidget(box);
            connect(f.list, &QListWidget::itemChanged, this, [this, &f] {
                if (!m_updating)
                    onCommit(f);
            });
            view = f.list;
        }
        view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
            | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
        view->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        finish(view);
        row->addWidget(view, 1);

        auto *buttons = new QVBoxLayout;
        buttons->setSpacing(2);
        auto *add = new QToolButton(box);
        add->setText(QStringLiteral("+"));
        add->setObjectName(objectName + QStringLiteral("_add"));
        add->setToolTip(tr("Add an entry to %1").arg(name));
        add->setAccessibleName(tr("Add to %1").arg(name));
        auto *remove = new QToolButton(box);
        remove->setText(QStringLiteral("\u2212"));
        remove->setObjectName(objectName + QStringLiteral("_remove"));
        remove->setToolTip(tr("Remove the selected entry of %1").arg(name));
        remove->setAccessibleName(tr("Remove from %1").arg(name));
        f.buttons = {add, remove};
        buttons->addWidget(add);
        buttons->addWidget(remove);
        buttons->addStretch(1);
        row->addLayout(buttons);
        connect(add, &QToolButton::clicked, this, [this, &f] {
            // An empty row is only written once it has text.
            if (f.table) {
                m_updating = true;
                const int r = f.table->rowCount();
                f.table->insertRow(r);
                f.table->setItem(r, 0, new QTableWidgetItem);
                f.table->setItem(r, 1, new QTableWidgetItem);
                m_updating = false;
                fitRows(f.table, f.table->rowCount(), f.table->horizontalHeader()->sizeHint().height());
                f.table->setCurrentCell(r, 0);
                f.table->editItem(f.table->item(r, 0));
            } else {
                m_updating = true;
                auto *item = new QListWidgetItem(f.list);
                item->setFlags(item->flags() | Qt::ItemIsEditable);
                m_updating = false;
                fitRows(f.list, f.list->count(), 0);
                f.list->setCurrentItem(item);
                f.list->editItem(item);
            }
        });
        connect(remove, &QToolButton::clicked, this, [this, &f] {
            if (f.table) {
                const int r = f.table->currentRow();
                if (r < 0)
                    return;
                m_updating = true;
                f.table->removeRow(r);
                m_updating = false;
            } else {
                const int r = f.list->currentRow();
                if (r < 0)
                    return;
                m_updating = true;
                delete f.list->takeItem(r);
                m_updating = false;
            }
            onCommit(f);
        });
        return box;
    }
    }
    return nullptr;
}

OptionForm::Field *OptionForm::field(const QString &option) const
{
    for (Field *f : m_fields)
        if (f->info.name == option)
            return f;
    return nullptr;
}

QStringList OptionForm::optionNames() const
{
    QStringList out;
    for (const Field *f : m_fields)
        out.append(f->info.name);
    return out;
}

QWidget *OptionForm::editor(const QString &option) const
{
    const Field *f = field(option);
    if (!f)
        return nullptr;
    if (f->line)
        return f->line;
    if (f->combo)
        return f->combo;
    if (f->list)
        return f->list;
    return f->table;
}

QLabel *OptionForm::lintLabel(const QString &option) const
{
    const Field *f = field(option);
    return f ? f->lint : nullptr;
}

QLabel *OptionForm::versionBadge(const QString &option) const
{
    const Field *f = field(option);
    return f ? f->badge : nullptr;
}

QString OptionForm::groupOf(const QString &option) const
{
    const Field *f = field(option);
    return f ? f->group : QString();
}

void OptionForm::setBlock(const QJsonObject &block)
{
    m_block = block;
    m_updating = true;
    for (Field *f : m_fields) {
        const QString key = krakend::GoStruct::memberKey(block, f->info.name);
        fill(*f, key.isEmpty() ? QJsonValue(QJsonValue::Undefined) : block.value(key));
    }
    m_updating = false;
    restyle();
}

void OptionForm::fill(Field &f, const QJsonValue &value)
{
    f.shown = value;
    if (f.line) {
        const QString text = value.isUndefined() ? QString() : compactJson(value);
        if (f.line->text() != text)
            f.line->setText(text);
        f.line->setCursorPosition(0);
    } else if (f.combo) {
        // Values outside the enum (a misspelt alg, "yes" for a boolean) are shown as they are, marked invalid.
        while (f.combo->count() > (f.kind == FieldKind::Bool ? 3 : 1 + static_cast<int>(f.info.enumValues.size())))
            f.combo->removeItem(f.combo->count() - 1);
        int index = 0;
        if (!value.isUndefined()) {
            index = -1;
            for (int i = 1; i < f.combo->count(); ++i)
                if (QJsonValue::fromVariant(f.combo->itemData(i)) == value)
                    index = i;
            if (index < 0) {
                f.combo->addItem(tr("%1 (not a valid value)").arg(compactJson(value)), value.toVariant());
                index = f.combo->count() - 1;
            }
        }
        f.combo->setCurrentIndex(index);
    } else if (f.list) {
        f.list->clear();
        const QJsonArray arr = value.isArray() ? value.toArray() : QJsonArray();
        for (const QJsonValue &e : arr) {
            auto *item = new QListWidgetItem(compactJson(e), f.list);
            item->setFlags(item->flags() | Qt::ItemIsEditable);
        }
        fitRows(f.list, f.list->count(), 0);
    } else if (f.table) {
        f.table->setRowCount(0);
        const QJsonArray arr = value.isArray() ? value.toArray() : QJsonArray();
        for (const QJsonValue &pair : arr) {
            const QJsonArray p = pair.toArray();
            const int r = f.table->rowCount();
            f.table->insertRow(r);
            f.table->setItem(r, 0, new QTableWidgetItem(compactJson(p.at(0))));
            f.table->setItem(r, 1, new QTableWidgetItem(p.size() > 1 ? compactJson(p.at(1)) : QString()));
        }
        fitRows(f.table, f.table->rowCount(), f.table->horizontalHeader()->sizeHint().height());
    }
}

std::optional<QJsonValue> OptionForm::read(Field &f) const
{
    switch (f.kind) {
    case FieldKind::Text:
    case FieldKind::Base64: {
        const QString t = f.line->text();
        return t.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(t);
    }
    case FieldKind::Uint: {
        const QString t = f.line->text().trimmed();
        if (t.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        bool ok = false;
        const qulonglong n = t.toULongLong(&ok);
        if (!ok || n > 4294967295ULL)
            return std::nullopt;
        return QJsonValue(static_cast<qint64>(n));
    }
    case FieldKind::Number: {
        const QString t = f.line->text().trimmed();
        if (t.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        bool ok = false;
        const double d = t.toDouble(&ok);
        if (!ok)
            return std::nullopt;
        return QJsonValue(d);
    }
    case FieldKind::Choice:
    case FieldKind::Bool:
        // The "unset" entry holds an invalid QVariant (fromVariant would turn it into null).
        return f.combo->currentData().isValid() ? QJsonValue::fromVariant(f.combo->currentData())
                                                : QJsonValue(QJsonValue::Undefined);
    case FieldKind::List:
    case FieldKind::UintList: {
        QJsonArray arr;
        for (int i = 0; i < f.list->count(); ++i) {
            const QString t = f.list->item(i)->text().trimmed();
            if (t.isEmpty())
                continue;
            if (f.kind == FieldKind::UintList) {
                bool ok = false;
                const uint n = t.toUInt(&ok);
                if (!ok || n > 65535)
                    return std::nullopt;
                arr.append(static_cast<qint64>(n));
            } else {
                arr.append(f.list->item(i)->text());
            }
        }
        return arr.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(arr);
    }
    case FieldKind::Pairs: {
        QJsonArray arr;
        for (int r = 0; r < f.table->rowCount(); ++r) {
            const QString a = f.table->item(r, 0) ? f.table->item(r, 0)->text().trimmed() : QString();
            const QString b = f.table->item(r, 1) ? f.table->item(r, 1)->text().trimmed() : QString();
            if (a.isEmpty() || b.isEmpty())
                continue; // half-filled rows wait for their other half
            arr.append(QJsonArray {a, b});
        }
        return arr.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(arr);
    }
    }
    return std::nullopt;
}

void OptionForm::commit(const QString &option)
{
    if (Field *f = field(option))
        onCommit(*f);
}

void OptionForm::onCommit(Field &f)
{
    if (m_updating)
        return;
    const std::optional<QJsonValue> v = read(f);
    if (!v) {
        // Per-field validation: the value cannot be written as this option's type.
        f.lint->setText(QStringLiteral("<span style=\"color:%1\">\u26a0 %2</span>")
                            .arg(Theme::severityColor(common::Severity::Error, palette()).name(),
                                f.kind == FieldKind::UintList ? tr("every entry must be an integer from 0 to 65535")
                                                              : tr("not a valid %1").arg(f.info.type.toHtmlEscaped())));
        f.lint->show();
        return;
    }
    if (f.kind == FieldKind::Base64 && v->isString() && !isStdBase64(v->toString())) {
        f.lint->setText(QStringLiteral("<span style=\"color:%1\">\u26a0 %2</span>")
                            .arg(Theme::severityColor(common::Severity::Warning, palette()).name(),
                                tr("not standard base64: KrakenD fails to parse the block (401 to every "
                                   "request)")));
        f.lint->show();
    }
    if (*v == f.shown)
        return;
    // A half-typed list row or a value equal to the shown one is not an edit.
    QPointer<QLineEdit> line = f.line;
    Q_EMIT optionEdited(f.info.name, *v);
    if (line) {
        // The typing is now an edit of the document, undone there: the field keeps its text, not its history.
        const int cursor = line->cursorPosition();
        line->setText(line->text());
        line->setCursorPosition(cursor);
    }
}

void OptionForm::setFindings(const common::Findings &findings)
{
    m_findings = findings;
    restyle();
}

void OptionForm::setTargetVersion(const QString &version)
{
    m_target = version;
    restyle();
}

void OptionForm::setEditable(bool editable)
{
    for (Field *f : m_fields) {
        if (QWidget *e = editor(f->info.name))
            e->setEnabled(editable);
        for (QToolButton *b : f->buttons)
            b->setEnabled(editable);
    }
}

void OptionForm::restyle()
{
    const QPalette pal = palette();
    auto line = [&](const common::Finding &f) {
        return QStringLiteral("<span style=\"color:%1\">%2 %3</span>")
            .arg(Theme::severityColor(f.severity, pal).name(),
                f.severity == common::Severity::Error         ? QStringLiteral("\u2716")
                    : f.severity == common::Severity::Warning ? QStringLiteral("\u26a0")
                                                              : QStringLiteral("\u2139"),
                f.message.toHtmlEscaped());
    };
    QStringList general;
    QHash<QString, QStringList> byOption;
    for (const common::Finding &f : m_findings) {
        if (field(f.subject))
            byOption[f.subject].append(line(f));
        else
            general.append(
                (f.subject.isEmpty() ? QString() : QStringLiteral("<b>%1</b>: ").arg(f.subject.toHtmlEscaped()))
                + line(f));
    }
    m_general->setText(general.join(QStringLiteral("<br>")));
    m_general->setVisible(!general.isEmpty());
    for (Field *f : m_fields) {
        const QStringList lines = byOption.value(f->info.name);
        f->lint->setText(lines.join(QStringLiteral("<br>")));
        f->lint->setVisible(!lines.isEmpty());
        const bool newer = GatewayCatalog::compareVersions(f->info.since, m_target) > 0;
        f->badge->setVisible(newer);
        if (newer) {
            const bool set = !f->shown.isUndefined();
            f->badge->setText(
                QStringLiteral("<span style=\"color:%1\">%2 %3+</span>")
                    .arg(Theme::severityColor(set ? common::Severity::Error : common::Severity::Warning, pal).name(),
                        set ? QStringLiteral("\u2716") : QStringLiteral("\u26a0"), f->info.since));
            f->badge->setToolTip(
                (set ? tr("%1 first appeared in KrakenD %2; the target version is %3: it is set here and will be "
                          "ignored or rejected")
                     : tr("%1 first appeared in KrakenD %2; the target version is %3"))
                    .arg(f->info.name, f->info.since, m_target));
        }
    }
}

void OptionForm::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

} // namespace jwb::ui
