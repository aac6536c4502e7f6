#include "registry/RelayRegistry.h"

#include "relay/DeviceTarget.h"

#include <QFile>
#include <QRegularExpression>

namespace relayfleet {

namespace {

constexpr char kHelperPath[] = "\"$HOME\"/.relayfleet/helper";
constexpr int kHelperMissing = 127;
constexpr int kHelperPortTaken = 3; // `reserve`: another device holds the port

// Arguments are plain words from a fixed alphabet, so joining them with spaces is safe; the
// check makes that an invariant rather than a hope.
bool isPlainWord(const QString &word)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9+/=:._-]{1,1024}\\z"));
    return pattern.match(word).hasMatch();
}

} // namespace

RelayRegistry::RelayRegistry(RelayConnection &relay, QDeadlineTimer deadline, CancelToken cancel)
    : m_relay(relay)
    , m_deadline(deadline)
    , m_cancel(std::move(cancel))
{
}

QByteArray RelayRegistry::helperScript()
{
    QFile file(QStringLiteral(":/relayfleet/relay/relayfleet-helper"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Result<CommandOutput> RelayRegistry::helper(const QStringList &arguments, const QByteArray &input)
{
    for (const QString &word : arguments) {
        if (!isPlainWord(word)) {
            return Error::make(
                Error::Code::InvalidInput,
                tr("Refusing to pass \"%1\" to the relay helper.").arg(word.left(64)));
        }
    }
    return run(QLatin1String(kHelperPath) + QLatin1Char(' ') + arguments.join(QLatin1Char(' ')),
               input);
}

Result<CommandOutput> RelayRegistry::run(const QString &command, const QByteArray &input)
{
    auto output = m_relay.runCommand(command, input, m_deadline, m_cancel);
    if (!output) {
        return output;
    }
    if (output->exitStatus == kHelperMissing) {
        return Error::make(Error::Code::NotFound, tr("Relay %1 has no Relay Fleet helper yet: run "
                                                     "`relayfleet-cli relay init %1`.")
                                                      .arg(m_relay.config().name));
    }
    return output;
}

Result<void> RelayRegistry::helperOk(const QStringList &arguments, const QByteArray &input)
{
    auto output = helper(arguments, input);
    if (!output) {
        return output.error();
    }
    if (output->exitStatus != 0) {
        return failure(output.value(), Error::Code::Protocol);
    }
    return {};
}

Error RelayRegistry::failure(const CommandOutput &output, Error::Code code) const
{
    return Error::make(
        code, QStringLiteral("Relay %1: %2")
                  .arg(m_relay.config().name, QString::fromUtf8(output.err.left(500)).trimmed()));
}

Result<int> RelayRegistry::install()
{
    const QByteArray script = helperScript();
    if (script.isEmpty()) {
        return Error::make(Error::Code::Io, tr("The relay helper is missing from "
                                               "this build."));
    }
    // Written beside the old one and renamed, so a helper is never half-written.
    const QString command = QStringLiteral(
        "umask 077 && mkdir -p \"$HOME\"/.relayfleet/devices \"$HOME\"/.relayfleet/ports "
        "\"$HOME\"/.relayfleet/heartbeat && cat > \"$HOME\"/.relayfleet/helper.new && "
        "chmod 700 \"$HOME\"/.relayfleet/helper.new && "
        "mv -f \"$HOME\"/.relayfleet/helper.new \"$HOME\"/.relayfleet/helper && "
        "\"$HOME\"/.relayfleet/helper version");
    auto output = m_relay.runCommand(command, script, m_deadline, m_cancel);
    if (!output) {
        return output.error();
    }
    if (output->exitStatus != 0 || !output->out.startsWith("relayfleet-helper ")) {
        return Error::make(
            Error::Code::Io,
            tr("Cannot install the helper on relay "
               "%1: %2")
                .arg(m_relay.config().name, QString::fromUtf8(output->err.left(500)).trimmed()));
    }
    return output->out.mid(18).trimmed().toInt();
}

Result<bool> RelayRegistry::installIfOlder()
{
    const QByteArray script = helperScript();
    const qsizetype at = script.indexOf("\nHELPER_VERSION=");
    const int ours = at < 0 ? 0 : script.mid(at + 16, 8).split('\n').first().toInt();
    auto output = helper({QStringLiteral("version")});
    if (!output && output.error().code != Error::Code::NotFound) {
        return output.error();
    }
    const int theirs = output && output->out.startsWith("relayfleet-helper ")
                           ? output->out.mid(18).trimmed().toInt()
                           : 0;
    if (theirs >= ours) {
        return false;
    }
    auto installed = install();
    if (!installed) {
        return installed.error();
    }
    return true;
}

Result<RegistryListing> RelayRegistry::list()
{
    // The registry and the listener table in one command: one channel on the relay, not two
    // (two round trips fewer on every listing).
    auto output = run(QStringLiteral("%1 list && printf '\\n@listeners\\n' && %1 listeners")
                          .arg(QLatin1String(kHelperPath)));
    if (!output) {
        return output.error();
    }
    if (output->exitStatus != 0 || output->truncated) {
        return Error::make(
            Error::Code::Protocol,
            tr("Relay %1 could not list its registry: %2")
                .arg(m_relay.config().name, QString::fromUtf8(output->err.left(500)).trimmed()));
    }
    auto listing = RegistryListing::parse(output->out);
    if (listing) {
        listing->moveToLocalClock(QDateTime::currentDateTimeUtc());
    }
    return listing;
}

Result<DeviceRecord> RelayRegistry::find(const QString &id)
{
    auto listing = list();
    if (!listing) {
        return listing.error();
    }
    for (const RegistryListing::Entry &entry : listing->entries) {
        if (entry.fileId == id) {
            if (!entry.record) {
                return Error::make(Error::Code::InvalidInput,
                                   tr("The registry entry of %1 on relay %2 is "
                                      "invalid: %3")
                                       .arg(id, m_relay.config().name, entry.problem));
            }
            return *entry.record;
        }
    }
    return Error::make(Error::Code::NotFound,
                       tr("Relay %1 has no device \"%2\".").arg(m_relay.config().name, id));
}

Result<void> RelayRegistry::save(const DeviceRecord &record)
{
    if (auto rc = record.validate(); !rc) {
        return rc;
    }
    return helperOk({QStringLiteral("register"), record.id}, record.serialize());
}

Result<void>
RelayRegistry::recordDeviceFiles(const QString &id,
                                 const std::function<void(DeviceFileVersions &)> &change)
{
    auto record = find(id);
    if (!record) {
        return record.error();
    }
    DeviceFileVersions files = record->files;
    change(files);
    if (files == record->files) {
        return {};
    }
    record->files = files;
    return save(record.value());
}

Result<void> RelayRegistry::remove(const QString &id)
{
    if (!DeviceTarget::isValidId(id)) {
        return Error::make(Error::Code::InvalidInput, tr("Invalid device id."));
    }
    return helperOk({QStringLiteral("unregister"), id});
}

Result<void> RelayRegistry::reservePort(int port, const QString &id)
{
    auto output = helper({QStringLiteral("reserve"), QString::number(port), id});
    if (!output) {
        return output.error();
    }
    if (output->exitStatus == 0) {
        return {};
    }
    // A taken port is an answer, not a failure of the relay: the caller tries another.
    // (Helpers before version 2, still on relays not re-initialised, say it in words only.)
    const bool taken = output->exitStatus == kHelperPortTaken ||
                       (output->exitStatus == 1 && output->err.contains(" is taken"));
    return failure(output.value(), taken ? Error::Code::InvalidInput : Error::Code::Protocol);
}

Result<void> RelayRegistry::releasePort(int port, const QString &id)
{
    return helperOk({QStringLiteral("release"), QString::number(port), id});
}

Result<QList<int>> RelayRegistry::reservedPorts()
{
    auto output = helper({QStringLiteral("ports")});
    if (!output) {
        return output.error();
    }
    QList<int> ports;
    for (const QByteArray &line : output->out.split('\n')) {
        const int port = line.split(' ').value(0).toInt();
        if (port > 0) {
            ports << port;
        }
    }
    return ports;
}

Result<void> RelayRegistry::authorizeTunnelKey(const QString &id, int port,
                                               const QString &publicKey)
{
    const QStringList parts = publicKey.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() < 2) {
        return Error::make(Error::Code::InvalidInput, tr("Invalid tunnel public key."));
    }
    return helperOk(
        {QStringLiteral("authorize-tunnel"), id, QString::number(port), parts[0], parts[1]});
}

Result<void> RelayRegistry::revokeTunnelKey(const QString &id)
{
    return helperOk({QStringLiteral("revoke-tunnel"), id});
}

Result<void> RelayRegistry::clearStale(int port)
{
    return helperOk({QStringLiteral("clear-stale"), QString::number(port)});
}

Result<QByteArray> RelayRegistry::helperRecord(const QStringList &arguments,
                                               const QString &olderHelper)
{
    auto output = helper(arguments);
    if (!output) {
        return output.error();
    }
    if (output->exitStatus != 0) {
        if (output->err.contains("unknown command")) {
            return Error::make(Error::Code::NotFound, olderHelper.arg(m_relay.config().name));
        }
        return failure(output.value(), Error::Code::Protocol);
    }
    return output->out;
}

Result<ConnectionHistory> RelayRegistry::history(const QString &id)
{
    auto output = helperRecord({QStringLiteral("history"), id},
                               tr("Relay %1's helper keeps no connection history yet: run "
                                  "`relayfleet-cli relay init %1` to upgrade it."));
    if (!output) {
        return output.error();
    }
    return ConnectionHistory::parse(output.value());
}

Result<QList<DeviceHealth>> RelayRegistry::health(const QString &id)
{
    auto output = helperRecord({QStringLiteral("health"), id},
                               tr("Relay %1's helper keeps no health reports yet: run "
                                  "`relayfleet-cli relay init %1` to upgrade it."));
    if (!output) {
        return output.error();
    }
    return DeviceHealth::parseHistory(output.value(), QDateTime::currentDateTimeUtc());
}

} // namespace relayfleet
