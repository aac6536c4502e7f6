#!/bin/sh
# Puts Relay Fleet's device-side files where enrolment puts them (~/.relayfleet of the user who
# runs it), for people who prepare SD card images: run it as the login user on the device, or
# with HOME pointing at that user's home inside a mounted image.
#   sh install.sh
# Enrolment from the app still makes the device's own tunnel key, reserves its relay port and
# writes tunnel.conf (and brings these files up to its own version).
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
target="${HOME:?HOME is not set}/.relayfleet"
umask 077
mkdir -p "$target/python"
for file in relayfleet-tunnel:tunnel relayfleet-authorize-key:authorize-key relayfleet-upgrade:upgrade; do
    cp "$here/${file%%:*}" "$target/${file#*:}.new"
    chmod 700 "$target/${file#*:}.new"
    mv -f "$target/${file#*:}.new" "$target/${file#*:}"
done
for module in relayfleet_overrides.py example_program_a.py; do
    cp "$here/python/$module" "$target/python/$module"
done
echo "Installed in $target. Enrol this device from Relay Fleet to give it its tunnel."
