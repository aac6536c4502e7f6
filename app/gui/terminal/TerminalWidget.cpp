#include "terminal/TerminalWidget.h"

#include "terminal/TerminalEmulator.h"
#include "terminal/TerminalKeyMap.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGlyphRun>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <cmath>

namespace relayfleet::gui {

TerminalWidget::TerminalWidget(TerminalEmulator *emulator, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_emulator(emulator)
{
    setObjectName(QStringLiteral("terminal"));
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    setFont(font);
    updateCellMetrics();
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled, true);
    viewport()->setCursor(Qt::IBeamCursor);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_frameTimer.setSingleShot(true);
    connect(&m_frameTimer, &QTimer::timeout, this, &TerminalWidget::showFrame);
    connect(m_emulator, &TerminalEmulator::damaged, this, [this] {
        m_scrollBarStale = true; // the scrollback grew: the scroll bar follows with the frame
        scheduleRepaint();
    });
}

QSize TerminalWidget::gridSize() const
{
    return QSize(std::max(2, viewport()->width() / m_cell.width()),
                 std::max(2, viewport()->height() / m_cell.height()));
}

void TerminalWidget::updateScrollBar()
{
    QScrollBar *bar = verticalScrollBar();
    const bool atBottom = bar->value() == bar->maximum();
    bar->setRange(0, m_emulator->scrollbackSize());
    bar->setPageStep(m_emulator->rows());
    if (atBottom) {
        bar->setValue(bar->maximum());
    }
}

void TerminalWidget::updateCellMetrics()
{
    // A cell is the font's advance rounded up, so every glyph's ink fits in it; runs are drawn
    // with each glyph placed at its cell, never where the font's own advances would put it.
    const QFontMetricsF metrics(font());
    m_cell = QSize(std::max(1, static_cast<int>(
                                   std::ceil(metrics.horizontalAdvance(QLatin1Char('M')) - 0.01))),
                   std::max(1, static_cast<int>(std::ceil(metrics.height()))));
    m_ascent = static_cast<int>(std::round(metrics.ascent()));
    QFont bold = font();
    bold.setBold(true);
    m_rawFont = QRawFont::fromFont(font());
    m_rawBoldFont = QRawFont::fromFont(bold);
    m_preparedRuns.clear();
}

void TerminalWidget::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateCellMetrics();
        followGridSize();
        viewport()->update();
    }
}

void TerminalWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    followGridSize();
}

void TerminalWidget::followGridSize()
{
    const QSize grid = gridSize();
    if (grid.height() != m_emulator->rows() || grid.width() != m_emulator->columns()) {
        m_emulator->resize(grid.height(), grid.width());
        Q_EMIT gridResized(grid.height(), grid.width());
    }
}

void TerminalWidget::scheduleRepaint()
{
    // At most one paint per display frame: a `cat` of a big log brings hundreds of chunks a
    // second, and painting each would cost more than reading them. Typing still shows at once
    // (the first change after a quiet frame is painted on the next turn of the event loop).
    if (m_frameTimer.isActive()) {
        return;
    }
    const qint64 sinceLastPaint =
        m_sinceLastPaint.isValid() ? m_sinceLastPaint.elapsed() : kFrameMs;
    if (sinceLastPaint >= kFrameMs) {
        showFrame();
    } else {
        m_frameTimer.start(static_cast<int>(kFrameMs - sinceLastPaint));
    }
}

void TerminalWidget::showFrame()
{
    if (std::exchange(m_scrollBarStale, false)) {
        updateScrollBar();
    }
    viewport()->update();
}

const QGlyphRun &TerminalWidget::preparedRun(const QString &text, bool bold)
{
    // Output scrolls: the same line is drawn in every frame while it climbs the screen, so its
    // glyphs are kept. Bounded; refilled from empty. Each glyph goes at its own cell, not where
    // the font's advances would take it: a font whose advance is not a whole number of pixels
    // (DejaVu Sans Mono at 10.5 pt: 8.4) would otherwise drift off the grid along a long run.
    const QString key = bold ? QLatin1Char('b') + text : QLatin1Char('n') + text;
    if (auto it = m_preparedRuns.constFind(key); it != m_preparedRuns.constEnd()) {
        return *it;
    }
    if (m_preparedRuns.size() >= kMaxPreparedRuns) {
        m_preparedRuns.clear();
    }
    const QRawFont &raw = bold ? m_rawBoldFont : m_rawFont;
    QGlyphRun run;
    const QList<quint32> glyphs =
        raw.isValid() ? raw.glyphIndexesForString(text) : QList<quint32>();
    if (glyphs.size() == text.size() && !glyphs.contains(0u)) {
        QList<QPointF> positions;
        positions.reserve(glyphs.size());
        for (qsizetype i = 0; i < glyphs.size(); ++i) {
            positions.append(QPointF(static_cast<qreal>(i * m_cell.width()), 0));
        }
        run.setRawFont(raw);
        run.setGlyphIndexes(glyphs);
        run.setPositions(positions);
    }
    return *m_preparedRuns.insert(key, run);
}

void TerminalWidget::scrollContentsBy(int, int)
{
    // Following the output moves the scroll bar too: that paint waits for the frame as well
    // (QAbstractScrollArea would paint at once).
    scheduleRepaint();
}

void TerminalWidget::paintEvent(QPaintEvent *)
{
    m_sinceLastPaint.start();
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), QColor::fromRgb(kDefaultBackground));
    const TerminalScreen &screen = m_emulator->screen();
    // Rows above the screen come from the scrollback when the user scrolled up.
    const int scrolledBack = verticalScrollBar()->maximum() - verticalScrollBar()->value();
    QFont bold = font();
    bold.setBold(true);
    const QRect selection =
        m_selectionStart.x() >= 0 ? QRect(m_selectionStart, m_selectionEnd).normalized() : QRect();
    for (int line = 0; line < m_emulator->rows(); ++line) {
        const int sourceRow = line - scrolledBack;
        paintRow(painter,
                 sourceRow < 0 ? screen.scrollbackLine(screen.scrollbackSize() + sourceRow)
                               : screen.row(sourceRow),
                 line, selection, bold);
    }
    if (scrolledBack == 0 && m_emulator->cursorVisible()) {
        paintCursor(painter);
    }
    if (scrolledBack == 0 && !m_preedit.isEmpty()) {
        paintPreedit(painter);
    }
}

// Plain ASCII cells of one colour and weight are drawn as one run of text (a monospace font
// puts them exactly on the grid); anything else, a cell at a time. Drawing text is what costs:
// one call per run instead of one per cell.
void TerminalWidget::paintRow(QPainter &painter, std::span<const TerminalScreen::Cell> cells,
                              int line, const QRect &selection, const QFont &bold)
{
    const TerminalScreen &screen = m_emulator->screen();
    QString run;
    QRect runBox;
    QRgb runColour = 0;
    bool runBold = false;
    auto flush = [&] {
        if (!run.trimmed().isEmpty()) {
            drawTextRun(painter, run, runBox, runColour, runBold, runBold ? bold : font());
        }
        run.clear();
    };
    const int columns = std::min(static_cast<int>(cells.size()), m_emulator->columns());
    for (int column = 0; column < columns; ++column) {
        const TerminalScreen::Cell &cell = cells[static_cast<size_t>(column)];
        if (cell.code == TerminalScreen::kRightHalf) {
            continue; // drawn with its left half
        }
        QRgb fg = cell.foreground;
        QRgb bg = cell.background;
        if (cell.attributes & TerminalScreen::Reverse) {
            std::swap(fg, bg);
        }
        if (selection.contains(QPoint(column, line))) {
            std::swap(fg, bg);
        }
        const bool isBold = cell.attributes & TerminalScreen::Bold;
        const int width = std::max(1, static_cast<int>(cell.width));
        const QRect box(column * m_cell.width(), line * m_cell.height(), width * m_cell.width(),
                        m_cell.height());
        if (bg != kDefaultBackground) {
            painter.fillRect(box, QColor::fromRgb(bg));
        }
        const bool ascii = width == 1 && cell.code >= 0x20 && cell.code < 0x7f;
        if (ascii && !run.isEmpty() &&
            (fg != runColour || isBold != runBold || box.left() != runBox.right() + 1)) {
            flush();
        }
        if (ascii) {
            if (run.isEmpty()) {
                runBox = box;
                runColour = fg;
                runBold = isBold;
            } else {
                runBox.setRight(box.right());
            }
            run += QChar(static_cast<char16_t>(cell.code));
        } else {
            flush();
            if (cell.code != 0) {
                painter.setFont(isBold ? bold : font());
                painter.setPen(QColor::fromRgb(fg));
                painter.setClipRect(box); // a fallback font's glyph may be wider than its cells
                painter.drawText(QPoint(box.left(), box.top() + m_ascent), screen.text(cell));
                painter.setClipping(false);
            }
        }
        if (cell.attributes & TerminalScreen::Underline) {
            painter.fillRect(QRect(box.left(), box.bottom() - 1, box.width(), 1),
                             QColor::fromRgb(fg));
        }
    }
    flush();
}

void TerminalWidget::drawTextRun(QPainter &painter, const QString &run, const QRect &box,
                                 QRgb colour, bool bold, const QFont &runFont)
{
    painter.setFont(runFont);
    painter.setPen(QColor::fromRgb(colour));
    const QGlyphRun &glyphs = preparedRun(run, bold);
    // Ink that a glyph puts beyond its advance (a bold face made by emboldening, an italic)
    // stays inside the run's cells.
    painter.setClipRect(box);
    if (!glyphs.isEmpty()) {
        painter.drawGlyphRun(QPointF(box.left(), box.top() + m_ascent), glyphs);
    } else { // a glyph the font lacks: each character at its cell, by fallback fonts
        for (qsizetype i = 0; i < run.size(); ++i) {
            painter.drawText(
                QPoint(box.left() + static_cast<int>(i) * m_cell.width(), box.top() + m_ascent),
                QString(run.at(i)));
        }
    }
    painter.setClipping(false);
}

void TerminalWidget::paintCursor(QPainter &painter) const
{
    const QRect cursor = cursorCellRect();
    painter.setPen(Qt::NoPen);
    painter.setBrush(hasFocus() ? QColor(200, 200, 200, 160) : Qt::transparent);
    painter.drawRect(cursor);
    painter.setPen(QColor(200, 200, 200));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(cursor.adjusted(0, 0, -1, -1));
}

// The input method's text being composed, over the cells from the cursor on, underlined.
void TerminalWidget::paintPreedit(QPainter &painter) const
{
    const QRect cursor = cursorCellRect();
    const QFontMetrics metrics(font());
    const QRect box(cursor.topLeft(), QSize(metrics.horizontalAdvance(m_preedit), m_cell.height()));
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor::fromRgb(kPreeditBackground));
    painter.drawRect(box);
    painter.setFont(font());
    painter.setPen(QColor::fromRgb(kPreeditForeground));
    painter.drawText(QPoint(box.left(), box.top() + m_ascent), m_preedit);
    painter.fillRect(QRect(box.left(), box.bottom() - 1, box.width(), 2),
                     QColor::fromRgb(kPreeditForeground));
}

QPoint TerminalWidget::cellAt(const QPoint &pixel) const
{
    return QPoint(std::clamp(pixel.x() / m_cell.width(), 0, m_emulator->columns() - 1),
                  std::clamp(pixel.y() / m_cell.height(), 0, m_emulator->rows() - 1));
}

void TerminalWidget::mousePressEvent(QMouseEvent *event)
{
    m_selectionStart = m_selectionEnd = cellAt(event->position().toPoint());
    viewport()->update();
}

void TerminalWidget::mouseMoveEvent(QMouseEvent *event)
{
    m_selectionEnd = cellAt(event->position().toPoint());
    viewport()->update();
}

QString TerminalWidget::selectedText() const
{
    if (m_selectionStart.x() < 0 || m_selectionStart == m_selectionEnd) {
        return {};
    }
    const QRect box = QRect(m_selectionStart, m_selectionEnd).normalized();
    QStringList lines;
    for (int row = box.top(); row <= box.bottom(); ++row) {
        lines << m_emulator->lineText(row).mid(box.left(), box.width()).trimmed();
    }
    return lines.join(QLatin1Char('\n'));
}

void TerminalWidget::keyPressEvent(QKeyEvent *event)
{
    const TerminalKeyMap::Decision decision =
        TerminalKeyMap::decide(hostPlatform(), event->key(), event->modifiers());
    switch (decision.action) {
    case TerminalKeyMap::Action::Copy:
        QApplication::clipboard()->setText(selectedText());
        return;
    case TerminalKeyMap::Action::Paste:
        m_emulator->sendPaste(QApplication::clipboard()->text());
        return;
    case TerminalKeyMap::Action::Application:
        QAbstractScrollArea::keyPressEvent(event); // ignored here: the window's shortcuts
        return;
    case TerminalKeyMap::Action::ControlByte:
    case TerminalKeyMap::Action::Terminal:
        break;
    }
    using Key = TerminalEmulator::Key;
    static const QHash<int, Key> keys = {
        {Qt::Key_Return, Key::Enter},      {Qt::Key_Enter, Key::Enter},
        {Qt::Key_Tab, Key::Tab},           {Qt::Key_Backspace, Key::Backspace},
        {Qt::Key_Escape, Key::Escape},     {Qt::Key_Up, Key::Up},
        {Qt::Key_Down, Key::Down},         {Qt::Key_Left, Key::Left},
        {Qt::Key_Right, Key::Right},       {Qt::Key_Home, Key::Home},
        {Qt::Key_End, Key::End},           {Qt::Key_PageUp, Key::PageUp},
        {Qt::Key_PageDown, Key::PageDown}, {Qt::Key_Insert, Key::Insert},
        {Qt::Key_Delete, Key::Delete}};
    verticalScrollBar()->setValue(verticalScrollBar()->maximum()); // typing returns to the prompt
    if (auto it = keys.constFind(event->key()); it != keys.constEnd()) {
        m_emulator->sendKey(*it, decision.modifiers);
        return;
    }
    if (decision.action == TerminalKeyMap::Action::ControlByte) {
        // Control+C is the control character itself: it interrupts the remote program.
        m_emulator->sendText(QString(QChar(static_cast<char16_t>(decision.controlByte))));
        return;
    }
    if (!event->text().isEmpty()) {
        m_emulator->sendText(event->text());
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void TerminalWidget::inputMethodEvent(QInputMethodEvent *event)
{
    // Text typed through an input method (Japanese, Chinese, accents on a Mac): what is being
    // composed is shown at the cursor and sent only once committed, as one piece of text.
    if (!event->commitString().isEmpty()) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        m_emulator->sendText(event->commitString());
    }
    if (m_preedit != event->preeditString()) {
        m_preedit = event->preeditString();
        viewport()->update();
    }
    event->accept();
}

QRect TerminalWidget::cursorCellRect() const
{
    return QRect(m_emulator->cursorColumn() * m_cell.width(),
                 m_emulator->cursorRow() * m_cell.height(), m_cell.width(), m_cell.height());
}

QVariant TerminalWidget::inputMethodQuery(Qt::InputMethodQuery query) const
{
    switch (query) {
    case Qt::ImEnabled:
        return true;
    case Qt::ImCursorRectangle: {
        // After the text being composed, in the widget's coordinates: the input method puts
        // its candidate list there.
        const QRect cursor = cursorCellRect().translated(viewport()->pos());
        return cursor.translated(QFontMetrics(font()).horizontalAdvance(m_preedit), 0);
    }
    case Qt::ImFont:
        return font();
    case Qt::ImCursorPosition:
    case Qt::ImAnchorPosition:
        return 0;
    case Qt::ImSurroundingText:
    case Qt::ImCurrentSelection:
        return QString();
    case Qt::ImHints:
        return QVariant::fromValue(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase |
                                   Qt::ImhPreferLatin);
    default:
        return QAbstractScrollArea::inputMethodQuery(query);
    }
}

} // namespace relayfleet::gui
