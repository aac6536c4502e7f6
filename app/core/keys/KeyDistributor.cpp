#include "keys/KeyDistributor.h"

#include "keys/AuthorizedKeysEditor.h"
#include "relay/DeviceConnection.h"
#include "relay/RelayConnection.h"
#include "ssh/RemoteCommand.h"

#include <QFileInfo>
#include <functional>
#include <optional>

namespace relayfleet {

namespace {

using Runner = AuthorizedKeysEditor::Runner;

Runner onRelay(RelayConnection &relay, const QDeadlineTimer &deadline, const CancelToken &cancel)
{
    return [&relay, deadline, cancel](const QString &command, const QByteArray &input) {
        return relay.runCommand(command, input, deadline, cancel);
    };
}

Runner onSession(SshSession &session, const QDeadlineTimer &deadline, const CancelToken &cancel)
{
    return [&session, deadline, cancel](const QString &command, const QByteArray &input) {
        return RemoteCommand::capture(session, command, input, deadline, cancel);
    };
}

QString describeAdd(AuthorizedKeysEditor::Outcome outcome)
{
    return outcome == AuthorizedKeysEditor::Outcome::Added
               ? QStringLiteral("installed")
               : KeyDistributor::tr("already installed");
}

template<typename T> std::optional<Error> errorOf(const Result<T> &result)
{
    return result ? std::nullopt : std::optional<Error>(result.error());
}

// An install is done only once a login with the key alone has worked.
void completeInstall(KeyDistributor::Report &report,
                     const Result<AuthorizedKeysEditor::Outcome> &added,
                     const std::function<std::optional<Error>()> &loginWithKey)
{
    if (!added) {
        report.message = added.error().message;
        return;
    }
    if (const auto failure = loginWithKey()) {
        report.message = KeyDistributor::tr("%1, but logging in with it failed: %2")
                             .arg(describeAdd(added.value()), failure->message);
        return;
    }
    report.ok = true;
    report.message = describeAdd(added.value()) + KeyDistributor::tr(", login verified");
}

} // namespace

QString KeyDistributor::Target::describe(const QString &relayName) const
{
    return isRelay ? tr("relay %1").arg(relayName) : device.displayName();
}

KeyDistributor::KeyDistributor(const RelayConfig &relay, KnownHostsFile &knownHosts,
                               HostKeyPolicy policy, int timeoutMs, CancelToken cancel)
    : m_relay(relay)
    , m_knownHosts(knownHosts)
    , m_policy(std::move(policy))
    , m_timeoutMs(timeoutMs)
    , m_cancel(std::move(cancel))
{
}

Result<std::unique_ptr<RelayConnection>>
KeyDistributor::connectRelay(const Credentials &credentials)
{
    RelayConfig relay = m_relay;
    relay.identityFile.clear(); // the credentials say exactly which key to use
    return RelayConnection::open(relay, credentials, m_knownHosts, m_policy,
                                 QDeadlineTimer(m_timeoutMs), m_cancel);
}

QList<KeyDistributor::Report> KeyDistributor::install(const Credentials &current,
                                                      const KeyStore::Key &key,
                                                      const Credentials &keyOnly,
                                                      const QList<Target> &targets)
{
    QList<Report> reports;
    auto relay = connectRelay(current);
    for (const Target &target : targets) {
        Report report{target.describe(m_relay.name), false, {}};
        if (!relay) {
            report.message = relay.error().message;
            reports << report;
            continue;
        }
        const QDeadlineTimer deadline(m_timeoutMs);
        if (target.isRelay) {
            completeInstall(report,
                            AuthorizedKeysEditor::add(onRelay(*relay.value(), deadline, m_cancel),
                                                      key.publicKey),
                            [&] { return errorOf(connectRelay(keyOnly)); });
            reports << report;
            continue;
        }
        auto device = DeviceConnection::open(*relay.value(), target.device, current, m_knownHosts,
                                             m_policy, deadline, m_cancel);
        if (!device) {
            report.message = device.error().message;
            reports << report;
            continue;
        }
        completeInstall(report,
                        AuthorizedKeysEditor::add(onSession(device->session(), deadline, m_cancel),
                                                  key.publicKey),
                        [&] {
                            return errorOf(DeviceConnection::open(
                                *relay.value(), target.device, keyOnly, m_knownHosts, m_policy,
                                QDeadlineTimer(m_timeoutMs), m_cancel));
                        });
        reports << report;
    }
    return reports;
}

QList<KeyDistributor::Report> KeyDistributor::rotate(const Credentials &oldKeyOnly,
                                                     const KeyStore::Key &oldKey,
                                                     const KeyStore::Key &newKey,
                                                     const Credentials &newKeyOnly,
                                                     const QList<Target> &targets)
{
    QList<Report> reports;
    auto relayOld = connectRelay(oldKeyOnly);
    if (!relayOld) {
        for (const Target &target : targets) {
            reports << Report{target.describe(m_relay.name), false, relayOld.error().message};
        }
        return reports;
    }
    std::unique_ptr<RelayConnection> relayNew;
    // The relay first: the devices are reached through it, with whichever key works there.
    QList<Target> ordered;
    for (const Target &target : targets) {
        target.isRelay ? ordered.prepend(target) : ordered.append(target);
    }
    for (const Target &target : ordered) {
        Report report{target.describe(m_relay.name), false, {}};
        const QDeadlineTimer deadline(m_timeoutMs);
        if (target.isRelay) {
            auto added = AuthorizedKeysEditor::add(onRelay(*relayOld.value(), deadline, m_cancel),
                                                   newKey.publicKey);
            if (!added) {
                report.message = tr("kept the old key: ") + added.error().message;
            } else if (auto verified = connectRelay(newKeyOnly); !verified) {
                report.message = tr("kept the old key: the new key does not log in (%1)")
                                     .arg(verified.error().message);
            } else if (auto removed = AuthorizedKeysEditor::remove(
                           onRelay(*verified.value(), deadline, m_cancel), oldKey.publicKey);
                       !removed) {
                report.message = tr("the new key works, but the old one could not be removed: ") +
                                 removed.error().message;
                relayNew = std::move(verified.value());
                // The removal may have happened with only its answer lost: log in with the
                // key that was just seen to work.
                m_relayRotated = true;
            } else {
                report.ok = true;
                report.message = tr("rotated: new key verified, old key removed");
                relayNew = std::move(verified.value());
                m_relayRotated = true;
            }
            reports << report;
            continue;
        }
        RelayConnection &via = relayNew ? *relayNew : *relayOld.value();
        auto before = DeviceConnection::open(via, target.device, oldKeyOnly, m_knownHosts, m_policy,
                                             deadline, m_cancel);
        if (!before) {
            report.message = tr("kept the old key: ") + before.error().message;
            reports << report;
            continue;
        }
        auto added = AuthorizedKeysEditor::add(onSession(before->session(), deadline, m_cancel),
                                               newKey.publicKey);
        if (!added) {
            report.message = tr("kept the old key: ") + added.error().message;
            reports << report;
            continue;
        }
        auto after = DeviceConnection::open(via, target.device, newKeyOnly, m_knownHosts, m_policy,
                                            QDeadlineTimer(m_timeoutMs), m_cancel);
        if (!after) {
            report.message =
                tr("kept the old key: the new key does not log in (%1)").arg(after.error().message);
            reports << report;
            continue;
        }
        auto removed = AuthorizedKeysEditor::remove(onSession(after->session(), deadline, m_cancel),
                                                    oldKey.publicKey);
        if (!removed) {
            report.message = tr("the new key works, but the old one could not be removed: ") +
                             removed.error().message;
        } else {
            report.ok = true;
            report.message = tr("rotated: new key verified, old key removed");
        }
        reports << report;
    }
    return reports;
}

QList<KeyDistributor::Report> KeyDistributor::revoke(const Credentials &current,
                                                     const KeyStore::Key &key,
                                                     const QList<Target> &targets)
{
    QList<Report> reports;
    if (QFileInfo(current.identityFile).absoluteFilePath() ==
        QFileInfo(key.privateKeyPath).absoluteFilePath()) {
        for (const Target &target : targets) {
            reports << Report{target.describe(m_relay.name), false,
                              tr("refused: you would be logging in with the key you revoke; "
                                 "pass --identity with another key")};
        }
        return reports;
    }
    auto relay = connectRelay(current);
    for (const Target &target : targets) {
        Report report{target.describe(m_relay.name), false, {}};
        if (!relay) {
            report.message = relay.error().message;
            reports << report;
            continue;
        }
        const QDeadlineTimer deadline(m_timeoutMs);
        Result<AuthorizedKeysEditor::Outcome> removed = Error::make(Error::Code::Io, QString());
        if (target.isRelay) {
            removed = AuthorizedKeysEditor::remove(onRelay(*relay.value(), deadline, m_cancel),
                                                   key.publicKey);
        } else {
            auto device = DeviceConnection::open(*relay.value(), target.device, current,
                                                 m_knownHosts, m_policy, deadline, m_cancel);
            removed = device ? AuthorizedKeysEditor::remove(
                                   onSession(device->session(), deadline, m_cancel), key.publicKey)
                             : Result<AuthorizedKeysEditor::Outcome>(device.error());
        }
        if (!removed) {
            report.message = removed.error().message;
        } else {
            report.ok = true;
            report.message = removed.value() == AuthorizedKeysEditor::Outcome::Removed
                                 ? QStringLiteral("revoked")
                                 : tr("was not installed");
        }
        reports << report;
    }
    return reports;
}

} // namespace relayfleet
