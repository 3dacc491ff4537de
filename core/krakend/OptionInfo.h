#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace jwb::krakend {

/// The Go type of a KrakenD option's struct field: it decides which JSON values Go's `encoding/json` accepts.
enum class GoType {
    String, ///< string: a JSON string (null leaves it empty)
    Bool, ///< bool: true/false
    Uint32, ///< uint32: a non-negative integer number (after KrakenD's float64 round trip)
    Float64, ///< float64: any JSON number (the revoker's P)
    StringList, ///< []string
    StringPairs, ///< [][]string (propagate_claims)
    Uint16List, ///< []uint16 (cipher_suites)
    Bytes, ///< []byte: a standard-base64 string (cypher_key)
};

/// One configuration option as data the UI can list: name, JSON type, default, first KrakenD version, meaning.
struct OptionInfo
{
    QString name; ///< as written in the config, e.g. "roles_key_is_nested"
    GoType goType = GoType::String;
    QString type; ///< for people: "string", "boolean", "array of strings", "duration string"...
    QStringList enumValues; ///< allowed values when the schema has an enum
    QString defaultValue; ///< KrakenD's runtime default in words ("roles", "1s", "none", "false")
    QString since; ///< first KrakenD version whose schema has it ("2.0", "2.6", ...)
    QString versionNote; ///< finer version facts ("code in CE 2.6.1", "x5t#S256 since 2.10")
    QString meaning; ///< what it does at run time, one paragraph
    bool inSchema = true; ///< false: accepted at run time only (fails `krakend check --lint`)
    bool readAtRuntime = true; ///< false: in the schema but ignored by KrakenD CE's code
};

/// An OptionInfo from C string literals (the option tables of ValidatorConfig, SignerConfig, KeySourceConfig and
/// GatewayCatalog are written with it): Latin-1 names, UTF-8 texts.
struct OptionSpec
{
    const char *name;
    GoType goType;
    const char *type;
    const char *defaultValue;
    const char *since;
    const char *meaning;
    QStringList enumValues = {};
    const char *versionNote = "";
    bool inSchema = true;
    bool readAtRuntime = true;

    [[nodiscard]] OptionInfo info() const
    {
        OptionInfo o;
        o.name = QString::fromLatin1(name);
        o.goType = goType;
        o.type = QString::fromUtf8(type);
        o.defaultValue = QString::fromUtf8(defaultValue);
        o.since = QString::fromLatin1(since);
        o.meaning = QString::fromUtf8(meaning);
        o.enumValues = enumValues;
        o.versionNote = QString::fromUtf8(versionNote);
        o.inSchema = inSchema;
        o.readAtRuntime = readAtRuntime;
        return o;
    }
};

/// The option named `name` (exactly) in `options`, or nullptr.
inline const OptionInfo *findOption(const QList<OptionInfo> &options, const QString &name)
{
    for (const OptionInfo &o : options)
        if (o.name == name)
            return &o;
    return nullptr;
}

/// The OptionInfos of a table of OptionSpecs, in order.
inline QList<OptionInfo> optionList(std::initializer_list<OptionSpec> specs)
{
    QList<OptionInfo> out;
    out.reserve(static_cast<qsizetype>(specs.size()));
    for (const OptionSpec &s : specs)
        out.append(s.info());
    return out;
}

} // namespace jwb::krakend
