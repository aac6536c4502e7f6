// The terminal widget fed with VT sequences, offscreen: what it paints (colours, double-width
// Japanese text, the cursor), its grid following its size, keys turned into terminal input,
// selection and copy, and the scrollback under the scroll bar.
#include "terminal/TerminalWidget.h"

#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalKeyMap.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QInputMethodEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace relayfleet;

class TerminalWidgetTest : public QObject
{
    Q_OBJECT

    // What the viewport shows now, as an image.
    static QImage shot(gui::TerminalWidget &widget) { return widget.viewport()->grab().toImage(); }

    static QRect cellRect(const gui::TerminalWidget &widget, int row, int column, int width = 1)
    {
        const QSize cell = widget.cellSize();
        return QRect(column * cell.width(), row * cell.height(), width * cell.width(),
                     cell.height());
    }

    // The modifiers that, on this platform, make Key_C do `action` in the widget's own key map
    // (Qt reports a Mac's ⌘ as ControlModifier and its Control key as MetaModifier).
    static Qt::KeyboardModifiers modifiersFor(TerminalKeyMap::Action action)
    {
        for (const Qt::KeyboardModifiers candidate :
             {Qt::KeyboardModifiers(Qt::ControlModifier), Qt::KeyboardModifiers(Qt::MetaModifier),
              Qt::ControlModifier | Qt::ShiftModifier}) {
            if (TerminalKeyMap::decide(hostPlatform(), Qt::Key_C, candidate).action == action) {
                return candidate;
            }
        }
        qFatal("no modifiers make Key_C do the action asked for");
    }

    // Fonts this system has whose advance is fractional at the sizes tested: a monospace font
    // and a Japanese one (Linux: the project's install step brings both).
    static QStringList testedFonts()
    {
        if (hostPlatform() == Platform::MacOS) {
            return {QStringLiteral("Menlo"), QStringLiteral("Hiragino Sans")};
        }
        return {QStringLiteral("DejaVu Sans Mono"), QStringLiteral("IPAGothic")};
    }

    // How many pixels of `rect` have `colour`.
    static int count(const QImage &image, const QRect &rect, QRgb colour)
    {
        int n = 0;
        for (int y = rect.top(); y <= rect.bottom(); ++y) {
            for (int x = rect.left(); x <= rect.right(); ++x) {
                n += (image.pixel(x, y) & 0xffffff) == (colour & 0xffffff) ? 1 : 0;
            }
        }
        return n;
    }

    // Counts the paints of what it watches, and when the last one began.
    class PaintCounter : public QObject
    {
    public:
        explicit PaintCounter(const QElapsedTimer &clock)
            : m_clock(clock)
        {
        }
        int paints = 0;
        qint64 lastPaintMs = -1;

    protected:
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Paint) {
                ++paints;
                lastPaintMs = m_clock.elapsed();
            }
            return false;
        }

    private:
        const QElapsedTimer &m_clock;
    };

private Q_SLOTS:
    void paintsAtMostOncePerFrame()
    {
        TerminalEmulator emulator(24, 80);
        gui::TerminalWidget widget(&emulator);
        widget.resize(900, 500);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QTest::qWait(50);
        QElapsedTimer clock;
        clock.start();
        PaintCounter counter(clock);
        widget.viewport()->installEventFilter(&counter);

        // Typing after a quiet moment shows at once: the next turn of the event loop paints.
        emulator.feed("x");
        QCoreApplication::processEvents();
        QCOMPARE(counter.paints, 1);

        // A flood of output, a chunk per turn of the event loop: one paint per 16 ms frame.
        qint64 lastFeedMs = 0;
        for (int i = 0; i < 2000; ++i) {
            emulator.feed("output line " + QByteArray::number(i) + "\r\n");
            lastFeedMs = clock.elapsed();
            QCoreApplication::processEvents();
        }
        const qint64 floodMs = clock.elapsed();
        QVERIFY2(counter.paints <= floodMs / 16 + 3,
                 qPrintable(QStringLiteral("%1 paints in %2 ms").arg(counter.paints).arg(floodMs)));
        // ... and the last of it is painted, without anything else happening.
        QTRY_VERIFY_WITH_TIMEOUT(counter.lastPaintMs >= lastFeedMs, 10000);
        QCOMPARE(emulator.lineText(emulator.cursorRow() - 1), QStringLiteral("output line 1999"));
    }

    void paintsColoursAndWideCharacters()
    {
        TerminalEmulator emulator(24, 80);
        gui::TerminalWidget widget(&emulator);
        widget.resize(900, 500);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        // Red background, then green text on the default background, then 256-colour blue.
        emulator.feed("\x1b[41m  \x1b[0m \x1b[32mG\x1b[0m \x1b[48;5;21m  \x1b[0m\r\n");
        emulator.feed("日本語 ok\r\n");
        QCoreApplication::processEvents();
        const QImage image = shot(widget);

        const QRgb red = emulator.cell(0, 0).background;
        QVERIFY(red != emulator.cell(0, 2).background);
        // The whole cell is painted in the cell's background.
        QCOMPARE(count(image, cellRect(widget, 0, 0), red),
                 widget.cellSize().width() * widget.cellSize().height());
        QCOMPARE(count(image, cellRect(widget, 0, 1), red),
                 widget.cellSize().width() * widget.cellSize().height());
        QCOMPARE(count(image, cellRect(widget, 0, 2), red), 0);
        // The G is drawn in its (green) foreground colour: antialiased, so greenish ink.
        QVERIFY(qGreen(emulator.cell(0, 3).foreground) > qRed(emulator.cell(0, 3).foreground));
        int greenInk = 0;
        const QRect g = cellRect(widget, 0, 3);
        for (int y = g.top(); y <= g.bottom(); ++y) {
            for (int x = g.left(); x <= g.right(); ++x) {
                const QRgb p = image.pixel(x, y);
                greenInk +=
                    qGreen(p) > 64 && 2 * qGreen(p) > 3 * qRed(p) && qGreen(p) > 2 * qBlue(p) ? 1
                                                                                              : 0;
            }
        }
        QVERIFY(greenInk > 0);
        const QRgb blue = emulator.cell(0, 5).background;
        QVERIFY(count(image, cellRect(widget, 0, 5, 2), blue) >=
                widget.cellSize().width() * widget.cellSize().height() * 2 - 2);

        // A double-width character takes two cells, and the text after it starts at column 7.
        QCOMPARE(emulator.cell(1, 0).width, 2);
        QCOMPARE(emulator.cell(1, 0).text, QStringLiteral("日"));
        QCOMPARE(emulator.cell(1, 2).text, QStringLiteral("本"));
        QCOMPARE(emulator.lineText(1), QStringLiteral("日本語 ok"));
        const QRgb background = emulator.cell(1, 0).background;
        const int cellPixels = widget.cellSize().width() * widget.cellSize().height();
        // Ink in both halves of the first wide cell (a glyph, or the fallback box).
        QVERIFY(count(image, cellRect(widget, 1, 0), background) < cellPixels);
        QVERIFY(count(image, cellRect(widget, 1, 1), background) < cellPixels);
        QVERIFY(count(image, cellRect(widget, 1, 7), background) < cellPixels); // the "o"
        QCOMPARE(count(image, cellRect(widget, 1, 6), background), cellPixels); // the blank
    }

    void gridFollowsTheWidget()
    {
        TerminalEmulator emulator(24, 80);
        gui::TerminalWidget widget(&emulator);
        QSignalSpy resized(&widget, &gui::TerminalWidget::gridResized);
        const QSize cell = widget.cellSize();
        widget.resize(40 * cell.width() + widget.verticalScrollBar()->sizeHint().width() +
                          2 * widget.frameWidth(),
                      10 * cell.height() + 2 * widget.frameWidth());
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QVERIFY(resized.count() >= 1);
        const QList<QVariant> last = resized.last();
        QCOMPARE(last.at(0).toInt(), widget.gridSize().height());
        QCOMPARE(last.at(1).toInt(), widget.gridSize().width());
        QCOMPARE(emulator.rows(), widget.gridSize().height());
        QCOMPARE(emulator.columns(), widget.gridSize().width());
        QVERIFY(qAbs(emulator.columns() - 40) <= 1 && qAbs(emulator.rows() - 10) <= 1);
        // Text longer than a row wraps at the new width.
        emulator.feed(QByteArray(emulator.columns() + 5, 'x'));
        QCOMPARE(emulator.lineText(1), QStringLiteral("xxxxx"));
    }

    void keysBecomeTerminalInput()
    {
        TerminalEmulator emulator(24, 80);
        gui::TerminalWidget widget(&emulator);
        widget.show();
        QByteArray sent;
        connect(&emulator, &TerminalEmulator::output, this,
                [&](const QByteArray &bytes) { sent += bytes; });
        QTest::keyClicks(&widget, QStringLiteral("ls"));
        QTest::keyClick(&widget, Qt::Key_Return);
        QTest::keyClick(&widget, Qt::Key_Up);
        QTest::keyClick(&widget, Qt::Key_C, modifiersFor(TerminalKeyMap::Action::ControlByte));
        QTest::keyClick(&widget, Qt::Key_Tab);
        QCOMPARE(sent, QByteArray("ls\r\x1b[A\x03\t"));
    }

    void glyphsStayInTheirCells_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<qreal>("points");
        // Sizes where these fonts' advance is fractional (DejaVu Sans Mono at 10.5 pt is 8.4 px).
        for (const QString &family : testedFonts()) {
            for (qreal points : {9.0, 10.5, 13.5}) {
                QTest::addRow("%s %.1f pt", qPrintable(family), points) << family << points;
            }
        }
    }

    void glyphsStayInTheirCells()
    {
        // Long runs of text, then a run in another colour: every glyph's ink in its own cell,
        // whatever the font's advance (`ls --color` drew a coloured name over the space before).
        QFETCH(QString, family);
        QFETCH(qreal, points);
        QFont font(family);
        font.setPointSizeF(points);
        QVERIFY2(QFontInfo(font).family() == family,
                 qPrintable(QFontInfo(font).family() + QStringLiteral(" instead of ") + family));
        TerminalEmulator emulator(6, 100);
        gui::TerminalWidget widget(&emulator);
        widget.setFont(font);
        const QSize cell = widget.cellSize();
        QVERIFY(cell.width() >= QFontMetricsF(font).horizontalAdvance(QLatin1Char('M')));
        widget.resize(100 * cell.width() + 40, 6 * cell.height() + 4);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QTRY_VERIFY(emulator.columns() >= 100);
        emulator.feed(QByteArray(99, '0') + "\r\n");
        emulator.feed(QByteArray(40, '0') + " \x1b[32mX\x1b[0m|\r\n");
        emulator.feed(QByteArray(60, 'W') + "\x1b[1m" + QByteArray(20, 'W') +
                      "\x1b[0m \x1b[32mX\x1b[0m");
        QTest::qWait(50);
        const QImage image = shot(widget);
        const QRgb background = 0xff000000;
        auto inkIn = [&](int row, int firstColumn, int columns) {
            const QRect box = cellRect(widget, row, firstColumn, columns);
            return box.width() * box.height() - count(image, box, background);
        };
        // Row 0: 99 glyphs end inside the 99th cell; the 100th stays empty.
        QCOMPARE(inkIn(0, 99, 1), 0);
        QVERIFY(inkIn(0, 98, 1) > 0);
        // Row 1: the space before the green X is empty, the X is in its own cell only.
        QCOMPARE(inkIn(1, 40, 1), 0);
        // Green ink: antialiased, so any pixel where green clearly dominates.
        auto greenIn = [&](int row, int firstColumn, int columns) {
            const QRect box = cellRect(widget, row, firstColumn, columns);
            int n = 0;
            for (int y = box.top(); y <= box.bottom(); ++y) {
                for (int x = box.left(); x <= box.right(); ++x) {
                    const QRgb p = image.pixel(x, y);
                    n += qGreen(p) > 48 && 2 * qGreen(p) > 3 * qRed(p) && qGreen(p) > 2 * qBlue(p)
                             ? 1
                             : 0;
                }
            }
            return n;
        };
        QVERIFY(greenIn(1, 41, 1) > 0);
        QCOMPARE(greenIn(1, 0, 41), 0);
        QCOMPARE(greenIn(1, 42, 58), 0);
        // Row 2: wide letters, some bold, then a space and a green X.
        QCOMPARE(inkIn(2, 80, 1), 0);
        QVERIFY(greenIn(2, 81, 1) > 0);
        QCOMPARE(greenIn(2, 0, 81), 0);
    }

    void inputMethodTextIsComposedThenSent()
    {
        // Japanese typed through an input method: the reading being composed (preedit) shows at
        // the cursor and is not sent; the committed text is sent once, as UTF-8.
        TerminalEmulator emulator(10, 40);
        gui::TerminalWidget widget(&emulator);
        widget.resize(40 * widget.cellSize().width() + 40, 10 * widget.cellSize().height() + 4);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QVERIFY(widget.testAttribute(Qt::WA_InputMethodEnabled));
        QVERIFY(widget.inputMethodQuery(Qt::ImEnabled).toBool());
        emulator.feed("$ ");
        QByteArray sent;
        connect(&emulator, &TerminalEmulator::output, this,
                [&](const QByteArray &bytes) { sent += bytes; });

        const QRect cursor = widget.cursorCellRect();
        QCOMPARE(cursor.left(), 2 * widget.cellSize().width());
        const QImage before = shot(widget);
        QInputMethodEvent composing(QStringLiteral("にほんご"), {});
        QApplication::sendEvent(&widget, &composing);
        QCOMPARE(widget.preeditText(), QStringLiteral("にほんご"));
        QVERIFY(sent.isEmpty());
        // Painted at the cursor, in the preedit colours; the candidate window goes after it.
        const QImage composed = shot(widget);
        QVERIFY(count(composed, cursor, gui::TerminalWidget::kPreeditBackground) > 0);
        QVERIFY(count(composed, cursor, gui::TerminalWidget::kPreeditForeground) > 0);
        QCOMPARE(count(before, cursor, gui::TerminalWidget::kPreeditForeground), 0);
        const QRect candidates = widget.inputMethodQuery(Qt::ImCursorRectangle).toRect();
        QVERIFY2(candidates.left() > cursor.left() + widget.viewport()->x(),
                 qPrintable(QString::number(candidates.left())));
        QCOMPARE(candidates.top(), cursor.top() + widget.viewport()->y());

        QInputMethodEvent commit;
        commit.setCommitString(QStringLiteral("日本語"));
        QApplication::sendEvent(&widget, &commit);
        QCOMPARE(sent, QStringLiteral("日本語").toUtf8());
        QVERIFY(widget.preeditText().isEmpty());
        QCOMPARE(count(shot(widget), cursor, gui::TerminalWidget::kPreeditBackground), 0);
    }

    void selectionCopyAndScrollback()
    {
        TerminalEmulator emulator(10, 40);
        gui::TerminalWidget widget(&emulator);
        widget.resize(40 * widget.cellSize().width() + 40, 10 * widget.cellSize().height() + 4);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        emulator.feed("hello world\r\n");
        const QSize cell = widget.cellSize();
        QTest::mousePress(widget.viewport(), Qt::LeftButton, {},
                          QPoint(cell.width() / 2, cell.height() / 2));
        QMouseEvent move(
            QEvent::MouseMove, QPointF(4.5 * cell.width(), cell.height() / 2.0),
            widget.viewport()->mapToGlobal(QPointF(4.5 * cell.width(), cell.height() / 2.0)),
            Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(widget.viewport(), &move);
        QCOMPARE(widget.selectedText(), QStringLiteral("hello"));
        QTest::keyClick(&widget, Qt::Key_C, modifiersFor(TerminalKeyMap::Action::Copy));
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("hello"));

        for (int i = 0; i < 50; ++i) {
            emulator.feed(QStringLiteral("line %1\r\n").arg(i).toUtf8());
        }
        QScrollBar *bar = widget.verticalScrollBar();
        QVERIFY(emulator.scrollbackSize() > 0);
        QTRY_COMPARE(bar->maximum(), emulator.scrollbackSize()); // with the next frame
        QCOMPARE(bar->value(), bar->maximum());                  // follows the output
        bar->setValue(0); // the oldest lines, as the user scrolls up
        QCOMPARE(bar->value(), 0);
        QTest::keyClick(&widget, Qt::Key_A);
        QCOMPARE(bar->value(), bar->maximum()); // typing returns to the prompt
    }
};

QTEST_MAIN(TerminalWidgetTest)
#include "TerminalWidgetTest.moc"
