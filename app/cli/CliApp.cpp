#include "CliApp.h"

#include "AuditCommand.h"
#include "CliContext.h"
#include "CopyCommand.h"
#include "DeviceCommands.h"
#include "EnrolCommand.h"
#include "ExecCommand.h"
#include "ForwardCommand.h"
#include "KeysCommand.h"
#include "OverridesCommand.h"
#include "RelayCommand.h"
#include "UpgradeCommand.h"
#include "WatchCommand.h"
#include "base/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace relayfleet::cli {

namespace {

QString commandSummary()
{
    return CliApp::tr(
        "Commands:\n"
        "  relay add NAME user@host[:port]|SSH-ALIAS  add a relay\n"
        "  relay list                                  list relays\n"
        "  relay remove NAME                           forget a relay\n"
        "  relay check NAME                            pin its host key, test the login\n"
        "  relay init NAME                             install or upgrade the relay helper\n"
        "  devices [--relay NAME] [--probe]            list devices and their status\n"
        "  enroll ID --lan USER@HOST | --via-tunnel PORT  enrol a device\n"
        "  adopt RELAY:PORT --id ID                    register a hand-made tunnel\n"
        "  remove ID                                   revoke a device and free its port\n"
        "  clear-stale ID                              free a port held by a dead session\n"
        "  ssh-command ID                              the OpenSSH command for a shell on it\n"
        "  exec DEVICE|@LABEL|RELAY:PORT... -- COMMAND run a command on devices\n"
        "  copy [-r] LOCAL... DEVICE:PATH | DEVICE:PATH LOCAL   copy files (DEVICE: id or @LABEL)\n"
        "  forward DEVICE PORT [--local PORT]          reach a port of the device from here\n"
        "  logs DEVICE [--lines N]                     why its tunnel failed, and when\n"
        "  profile DEVICE|@LABEL... cellular|lan       how devices keep their tunnels\n"
        "  history ID                                  when its tunnel came and went\n"
        "  health ID [--lines N]                       its temperature, power, load, memory, disk\n"
        "  upgrade DEVICE|@LABEL...|--all              bring devices' files up to this version\n"
        "  keys generate|list|export-public|install|rotate|revoke   manage SSH keys\n"
        "  push TARGET... NAME=VALUE...                change variables of running programs\n"
        "  overrides DEVICE|reapply|install-module|history   desired vs applied overrides\n"
        "  audit [--device ID] [--lines N]             what was done to devices, by whom\n"
        "  watch [--offline-after SECONDS] [--webhook URL]   a line for each alert "
        "(alerts.json)\n");
}

// How a device is reached and known: every command that logs in to one.
void addDeviceOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("ssh-config"),
                      CliApp::tr("Resolve host aliases from this OpenSSH config file (default "
                                 "~/.ssh/config)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("user"),
                      CliApp::tr("Log in to the device as USER (default pi)."),
                      QStringLiteral("USER")});
    parser.addOption({QStringLiteral("expect-host-key"),
                      CliApp::tr("Require the device's host key to have this SHA256 fingerprint."),
                      QStringLiteral("SHA256:...")});
    parser.addOption({QStringLiteral("pin-as"),
                      CliApp::tr("Pin the device's host key under this device id (relayfleet-ID)."),
                      QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("relay"), CliApp::tr("Only this relay."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("probe"),
                      CliApp::tr("Check every device itself, not only the relay's view of it "
                                 "(devices; costs each device about 5 KB of data).")});
}

// enroll and adopt: what the new device is called and how it reaches the relay.
void addEnrolmentOptions(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("id"), CliApp::tr("The device id to register."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("name"), CliApp::tr("A display name for the device."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("label"),
                      CliApp::tr("A label for the device (repeat, or comma-separate)."),
                      QStringLiteral("LABEL")});
    parser.addOption({QStringLiteral("lan"), CliApp::tr("Reach the device directly (enroll)."),
                      QStringLiteral("USER@HOST[:PORT]")});
    parser.addOption(
        {QStringLiteral("via-tunnel"),
         CliApp::tr("Reach the device through an existing tunnel on this relay port (enroll)."),
         QStringLiteral("PORT")});
    parser.addOption({QStringLiteral("port"),
                      CliApp::tr("The relay port to give the device (enroll)."),
                      QStringLiteral("PORT")});
    parser.addOption(
        {QStringLiteral("relay-address"),
         CliApp::tr("How the device reaches the relay, if not as this computer does (enroll)."),
         QStringLiteral("HOST[:PORT]")});
    parser.addOption(
        {QStringLiteral("device-ssh-port"),
         CliApp::tr("The port of the device's own sshd, as the device sees it (enroll; "
                    "default 22)."),
         QStringLiteral("PORT")});
    parser.addOption(
        {QStringLiteral("profile"),
         CliApp::tr("How the device keeps its tunnel: cellular (the default: under 1 MB a "
                    "month idle, a lost link noticed within 30 min) or lan (a lost link noticed "
                    "within 30 s, about 270 MB a month) (enroll)."),
         QStringLiteral("cellular|lan")});
    parser.addOption({QStringLiteral("public-key"),
                      CliApp::tr("The public key to install on the device (enroll; default: the "
                                 "identity's .pub)."),
                      QStringLiteral("FILE")});
}

// push: the program's pipe and how long to wait for its answer.
void addPushOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("fifo"),
                      CliApp::tr("The program's named pipe on the device (push; default "
                                 "~/.relayfleet/overrides.fifo)."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("wait"),
                      CliApp::tr("Seconds to wait for the program to confirm a push (default 5)."),
                      QStringLiteral("SECONDS")});
}

// Which key logs in to devices, and what keys generate makes.
void addKeyOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("device-identity"),
                      CliApp::tr("Log in to devices with this key (default: the relay's)."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("no-passphrase"),
         CliApp::tr("Store the new key unencrypted (keys generate; not recommended).")});
    parser.addOption({QStringLiteral("comment"),
                      CliApp::tr("The new key's comment (keys generate)."),
                      QStringLiteral("TEXT")});
}

// upgrade and logs.
void addUpgradeOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("all"), CliApp::tr("Every registered device (upgrade).")});
    parser.addOption(
        {QStringLiteral("force"), CliApp::tr("Also devices already at this version (upgrade).")});
    parser.addOption(
        {QStringLiteral("watchdog"),
         CliApp::tr("Seconds a device gives its new runner to bring the tunnel up before it "
                    "restores the old one (upgrade; default 90)."),
         QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("runner"),
                      CliApp::tr("Install this tunnel runner instead of this version's "
                                 "(upgrade)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("keepalive-max"),
                      CliApp::tr("The longest silence of a cellular tunnel, in seconds: a link "
                                 "that died is noticed within it and a minute (profile; default "
                                 "1680)."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("lines"),
                      CliApp::tr("How many of the newest lines to show (logs: default 200; "
                                 "audit: 100; health: 24)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("offline-after"),
                      CliApp::tr("Tell a device unreachable for this long, whatever its labels "
                                 "(watch; default: the alert settings, 600)."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("webhook"),
                      CliApp::tr("Also post each alert to this URL as JSON (watch; default: the "
                                 "alert settings' webhook)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("every"),
                      CliApp::tr("Ask the relays this often (watch; default 60)."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("device"),
                      CliApp::tr("Only what was done to this device (audit)."),
                      QStringLiteral("ID")});
}

// copy, forward and exec.
void addTransferOptions(QCommandLineParser &parser)
{
    parser.addOption({{QStringLiteral("r"), QStringLiteral("recursive")},
                      CliApp::tr("Copy folders and what is in them (copy).")});
    parser.addOption({QStringLiteral("mode"),
                      CliApp::tr("Give every copied file these octal permissions (copy; default: "
                                 "the source's)."),
                      QStringLiteral("OCTAL")});
    parser.addOption({QStringLiteral("local"),
                      CliApp::tr("Listen on this local port (forward; default: the device's port "
                                 "if free, else any)."),
                      QStringLiteral("PORT")});
    parser.addOption({QStringLiteral("bind"),
                      CliApp::tr("Listen on this local address (forward; default 127.0.0.1)."),
                      QStringLiteral("ADDRESS")});
    parser.addOption({{QStringLiteral("n"), QStringLiteral("no-stdin")},
                      CliApp::tr("Do not forward standard input to the remote command.")});
}

} // namespace

void CliApp::addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        CliApp::tr("Relay Fleet: manage devices behind NAT through their "
                   "relay.") +
        QLatin1Char('\n') + commandSummary());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), CliApp::tr("What to do (see above)."));
    CliContext::addGlobalOptions(parser);
    addDeviceOptions(parser);
    addEnrolmentOptions(parser);
    addPushOptions(parser);
    addKeyOptions(parser);
    addUpgradeOptions(parser);
    addTransferOptions(parser);
}

int CliApp::run(const QStringList &arguments)
{
    // Everything after "--" is the remote command and is never parsed as our options.
    const qsizetype separator = arguments.indexOf(QStringLiteral("--"));
    const QStringList ours = separator < 0 ? arguments : arguments.mid(0, separator);
    const QStringList remote = separator < 0 ? QStringList() : arguments.mid(separator + 1);

    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("relayfleet-cli")} + ours)) {
        CliContext::printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        CliContext::printOut(QStringLiteral("relayfleet-cli " RELAYFLEET_VERSION));
        return 0;
    }
    const QStringList words = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("help")) || words.isEmpty()) {
        CliContext::printOut(parser.helpText());
        return words.isEmpty() && !parser.isSet(QStringLiteral("help")) ? 2 : 0;
    }
    return dispatch(CliContext(parser), words, remote, parser);
}

int CliApp::dispatch(const CliContext &context, const QStringList &words, const QStringList &remote,
                     const QCommandLineParser &parser)
{
    const QString command = words.first();
    if (command == QLatin1String("relay")) {
        return RelayCommand(context).run(words.mid(1), parser);
    }
    DeviceCommands devices(context);
    if (command == QLatin1String("devices")) {
        return devices.devices(parser);
    }
    if (command == QLatin1String("enroll") || command == QLatin1String("enrol")) {
        return EnrolCommand(context).run(words.mid(1), parser);
    }
    if (command == QLatin1String("adopt")) {
        return devices.adopt(words.mid(1), parser);
    }
    if (command == QLatin1String("remove")) {
        return devices.remove(words.mid(1), parser);
    }
    if (command == QLatin1String("ssh-command")) {
        return devices.sshCommand(words.mid(1), parser);
    }
    if (command == QLatin1String("health")) {
        return devices.health(words.mid(1), parser);
    }
    if (command == QLatin1String("history")) {
        return devices.history(words.mid(1), parser);
    }
    if (command == QLatin1String("clear-stale")) {
        return devices.clearStale(words.mid(1), parser);
    }
    if (command == QLatin1String("push")) {
        return OverridesCommand(context).push(words.mid(1), parser);
    }
    if (command == QLatin1String("overrides")) {
        return OverridesCommand(context).overrides(words.mid(1), parser);
    }
    if (command == QLatin1String("keys")) {
        return KeysCommand(context).run(words.mid(1), parser);
    }
    if (command == QLatin1String("copy")) {
        return CopyCommand(context).run(words.mid(1), parser);
    }
    if (command == QLatin1String("forward")) {
        return ForwardCommand(context).run(words.mid(1), parser);
    }
    if (command == QLatin1String("exec")) {
        return ExecCommand(context).run(words.mid(1), remote, parser);
    }
    if (command == QLatin1String("upgrade")) {
        return UpgradeCommand(context).run(words.mid(1), parser);
    }
    if (command == QLatin1String("logs")) {
        return ExecCommand(context).logs(words.mid(1), parser);
    }
    if (command == QLatin1String("watch")) {
        return WatchCommand(context).run(words.mid(1), parser);
    }
    if (command == QLatin1String("audit")) {
        return AuditCommand(context).run(words.mid(1), parser);
    }
    if (command == QLatin1String("profile")) {
        return ExecCommand(context).profile(words.mid(1), parser);
    }
    CliContext::printError(CliApp::tr("Unknown command \"%1\".").arg(command.left(40)) +
                           QLatin1Char('\n') + commandSummary());
    return 2;
}

} // namespace relayfleet::cli
