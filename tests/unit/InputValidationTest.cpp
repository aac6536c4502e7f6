// Findings of the fuzz targets, kept as tests: every name a relay, a device or a user gives is
// checked to its very end (a regular expression's "$" also matches before a final newline,
// which would let "NAME\n=..." add a line of its own to a protocol), and the terminal survives
// the control sequences that corrupted libvterm's memory.
#include "keys/KeyStore.h"
#include "overrides/OverrideAssignment.h"
#include "registry/DeviceRecord.h"
#include "relay/DeviceTarget.h"
#include "relay/RelayConfig.h"
#include "terminal/TerminalEmulator.h"

#include <QTest>

using namespace relayfleet;

class InputValidationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aTrailingNewlineIsNeverPartOfAName()
    {
        QVERIFY(OverrideAssignment::isValidName(QStringLiteral("SPEED")));
        QVERIFY(!OverrideAssignment::isValidName(QStringLiteral("SPEED\n")));
        QVERIFY(
            !OverrideAssignment::parse(QStringLiteral("SPEE\n=2.5")).ok()); // the fuzzer's input
        QVERIFY(DeviceTarget::isValidId(QStringLiteral("kitchen")));
        QVERIFY(!DeviceTarget::isValidId(QStringLiteral("kitchen\n")));
        QVERIFY(!DeviceRecord::isValidLabel(QStringLiteral("home\n")));
        QVERIFY(!RelayConfig::isValidName(QStringLiteral("main\n")));
        QVERIFY(!KeyStore::isValidName(QStringLiteral("laptop\n")));
        QVERIFY(!RelayConfig::fromAddress(QStringLiteral("main"),
                                          QStringLiteral("pi@relay.example.com\n"), {})
                     .ok());
    }

    void repeatBeforeAnyCharacterDoesNotHang()
    {
        // Repeat-last-character before there is one: libvterm 0.1.4 never returned from this.
        TerminalEmulator fresh(24, 80);
        fresh.feed("\r\n\x1b[5bok");
        QCOMPARE(fresh.lineText(1), QStringLiteral("ok"));
        // Once a character was printed, REP repeats it as it should.
        fresh.feed("\x1b[3b");
        QCOMPARE(fresh.lineText(1), QStringLiteral("okkkk"));
    }

    void aScrollRegionBelowTheNewSizeIsReset()
    {
        // A region starting at row 15, then the window made 10 rows high: libvterm 0.1.4 kept
        // the region and its next scroll moved a negative number of bytes (the fuzz target).
        TerminalEmulator emulator(24, 80);
        emulator.feed("\x1b[15r\x1b[5;3Hprompt");
        emulator.resize(10, 40);
        QCOMPARE(emulator.cursorRow(), 4); // the cursor stays where it was
        QCOMPARE(emulator.cursorColumn(), 8);
        emulator.feed("\r\n\x1bM\x1b[3L\x1b[2S\x1b[10;1H\n\nend");
        QCOMPARE(emulator.lineText(9), QStringLiteral("end"));
    }

    void controlSequencesWithTooManyParametersAreCut()
    {
        TerminalEmulator emulator(24, 80);
        // The fuzzer's input: SGR 38;2 with twenty empty parameters (crashed libvterm 0.1.4).
        emulator.feed("\x1b[1;ed\x1b[00;5Hx  \x1b[38;2;1;;;;;;;;;;;;;;;;;;;;2;3mrgb\r\n");
        QVERIFY(emulator.screenText().contains(QStringLiteral("rgb")));
        // Split across chunks, and in the C1 form, too.
        emulator.feed("\x1b[" + QByteArray(40, ';'));
        emulator.feed(QByteArray(40, ';') + "mok\r\n");
        emulator.feed("\xc2\x9b" + QByteArray(100, ';') + "mc1\r\n");
        QVERIFY(emulator.screenText().contains(QStringLiteral("ok")));
        QVERIFY(emulator.screenText().contains(QStringLiteral("c1")));
        // Bytes of 0x80 and above inside a sequence (crashed libvterm 0.1.4, too).
        emulator.feed(QByteArray(
            "\x1b[\xff\xff\xff\xff"
            "1;31mred\x0b[0m \xe6\x97\xa5\x07\x1b[?1049h\x1b[2J\x1b[  \x1b[38b;1;2;3mrgb\r\n"));
        emulator.feed("\x1b\xff\x1b[0mafter\r\n");
        QVERIFY(emulator.screenText().contains(QStringLiteral("after")));
        // A resize keeps the cursor inside the grid (libvterm clamps it without a callback).
        emulator.feed("\x1b[24;80H");
        emulator.resize(10, 20);
        QVERIFY(emulator.cursorRow() < 10 && emulator.cursorColumn() < 20);
        emulator.resize(24, 80);
        // A resize in the middle of an OSC string (crashed libvterm 0.1.4).
        TerminalEmulator small(24, 80);
        small.feed(QByteArray("\0\0_re\r\n\x1b]0;t\x1b[", 14));
        small.resize(11, 21);
        small.feed("100\xa5\xe6\x9c\xac\x1b]\x1b[38b\r\nstill here");
        QVERIFY(small.screenText().contains(QStringLiteral("still here")));
        // REP of a double-width character, then a resize (corrupted libvterm 0.1.4's grid).
        TerminalEmulator wide(24, 80);
        wide.feed("xx\xe6\x9c\xac\x1b[38b");
        wide.resize(21, 31);
        wide.feed("\r\nafter resize");
        QVERIFY(wide.screenText().contains(QStringLiteral("after resize")));
        // Text after a resize that left libvterm's own cursor below the last row (CSI 19 e,
        // then a smaller grid): written outside its buffers before the cursor was put back.
        TerminalEmulator below(24, 80);
        below.feed("\x1b[19ex");
        below.resize(11, 39);
        below.feed("more text\r\n");
        QVERIFY(below.screenText().contains(QStringLiteral("more text")));
        QVERIFY(below.cursorRow() < 11);
        // ESC, an intermediate, then "[...b": libvterm read it as REP of a double-width
        // character (a crash); no terminal defines it, so it is dropped.
        TerminalEmulator intermediate(2, 50);
        intermediate.feed("=\xe6\x9c\xac\n");
        intermediate.resize(29, 39);
        intermediate.feed("\r\x1b [833b\r\nend");
        QVERIFY(intermediate.screenText().contains(QStringLiteral("end")));
        QVERIFY(!intermediate.screenText().contains(QStringLiteral("833")));
        // Ordinary sequences still work.
        emulator.feed("\x1b[2J\x1b[H\x1b[38;2;10;20;30mtrue colour");
        QCOMPARE(emulator.lineText(0), QStringLiteral("true colour"));
        QCOMPARE(emulator.cell(0, 0).foreground, 0xff0a141eu);
    }
};

QTEST_GUILESS_MAIN(InputValidationTest)
#include "InputValidationTest.moc"
