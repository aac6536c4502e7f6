#include "TerminalWidget.h"

#include "TerminalEmulator.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

namespace relayfleet::gui {

TerminalWidget::TerminalWidget(TerminalEmulator *emulator, QWidget *parent)
    : QAbstractScrollArea(parent), m_emulator(emulator)
{
    setObjectName(QStringLiteral("terminal"));
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    setFont(font);
    const QFontMetrics metrics(font);
    m_cell = QSize(std::max(1, metrics.horizontalAdvance(QLatin1Char('M'))), std::max(1, metrics.height()));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled, true);
    viewport()->setCursor(Qt::IBeamCursor);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    connect(m_emulator, &TerminalEmulator::damaged, this, [this] {
        updateScrollBar();
        viewport()->update();
    });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
}

QSize TerminalWidget::gridSize() const
{
    return QSize(std::max(2, viewport()->width() / m_cell.width()), std::max(2, viewport()->height() / m_cell.height()));
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

void TerminalWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    const QSize grid = gridSize();
    if (grid.height() != m_emulator->rows() || grid.width() != m_emulator->columns()) {
        m_emulator->resize(grid.height(), grid.width());
        Q_EMIT gridResized(grid.height(), grid.width());
    }
}

void TerminalWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QColor defaultBackground(Qt::black); // libvterm's
    painter.fillRect(viewport()->rect(), defaultBackground);
    // Rows above the screen come from the scrollback when the user scrolled up.
    const int scrolledBack = verticalScrollBar()->maximum() - verticalScrollBar()->value();
    QFont bold = font();
    bold.setBold(true);
    const QRect selection = QRect(m_selectionStart, m_selectionEnd).normalized();
    const bool selecting = m_selectionStart.x() >= 0;

    // Plain ASCII cells of one colour and weight are drawn as one run of text (a monospace
    // font puts them exactly on the grid); anything else, a cell at a time. Drawing text is
    // what costs: one call per run instead of one per cell.
    QString run;
    QRect runBox;
    QColor runColour;
    bool runBold = false;
    auto flush = [&] {
        if (!run.trimmed().isEmpty()) {
            painter.setFont(runBold ? bold : font());
            painter.setPen(runColour);
            painter.drawText(runBox, Qt::AlignLeft | Qt::AlignVCenter, run);
        }
        run.clear();
    };
    for (int line = 0; line < m_emulator->rows(); ++line) {
        const int sourceRow = line - scrolledBack;
        const QList<TerminalEmulator::Cell> *history =
            sourceRow < 0 ? &m_emulator->scrollbackLine(m_emulator->scrollbackSize() + sourceRow) : nullptr;
        for (int column = 0; column < m_emulator->columns(); ++column) {
            if (history && column >= history->size()) {
                break;
            }
            const TerminalEmulator::Cell cell = history ? history->at(column) : m_emulator->cell(sourceRow, column);
            QColor fg = QColor::fromRgb(cell.foreground);
            QColor bg = QColor::fromRgb(cell.background);
            if (cell.reverse) {
                std::swap(fg, bg);
            }
            if (selecting && selection.contains(QPoint(column, line))) {
                std::swap(fg, bg);
            }
            const int width = std::max(1, cell.width);
            const QRect box(column * m_cell.width(), line * m_cell.height(), width * m_cell.width(), m_cell.height());
            if (bg != defaultBackground) {
                painter.fillRect(box, bg);
            }
            const bool ascii = width == 1 && cell.text.size() == 1 && cell.text.at(0).unicode() < 0x80;
            if (ascii && !run.isEmpty() && (fg != runColour || cell.bold != runBold || box.left() != runBox.right() + 1)) {
                flush();
            }
            if (ascii) {
                if (run.isEmpty()) {
                    runBox = box;
                    runColour = fg;
                    runBold = cell.bold;
                } else {
                    runBox.setRight(box.right());
                }
                run += cell.text;
            } else {
                flush();
                if (!cell.text.isEmpty() && cell.text != QLatin1String(" ")) {
                    painter.setFont(cell.bold ? bold : font());
                    painter.setPen(fg);
                    painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, cell.text);
                }
            }
            if (cell.underline) {
                painter.fillRect(QRect(box.left(), box.bottom() - 1, box.width(), 1), fg);
            }
            column += width - 1;
        }
        flush();
    }
    if (scrolledBack == 0 && m_emulator->cursorVisible()) {
        const QRect cursor(m_emulator->cursorColumn() * m_cell.width(), m_emulator->cursorRow() * m_cell.height(),
                           m_cell.width(), m_cell.height());
        painter.setPen(Qt::NoPen);
        painter.setBrush(hasFocus() ? QColor(200, 200, 200, 160) : Qt::transparent);
        painter.drawRect(cursor);
        painter.setPen(QColor(200, 200, 200));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cursor.adjusted(0, 0, -1, -1));
    }
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
    const Qt::KeyboardModifiers mods = event->modifiers();
    const bool ctrlShift = (mods & Qt::ControlModifier) && (mods & Qt::ShiftModifier);
    if (ctrlShift && event->key() == Qt::Key_C) {
        QApplication::clipboard()->setText(selectedText());
        return;
    }
    if (ctrlShift && event->key() == Qt::Key_V) {
        m_emulator->sendPaste(QApplication::clipboard()->text());
        return;
    }
    using Key = TerminalEmulator::Key;
    static const QHash<int, Key> keys = {
        {Qt::Key_Return, Key::Enter}, {Qt::Key_Enter, Key::Enter},     {Qt::Key_Tab, Key::Tab},
        {Qt::Key_Backspace, Key::Backspace}, {Qt::Key_Escape, Key::Escape}, {Qt::Key_Up, Key::Up},
        {Qt::Key_Down, Key::Down},     {Qt::Key_Left, Key::Left},       {Qt::Key_Right, Key::Right},
        {Qt::Key_Home, Key::Home},     {Qt::Key_End, Key::End},         {Qt::Key_PageUp, Key::PageUp},
        {Qt::Key_PageDown, Key::PageDown}, {Qt::Key_Insert, Key::Insert}, {Qt::Key_Delete, Key::Delete}};
    verticalScrollBar()->setValue(verticalScrollBar()->maximum()); // typing returns to the prompt
    if (auto it = keys.constFind(event->key()); it != keys.constEnd()) {
        m_emulator->sendKey(*it, mods);
        return;
    }
    if ((mods & Qt::ControlModifier) && event->key() >= Qt::Key_A && event->key() <= Qt::Key_Z) {
        // Ctrl+letter: the control character itself (Ctrl+C interrupts the remote program).
        m_emulator->sendText(QString(QChar(event->key() - Qt::Key_A + 1)));
        return;
    }
    if (!event->text().isEmpty()) {
        m_emulator->sendText(event->text());
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

} // namespace relayfleet::gui
