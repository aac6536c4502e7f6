#pragma once

#include "terminal/TerminalScreen.h"

#include <QAbstractScrollArea>
#include <QColor>
#include <QElapsedTimer>
#include <QGlyphRun>
#include <QHash>
#include <QRawFont>
#include <QTimer>
#include <span>

class QPainter;

namespace relayfleet {
class TerminalEmulator;
}

namespace relayfleet::gui {

// Paints a TerminalEmulator in a monospace grid (wide characters take two cells), turns key
// presses (TerminalKeyMap: Ctrl+Shift+C / Ctrl+Shift+V copy and paste on Linux, ⌘C / ⌘V on a
// Mac) and input-method text into terminal input, offers scrollback through the scroll bar.
// It knows nothing about SSH.
class TerminalWidget : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit TerminalWidget(TerminalEmulator *emulator, QWidget *parent = nullptr);

    QSize cellSize() const { return m_cell; }
    // The grid that fits the widget now (what a PTY should be told).
    QSize gridSize() const;
    QString selectedText() const;
    // What an input method is composing (shown at the cursor, not yet sent).
    const QString &preeditText() const { return m_preedit; }
    // The cursor's cell, in the viewport's coordinates.
    QRect cursorCellRect() const;
    // Where the input method's candidate window goes, and what it may assume (public in QWidget).
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;
    static constexpr QRgb kDefaultBackground = 0xff000000; // black, as libvterm's default
    static constexpr QRgb kPreeditBackground = 0xff2e3440;
    static constexpr QRgb kPreeditForeground = 0xffebcb8b;

Q_SIGNALS:
    void gridResized(int rows, int columns);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool focusNextPrevChild(bool) override { return false; } // Tab belongs to the shell

private:
    static constexpr qint64 kFrameMs = 16; // 60 paints a second at most
    void updateScrollBar();
    void updateCellMetrics();
    void followGridSize();
    void scheduleRepaint();
    void showFrame();
    // A run of printable ASCII as glyphs placed one per cell; empty when the font lacks one.
    const QGlyphRun &preparedRun(const QString &text, bool bold);
    void paintRow(QPainter &painter, std::span<const TerminalScreen::Cell> cells, int line,
                  const QRect &selection, const QFont &bold);
    // One run of plain ASCII cells of one colour and weight, drawn in one call.
    void drawTextRun(QPainter &painter, const QString &run, const QRect &box, QRgb colour,
                     bool bold, const QFont &runFont);
    void paintCursor(QPainter &painter) const;
    void paintPreedit(QPainter &painter) const;
    static constexpr int kMaxPreparedRuns = 2000;
    QPoint cellAt(const QPoint &pixel) const;

    TerminalEmulator *m_emulator;
    QSize m_cell;
    int m_ascent = 0;
    QHash<QString, QGlyphRun> m_preparedRuns;
    QRawFont m_rawFont;
    QRawFont m_rawBoldFont;
    QTimer m_frameTimer;
    bool m_scrollBarStale = false;
    QElapsedTimer m_sinceLastPaint;
    QPoint m_selectionStart{-1, -1};
    QPoint m_selectionEnd{-1, -1};
    QString m_preedit;
};

} // namespace relayfleet::gui
