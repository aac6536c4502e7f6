<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CliContext</name>
    <message>
        <source>Keep Relay Fleet&apos;s files in DIR (also RELAYFLEET_HOME).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up connecting after SECONDS (default 15).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept a host key seen for the first time (a changed key is always refused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in with this private key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a login password from the first line of standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No relay is configured yet; add one with `relayfleet-cli relay add`.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceAdoption</name>
    <message>
        <source>Relay %1 already has a device &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing speaks SSH on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host key is already pinned for device &quot;%1&quot; in %2; remove the device first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FleetModel</name>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unregistered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(hand-made tunnel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FleetOverrides</name>
    <message>
        <source>No relay named %1 is configured.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Unknown host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first connection to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its %1 key fingerprint is:
%2

Trust it only if it matches the one shown on the host itself (ssh-keygen -lf on its host key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host key changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was refused because the host key changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalPrompt</name>
    <message>
        <source>The authenticity of %1 can&apos;t be established.
%2 key fingerprint is %3.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin this key and continue (yes/no)? </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue this once without pinning it (yes/no)? </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Keep Relay Fleet&apos;s files in DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a shell on this device once the fleet is listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage devices behind NAT, reached through reverse SSH tunnels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the demo lab (a relay and three simulated devices on this computer) and show its fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the overrides editor of this device (or @LABEL) once the fleet is listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a wizard at start: keys (set up keys and a relay) or enrol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown wizard &quot;%1&quot;: use keys or enrol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE (PNG) once the fleet is listed, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::CliApp</name>
    <message>
        <source>Relay Fleet: manage devices behind NAT through their relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do (see above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve host aliases from this OpenSSH config file (default ~/.ssh/config).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to the device as USER (default pi).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require the device&apos;s host key to have this SHA256 fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin the device&apos;s host key under this device id (relayfleet-ID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device id to register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A display name for the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A label for the device (repeat, or comma-separate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reach the device directly (enroll).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reach the device through an existing tunnel on this relay port (enroll).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay port to give the device (enroll).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the device reaches the relay, if not as this computer does (enroll).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port of the device&apos;s own sshd, as the device sees it (enroll; default 22).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public key to install on the device (enroll; default: the identity&apos;s .pub).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program&apos;s named pipe on the device (push; default ~/.relayfleet/overrides.fifo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait for the program to confirm a push (default 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to devices with this key (default: the relay&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the new key unencrypted (keys generate; not recommended).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new key&apos;s comment (keys generate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not forward standard input to the remote command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:
  relay add NAME user@host[:port]|SSH-ALIAS  add a relay
  relay list                                  list relays
  relay remove NAME                           forget a relay
  relay check NAME                            pin its host key, test the login
  relay init NAME                             install or upgrade the relay helper
  devices [--relay NAME]                      list devices and their status
  enroll ID --lan USER@HOST | --via-tunnel PORT  enrol a device
  adopt RELAY:PORT --id ID                    register a hand-made tunnel
  remove ID                                   revoke a device and free its port
  clear-stale ID                              free a port held by a dead session
  ssh-command ID                              the OpenSSH command for a shell on it
  exec DEVICE|@LABEL|RELAY:PORT... -- COMMAND run a command on devices
  keys generate|list|export-public|install|rotate|revoke   manage SSH keys
  push TARGET... NAME=VALUE...                change variables of running programs
  overrides DEVICE|reapply|install-module|history   desired vs applied overrides
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::DeviceCommands</name>
    <message>
        <source>&quot;%1&quot; is not a valid device id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No relay has a device &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: adopt RELAY:PORT --id ID [--name NAME] [--label LABEL]...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: adopt RELAY:PORT --id ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopted %1 on %2 (host key %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: remove ID [--relay NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1: its relay key is revoked and port %2 is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: clear-stale ID [--relay NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 on relay %2 is free again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: ssh-command ID [--user USER]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not registered on relay %2; any relay key and port reservation it had there are removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::EnrolCommand</name>
    <message>
        <source>Several relays are configured: say which with --relay NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which public key to install on the device with --public-key FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the public key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment of %1 failed and was undone: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled %1 on relay %2, port %3. %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: enroll ID [--relay NAME] (--lan USER@HOST[:PORT] | --via-tunnel PORT) [--user USER] [--name NAME] [--label LABEL]... [--port PORT] [--relay-address HOST[:PORT]] [--public-key FILE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment of %1 failed and could not be fully undone: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::ExecCommand</name>
    <message>
        <source>&quot;%1&quot; is not RELAY:PORT with a port from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid device id (a-z, 0-9 and &apos;-&apos;, at most 63, starting with a letter or digit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a device id nor RELAY:PORT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: exec DEVICE|@LABEL|RELAY:PORT... [--user USER] [--identity FILE] -- COMMAND...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: exec DEVICE|RELAY:PORT [--user USER] [--identity FILE] -- COMMAND...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No device matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::KeysCommand</name>
    <message>
        <source>%1 The key will be protected by a passphrase you choose instead (or pass --no-passphrase to store it unencrypted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No terminal to ask for a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same passphrase again: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1 (%2), private key %3, protected by: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 is not known to be installed anywhere; name the targets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No relay or device matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: keys generate NAME [--no-passphrase] | keys list | keys export-public NAME | keys install NAME TARGET... | keys rotate OLD NEW TARGET... | keys revoke NAME TARGET...   (TARGET: a relay name, a device id, @LABEL or RELAY:PORT)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::OverridesCommand</name>
    <message>
        <source>No device matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>installed in ~/.relayfleet/python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: push TARGET... NAME=VALUE... [--fifo PATH] [--wait SECONDS] | overrides DEVICE | overrides reapply [TARGET...] | overrides install-module TARGET... | overrides history   (VALUE is JSON: 2.5, &apos;&quot;text&quot;&apos;, true, null)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written, not confirmed in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT APPLIED: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::RelayCommand</name>
    <message>
        <source>Added relay %1 (%2). Run `relayfleet-cli relay check %1` to pin its host key and test the login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No relays yet. Add one with `relayfleet-cli relay add NAME user@host[:port]`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relay remove NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relay init NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1 is ready: helper version %2 in ~/.relayfleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relay check NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1 is reachable and accepted the login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relay add NAME user@host[:port] | relay list | relay remove NAME | relay check NAME | relay init NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relay add NAME user@host[:port]|SSH-CONFIG-ALIAS [--identity FILE] [--ssh-config FILE] [--accept-new-host-key]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added relay %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::AdoptDialog</name>
    <message>
        <source>Adopt a hand-made tunnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tunnel on %1:%2 answers with host key %3. Adopting registers it as a device and pins that key under the device&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not read yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kitchen-pi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sensors, home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An id is 1–63 lower-case letters, digits or dashes, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::DemoLab</name>
    <message>
        <source>The demo lab did not start within two minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo lab stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo lab could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo lab is not part of this installation (rflab-demo was not found).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No temporary directory for the demo lab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::DeviceDetailsPane</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No device selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-made tunnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tunnel key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desired overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (hand-made or adopted tunnel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not applied (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it answered the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::EnrolWizard</name>
    <message>
        <source>Enrol a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It must be reachable once: on your network, or through a tunnel someone made by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kitchen-pi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sensors, home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the LAN at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>192.168.1.20 or raspberrypi.local:22</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Through the hand-made tunnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty when your key already logs in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the device&apos;s own sshd listens, as the device sees it; the tunnel leads there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH port on the device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A device id is 1–63 lower-case letters, digits or dashes, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which user logs in on the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the device&apos;s address on your network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a tunnel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay and key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device gets its own tunnel key, made on the device; your key below is installed on it so that you can log in through the relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay&apos;s key (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as Relay Fleet reaches it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay address seen from the device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No relay is configured yet: set one up first (Set up keys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay Fleet has no key to install: set up keys first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nine steps; if one fails, or you cancel, every step already done is undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the public key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in to relay %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment of %1 failed and was undone: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled %1 on relay %2, port %3. %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment of %1 failed and could not be fully undone: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::KeySetupWizard</name>
    <message>
        <source>Set up keys and a relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay Fleet logs in with an ed25519 key. Its passphrase is random and kept in the system keychain, so you never type it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a key Relay Fleet already has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the new key without a passphrase (only if no keychain works here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key name is letters, digits, dots, dashes or underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a key named %1: choose it below, or another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your relay server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server your devices keep their tunnels open to. Plain OpenSSH is enough; no root is needed there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user@relay.example.com:22</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in Relay Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login (user@host[:port])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A relay name is letters, digits, dashes or underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the relay&apos;s login, for example pi@relay.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which user logs in: user@host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the key on the relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is added to ~/.ssh/authorized_keys on the relay, keeping every other line. The password is used for this one login and never stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty when another key of yours already logs in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the key %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in to %1 and adding the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the relay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 (%2) is installed on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay Fleet logs in with the new key alone and installs its helper in ~/.relayfleet on the relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in with the key alone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing the relay helper…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1 is ready: the key logs in on its own, helper version %2 is installed. Enrol your first device next.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::MainWindow</name>
    <message>
        <source>Relay Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 devices and tunnels, refreshed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy SSH command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a device first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No relay is configured yet. Set up your key and relay, or try everything first against a demo lab on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up keys and relay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the demo lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a shell on the selected device in a tab (or double-click it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push variable overrides to the selected device, or to the label chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the selected hand-made tunnel as a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes the next time Relay Fleet starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Relay Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay Fleet %1
Devices behind NAT, reached through reverse SSH tunnels on your relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a registered device, or choose a label, to edit its overrides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a hand-made (unregistered) tunnel to adopt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopted %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the demo lab: a relay and three devices on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay Fleet — demo lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No relay configured yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system terminal could not be opened (%1); the command is on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exited with status %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::OverridesEditor</name>
    <message>
        <source>Desired values for %1. VALUE is JSON: 2.5, &quot;text&quot;, true, null.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desired values for label @%1 (%2 devices: %3). VALUE is JSON: 2.5, &quot;text&quot;, true, null.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overrides @%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overrides %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one NAME and VALUE to push.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: applied on %1 of %2 devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied on %1 of %2 devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Pushing to %n device(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 devices have the desired values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the applied values…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written, not confirmed in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as desired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not desired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: desired %2, applied %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing desired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by the program: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, now %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program takes: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::TaskWizardPage</name>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::TerminalTab</name>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shell has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection dropped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
