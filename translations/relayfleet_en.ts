<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AlertRules</name>
    <message>
        <source>A webhook is an address starting with https:// (or http://) and a host name, such as https://hooks.slack.com/services/…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert setting &quot;%1&quot; is not a number in range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert setting &quot;%1&quot; is not true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts name more than %1 labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert limit for the label &quot;%1&quot; is not a label and a number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert settings in %1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>terminal opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terminal closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key rotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(secret, %n character(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>adopted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthorizedKeysEditor</name>
    <message>
        <source>Not a valid public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key installer script is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing authorized_keys failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected answer while editing authorized_keys.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelPump</name>
    <message>
        <source>opening a channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a local socket pair: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer from the relay for %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed by the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 is closed (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening a channel through %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a command on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A command on %1 did not finish in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session was refused by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running a command was refused by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot send input to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost %1 while a command ran: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A command on %1 did not start in time: it was running as many commands as it allows on one connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a channel on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not open a channel to port %2 in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused a connection to its port %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>ConnectionHistory</name>
    <message>
        <source>the relay&apos;s name did not resolve (DNS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no route to the relay (the device&apos;s network was down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting to the relay timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the relay refused the connection (its sshd down or restarting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the relay&apos;s host key changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the relay refused the tunnel key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the relay port was still held by another session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the relay stopped answering keepalives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the relay closed the connection before the login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the relay closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the device&apos;s own sshd was not answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the device&apos;s clock was far off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unrecognised error (see relayfleet-cli logs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; then </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataUsage</name>
    <message>
        <source>not reported (a runner older than version 4, or no report yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 this month by its tunnel (reported %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; modem: signal %2 %, %3 since boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; no modem found (ModemManager)</source>
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
    <name>DeviceConnection</name>
    <message>
        <source>The connection to relay %1 was lost while reaching %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1 is not answering (a check got no reply within %2 s), so %3 could not be reached: the link to the relay is down or the relay is overloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer on port %2 of relay %3 in time: the relay still holds the port but nothing answers, so the tunnel is probably stale (the device lost power or its link).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceHealth</name>
    <message>
        <source>under-voltage now (its power supply is too weak)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under-voltage since it started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throttled now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throttled since it started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running hot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running warm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk almost full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk filling up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported (its runner is older than version 6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>load %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory %1 % free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk %1 % free</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>up %n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>kernel %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceProbe</name>
    <message>
        <source>port %1 of relay %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceRecord</name>
    <message>
        <source>The device id &quot;%1&quot; is not valid (a-z, 0-9 and &apos;-&apos;, at most 63).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device %1 has an invalid name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device %1 has an invalid port %2 (1024-65535).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device %1 has an invalid host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device %1 has an invalid tunnel key fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device %1 has an invalid user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device %1 has more than 32 labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device %1 has an invalid label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A registry entry is larger than 16 KiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A registry entry is not valid UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A registry entry has a line without &apos;=&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A registry entry has format %1; this Relay Fleet reads format %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceStatus</name>
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
</context>
<context>
    <name>DeviceTarget</name>
    <message>
        <source>device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tunnel on %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceUpgrade</name>
    <message>
        <source>The device files are missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ~/.relayfleet on the device: it was not enrolled by Relay Fleet (a hand-made tunnel has nothing to upgrade).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already at version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1 on the device: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device did not start its upgrade: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 → %2; the new runner has a working tunnel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the device&apos;s watchdog has not decided yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(The relay&apos;s registry still names the old version: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not upgraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new runner had no working tunnel within %1 s; the device went back to version %2 by itself (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device did not come back within %1 s (%2). It goes back to its previous runner by itself if the new one has no tunnel; ask again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The overrides module went from version %1 to %2; a running program uses it from its next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runner was already at version %1; the overrides module went from version %2 to %3, and a running program uses it from its next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the overrides module on the device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(The relay&apos;s helper could not be brought up to this version: %1. Until `relayfleet-cli relay init` does it, a device in the cellular profile keeps its tunnel with ssh&apos;s keepalive, and its dead link is noticed later.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Enrolment</name>
    <message>
        <source>%1 failed on the device (exit %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (relay %2 is unreachable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorising the device&apos;s tunnel key on relay %1 (port %2 only, no shell)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoking the tunnel key of %1 on relay %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering %1 on relay %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing %1 from the registry of relay %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Run `relayfleet-cli remove %1 --relay %2` once the relay is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking relay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1 already has a device &quot;%2&quot;; remove it first or choose another id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No valid public key to install on the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the device at %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forgetting the device&apos;s host key here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the device through port %1 of relay %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the tunnel runner to the device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing ~/.relayfleet from the device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating ~/.relayfleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device script %1 is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing your public key on the device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing your key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing your key from the device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the device&apos;s own tunnel key on the device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the tunnel key (is ssh-keygen installed?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device returned an unusable tunnel key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserving a port on relay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 on relay %2 is already in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>releasing port %1 on relay %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1 has no free port between %2 and %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinning the relay&apos;s host key on the device and installing the tunnel service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1&apos;s host key is not pinned here, so it cannot be pinned on the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid relay address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing the tunnel service from the device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing the tunnel service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the device through relay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device&apos;s tunnel did not come up on port %1 of relay %2 within %3 s: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileCopy</name>
    <message>
        <source>The device&apos;s SFTP server cannot replace a file in one step (it lacks OpenSSH&apos;s posix-rename), so nothing was copied: a copy could leave a half-written file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no folder %1 on the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a folder on the device; copying several files needs one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder: copy it with -r.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not a regular file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (a symbolic link)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (nested too deep)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1 stopped after %2 of %3 bytes: %4. %5 on the device was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A partial copy may remain there as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder on the device: copy it with -r.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on the device is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (a symbolic link or not a regular file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a file in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving %1 stopped after %2 of %3 bytes: %4. %5 was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n other file(s) were copied whole.</source>
        <translation>
            <numerusform>%n other file was copied whole.</numerusform>
            <numerusform>%n other files were copied whole.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetAlerts</name>
    <message numerus="yes">
        <source>%1 has been unreachable for %n min (%2).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is back online after %n min.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 needs a look: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk %1 % free, under %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 °C, over %2 °C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under-voltage: its power supply is too weak</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FleetModel</name>
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
    <message>
        <source>Its Relay Fleet files are older than this app&apos;s: relayfleet-cli upgrade %1 brings them up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · files outdated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why, as the device reported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostKey</name>
    <message>
        <source>A host key needs a type and a base64 body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported host key type &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key body is not valid base64 of a %1 key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostKeyVerifier</name>
    <message>
        <source>The host key of %1 does not match the expected one: expected %2, got %3. The connection was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 has CHANGED: pinned %2, now presented %3. This may be a man-in-the-middle attack; the connection was refused. If the host was really reinstalled, remove its line &quot;%4&quot; from %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 is not known yet (%2 %3). Check the fingerprint on the host itself, then accept it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonFile</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 bytes; the app reads at most %3. Fix or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2); fix or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has format version %2; this Relay Fleet reads version %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonLinesFile</name>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: another program keeps it locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyDistributor</name>
    <message>
        <source>already installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, but logging in with it failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, login verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept the old key: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept the old key: the new key does not log in (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new key works, but the old one could not be removed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rotated: new key verified, old key removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: you would be logging in with the key you revoke; pass --identity with another key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was not installed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyStore</name>
    <message>
        <source>Cannot create %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no key named &quot;%1&quot;; create one with `relayfleet-cli keys generate %1`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase of key %1 is not kept in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid key name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key file %1 already exists; it is left alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libssh could not generate an ed25519 key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libssh could not export the public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passphrase of at least 8 characters is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libssh could not export the private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.pub.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>The keychain has no such entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available on this system (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s (is it locked, or waiting for a permission prompt?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain job was not taken up within %1 s: the thread that must run it is busy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KnownHostsFile</name>
    <message>
        <source>Cannot read the known hosts file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The known hosts file %1 is larger than 8 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the known hosts file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenSshConfig</name>
    <message>
        <source>Only a registered device has a pinned host key to check; adopt or enrol it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A path contains a quote or a newline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverrideAssignment</name>
    <message>
        <source>&quot;%1&quot; is not a JSON literal: write numbers as 2.5, strings in double quotes (MODE=&apos;&quot;fast&quot;&apos; in a shell), or true, false, null.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only numbers, strings, true, false and null can be pushed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not NAME=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid variable name ([A-Za-z_][A-Za-z0-9_]*, at most 64).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverrideMessage</name>
    <message>
        <source>Nothing to push.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This push is %1 bytes; at most %2 fit in one atomic write to a FIFO. Push fewer or shorter values at a time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverrideProtocol</name>
    <message>
        <source>&quot;%1&quot; is not a usable FIFO path (absolute or ~/..., letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;, &apos;/&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The push script is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid FIFO path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the device has no POSIX shell (sh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the device gave no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the program did not apply it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the program rejected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program has published no state yet (is it running?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state file is larger than 1 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state file is not Relay Fleet&apos;s format 1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortForward</name>
    <message>
        <source>%1 is not a port number (1 to 65535).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a local port number (1 to 65535).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a pipe: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a local IP address to listen on (such as 127.0.0.1 or ::1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a socket: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session with %1 was lost; port %2 is no longer forwarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection was refused: nothing listens on port %1 of %2 (or its sshd does not allow forwarding).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing listens on port %1 of %2 (or its sshd does not allow forwarding).</source>
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
    <name>RegistryListing</name>
    <message>
        <source>The relay&apos;s registry listing is larger than 16 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay did not answer like a Relay Fleet helper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry file name is not a valid id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry in %1.conf names another device.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelayConfig</name>
    <message>
        <source>&quot;%1&quot; is not a valid relay name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 63).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing &apos;]&apos; in the address &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected text after &apos;]&apos; in &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid port number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid user name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelayConnection</name>
    <message>
        <source>relay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid relay port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answers on port %1 of relay %2: the device is offline or its tunnel is down.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelayConnections</name>
    <message>
        <source>Connecting to relay %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelayRegistry</name>
    <message>
        <source>Refusing to pass &quot;%1&quot; to the relay helper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1 has no Relay Fleet helper yet: run `relayfleet-cli relay init %1`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay helper is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot install the helper on relay %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1 could not list its registry: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry entry of %1 on relay %2 is invalid: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1 has no device &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid device id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid tunnel public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1&apos;s helper keeps no connection history yet: run `relayfleet-cli relay init %1` to upgrade it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1&apos;s helper keeps no health reports yet: run `relayfleet-cli relay init %1` to upgrade it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelayScanner</name>
    <message>
        <source>The relay holds port %1 but nothing answers: the device probably lost power or its link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 answers with host key %2, not the pinned %3: another device holds the port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay holds port %1 but the device has been silent for %2 s (its heartbeat comes every %3 s): it probably lost power or its link. Check it to be sure.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelayStore</name>
    <message>
        <source>%1 holds an invalid relay: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no relay named &quot;%1&quot;; add it with `relayfleet-cli relay add`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no relay named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteCommand</name>
    <message>
        <source>Cannot send input to the command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting the command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device refused to run the command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection broke while the command ran: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the remote command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command did not finish in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed before the command finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SftpClient</name>
    <message>
        <source>starting SFTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no SFTP server (its sshd refused the sftp subsystem: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s SFTP server does not speak SFTP version 3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection broke during the file transfer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection broke during %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device&apos;s SFTP server ended during %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing moved for %1 s during %2: the link to the device stalled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed during %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device&apos;s SFTP server sent a malformed reply during %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file or directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not supported by the device&apos;s SFTP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolving %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has more than %2 entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closing a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device&apos;s SFTP server cannot replace a file in one step (it lacks OpenSSH&apos;s posix-rename).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing a file to the device&apos;s storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting a file&apos;s mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renaming %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the local file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receiving a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the local file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SshConfigAlias</name>
    <message>
        <source>The SSH config file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host alias.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot parse the SSH config file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SshSession</name>
    <message>
        <source>The server did not present a host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s host key could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of memory creating an SSH session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SSH handshake with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tunnel of %1 is up (the relay holds its port), but the device&apos;s own SSH server did not answer on the forwarded address (127.0.0.1, port 22 unless configured otherwise): is sshd running on the device? (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot talk SSH to %1 through the relay: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to %1 at %2:%3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public key authentication with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to %1 failed during authentication: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load the private key %1 (wrong passphrase, or not an OpenSSH/PEM private key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the key %2 for user &quot;%3&quot;. Install the public key there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the password for user &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepted none of the keys offered for user &quot;%2&quot;. Pass --identity FILE, start ssh-agent, or install your public key there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening a session channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused a session channel: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SshWait</name>
    <message>
        <source>Timed out during %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled during %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemTerminal</name>
    <message>
        <source>Cannot write the terminal script %1: %2</source>
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
    <name>TunnelProfile</name>
    <message>
        <source>LAN / Wi-Fi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cellular (saves data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: about %2 a month idle; a link that died silently is noticed within %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device has no tunnel.conf: it was not enrolled by Relay Fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its tunnel runner is older than version 4 and has no profiles: run `relayfleet-cli upgrade` for it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write its tunnel.conf (is its disk full?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 set; its tunnel reconnects with it in a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A heartbeat every 5 s: a lost link is noticed within 30 s, at about 270 MB of data a month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One heartbeat after as long a silence as the carrier allows (learned, at most 28 min): under 1 MB of data a month idle; a lost link is noticed within 30 min.</source>
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
    <name>relayfleet::AlertWebhook</name>
    <message>
        <source>Relay Fleet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay Fleet: a test of this webhook. Alerts will come here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>not sent: %n earlier post(s) to the webhook are still waiting for an answer</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>no answer within %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::FleetModel</name>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relayfleet::TerminalSession</name>
    <message>
        <source>The device refused %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a shell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to relay %1 was lost (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the device dropped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the device dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the device dropped while sending.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::AuditCommand</name>
    <message>
        <source>Usage: audit [--device ID] [--lines N] [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lines takes a number from 1 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been done to a device yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been done to %1 yet.</source>
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
        <source>Every registered device (upgrade).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also devices already at this version (upgrade).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds a device gives its new runner to bring the tunnel up before it restores the old one (upgrade; default 90).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install this tunnel runner instead of this version&apos;s (upgrade).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy folders and what is in them (copy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every copied file these octal permissions (copy; default: the source&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on this local port (forward; default: the device&apos;s port if free, else any).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on this local address (forward; default 127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every device itself, not only the relay&apos;s view of it (devices; costs each device about 5 KB of data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest silence of a cellular tunnel, in seconds: a link that died is noticed within it and a minute (profile; default 1680).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the device keeps its tunnel: cellular (the default: under 1 MB a month idle, a lost link noticed within 30 min) or lan (a lost link noticed within 30 s, about 270 MB a month) (enroll).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only what was done to this device (audit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the relays this often (watch; default 60).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the newest lines to show (logs: default 200; audit: 100; health: 24).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:
  relay add NAME user@host[:port]|SSH-ALIAS  add a relay
  relay list                                  list relays
  relay remove NAME                           forget a relay
  relay check NAME                            pin its host key, test the login
  relay init NAME                             install or upgrade the relay helper
  devices [--relay NAME] [--probe]            list devices and their status
  enroll ID --lan USER@HOST | --via-tunnel PORT  enrol a device
  adopt RELAY:PORT --id ID                    register a hand-made tunnel
  remove ID                                   revoke a device and free its port
  clear-stale ID                              free a port held by a dead session
  ssh-command ID                              the OpenSSH command for a shell on it
  exec DEVICE|@LABEL|RELAY:PORT... -- COMMAND run a command on devices
  copy [-r] LOCAL... DEVICE:PATH | DEVICE:PATH LOCAL   copy files (DEVICE: id or @LABEL)
  forward DEVICE PORT [--local PORT]          reach a port of the device from here
  logs DEVICE [--lines N]                     why its tunnel failed, and when
  profile DEVICE|@LABEL... cellular|lan       how devices keep their tunnels
  history ID                                  when its tunnel came and went
  health ID [--lines N]                       its temperature, power, load, memory, disk
  upgrade DEVICE|@LABEL...|--all              bring devices&apos; files up to this version
  keys generate|list|export-public|install|rotate|revoke   manage SSH keys
  push TARGET... NAME=VALUE...                change variables of running programs
  overrides DEVICE|reapply|install-module|history   desired vs applied overrides
  audit [--device ID] [--lines N]             what was done to devices, by whom
  watch [--offline-after SECONDS] [--webhook URL]   a line for each alert (alerts.json)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell a device unreachable for this long, whatever its labels (watch; default: the alert settings, 600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also post each alert to this URL as JSON (watch; default: the alert settings&apos; webhook).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::CopyCommand</name>
    <message>
        <source>Usage: copy [-r] [--mode OCTAL] LOCAL... DEVICE:PATH
       copy [-r] [--mode OCTAL] DEVICE:PATH LOCAL
DEVICE is a device id or @LABEL; PATH is relative to the login folder unless it starts with /.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy either local files to one DEVICE:PATH, or one DEVICE:PATH to a local path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--mode takes octal permission bits such as 644 or 0755.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: copied %n file(s), %2, to %3</source>
        <translation>
            <numerusform>%1: copied %n file, %2, to %3</numerusform>
            <numerusform>%1: copied %n files, %2, to %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: skipped %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No device matches &quot;%1&quot;.</source>
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
    <message>
        <source>Usage: history ID [--relay NAME] [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1 has recorded no tunnel of %2 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline %1 → %2 (%3 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tunnel up since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source># data this month: %1 by the tunnels of %n device(s) that reported it</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: health ID [--relay NAME] [--lines N] [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lines takes a number from 1 to 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not reported its health yet (it reports hourly from version 6 of its files: `relayfleet-cli upgrade %1`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time                 °C     load  mem%  disk%  throttled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System: %1</source>
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
    <message>
        <source>--device-ssh-port takes a port from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--profile takes cellular or lan.</source>
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
    <message>
        <source>Usage: logs DEVICE [--lines N] [--user USER]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lines takes a number from 1 to 100000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device keeps no tunnel log yet: its tunnel runner is older than this version, or it never ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: profile DEVICE|@LABEL... cellular|lan [--keepalive-max SECONDS]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--keepalive-max takes seconds from %1 to %2, with cellular.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::ForwardCommand</name>
    <message>
        <source>Usage: forward DEVICE PORT [--local PORT] [--bind ADDRESS]
Listens on ADDRESS:PORT here (127.0.0.1 unless --bind says otherwise) and carries each connection to 127.0.0.1:PORT on the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--local takes a port number (0 for any).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarding %1 to port %2 of %3 (through relay %4). Ctrl+C ends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Forward ended after %n connection(s).</source>
        <translation>
            <numerusform>Forward ended after %n connection.</numerusform>
            <numerusform>Forward ended after %n connections.</numerusform>
        </translation>
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
    <message>
        <source>Relay %1: cannot read its registry: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay %1 now takes only key %2, but the relay list could not be updated (%3): run `relay add %1 ... --identity %4`.</source>
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
    <message>
        <source>warning: the push is not in the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the relay&apos;s registry does not record it: %1)</source>
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
    <name>relayfleet::cli::TargetResolver</name>
    <message>
        <source>No device matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; names %2 devices; name one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::TransferProgress</name>
    <message>
        <source>Copying: %1 of %2, %3/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 s left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::UpgradeCommand</name>
    <message>
        <source>Usage: upgrade DEVICE|@LABEL... | --all [--watchdog SECONDS] [--runner FILE] [--force] [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--watchdog takes seconds from 20 to 3600.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the runner %1 (at most 1 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Upgrading %n device(s) on relay %1; each watches its new runner for up to %2 s…</source>
        <translation>
            <numerusform>Upgrading %n device on relay %1; each watches its new runner for up to %2 s…</numerusform>
            <numerusform>Upgrading %n devices on relay %1; each watches its new runner for up to %2 s…</numerusform>
        </translation>
    </message>
    <message>
        <source>No device matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::WatchCommand</name>
    <message>
        <source>relay %1 cannot be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relay %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: watch [--relay NAME] [--offline-after SECONDS] [--webhook URL] [--every SECONDS] [--json]
--every takes %1 to %2 seconds, --offline-after 0 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the webhook did not take the alert of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a device unreachable for %1 s is told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unreachable device is not told</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (%n label(s) have their own limit)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Watching %n relay(s) every %1 s; %2%3. Ctrl+C ends it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
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
    <name>relayfleet::gui::AlertNotifier</name>
    <message>
        <source>Show Relay Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device back online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device disk almost full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device running hot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device power too weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook did not take the alert of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>told; webhook: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>told; the webhook failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>told</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::AlertSettingsDialog</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell me when a device is unreachable for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels with a limit of their own (the shortest of a device&apos;s labels wins):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreachable for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell me when a device&apos;s health report says:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> % free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its disk has less than:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> °C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its CPU is hotter than:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its power supply is too weak (under-voltage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://hooks.slack.com/services/… (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also post each alert to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook took the test: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test did not arrive: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a label: small letters, digits, - and _, up to 32.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label &quot;%1&quot; is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the webhook&apos;s address first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) shown, newest first; the log is %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
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
    <message>
        <source>Device files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (not enrolled by Relay Fleet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last outage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2 (%3 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt; (&lt;a href=&quot;close:%1&quot;&gt;close&lt;/a&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runner %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key helper %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overrides module %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — older than this app&apos;s %2: Device → Upgrade device files…, or relayfleet-cli upgrade %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked (View → Check devices)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported (a hand-made tunnel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading its health reports from the relay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (reported %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
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
    <message>
        <source>How the device keeps its tunnel: what its link costs decides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device&apos;s link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::FileTransferDialog</name>
    <message>
        <source>Upload to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder on the device; ~/ is the login folder. Each file is written under a temporary name and renamed into place when whole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>~/program.log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File on the device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling… (partial files are removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the file on the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: copied %n file(s), %2, to %3</source>
        <translation>
            <numerusform>%1: copied %n file, %2, to %3</numerusform>
            <numerusform>%1: copied %n files, %2, to %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: skipped %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not everything was copied:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::FleetController</name>
    <message>
        <source>No relay configured yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 devices and tunnels, refreshed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; data this month: %1 by the tunnels of %n device(s) that reported it</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checking every device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not upgraded — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading %1… (the device watches its new runner for up to %2 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the profile was not changed — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing how %1 keeps its tunnel…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::HealthChart</name>
    <message>
        <source>No health reports yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One report so far: the chart starts with the next, in an hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk free</source>
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
    <message>
        <source>Upgrade device files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the selected device&apos;s tunnel runner up to this version; it goes back to the old one by itself if the new one gets no tunnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade the Relay Fleet files on %1 to version %2?

Its tunnel restarts: the device tries the new runner and switches to it only once it has a working tunnel; otherwise it goes back to its current runner by itself within %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 of %2 is open at %3 (address copied).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 of %2 could not be opened here: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files to upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy files to the selected device, or to every device of the label chosen (or drop files on a device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reach a port of the selected device (a web page, Jupyter, Node-RED) from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a registered device, or choose a label, to upload files to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download into folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port on %1 (as the device itself reaches it on 127.0.0.1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening port %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the relays how their devices are (costs the devices no data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask every device itself whether it answers (about 5 KB of data each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device&apos;s link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cellular (saves data) or LAN / Wi-Fi (answers faster): how the selected device keeps its tunnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device&apos;s link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How %1 keeps its tunnel:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check devices automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never (only when asked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every %n min (about %1 MB a month per device)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;lerts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert settings cannot be read, the defaults apply: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::OpenPorts</name>
    <message>
        <source>Another port is being opened; try again in a moment.</source>
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
        <translation>
            <numerusform>Pushing to %n device…</numerusform>
            <numerusform>Pushing to %n devices…</numerusform>
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
    <message>
        <source>The push is not in the history: %1</source>
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
