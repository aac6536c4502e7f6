#include "terminal/TerminalScreen.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace relayfleet {

static_assert(std::is_trivially_copyable_v<TerminalScreen::Cell>, "cells are moved with memmove");
static_assert(sizeof(TerminalScreen::Cell) == 16,
              "a cell stays small: the scrollback holds thousands of lines");

TerminalScreen::TerminalScreen(int rows, int columns, int maxScrollback)
    : m_rows(std::max(1, rows))
    , m_columns(std::max(1, columns))
    , m_maxScrollback(maxScrollback)
{
    const Line empty(static_cast<size_t>(m_columns), blank(m_defaultPen));
    m_primary.lines.assign(static_cast<size_t>(m_rows), empty);
    m_alternate.lines.assign(static_cast<size_t>(m_rows), empty);
    m_primary.rows = m_alternate.rows = m_rows;
}

TerminalScreen::Cell TerminalScreen::blank(const Pen &pen) const
{
    // An erased cell takes the pen's colours but none of its other attributes, as xterm does.
    return Cell{0,
                pen.foreground,
                pen.background,
                1,
                static_cast<quint8>(pen.attributes & DefaultBackground),
                0};
}

TerminalScreen::Rect TerminalScreen::clipped(Rect rect) const
{
    rect.top = std::clamp(rect.top, 0, m_rows);
    rect.bottom = std::clamp(rect.bottom, rect.top, m_rows);
    rect.left = std::clamp(rect.left, 0, m_columns);
    rect.right = std::clamp(rect.right, rect.left, m_columns);
    return rect;
}

char32_t TerminalScreen::combined(const char32_t *chars, int count)
{
    std::u32string key(chars, static_cast<size_t>(count));
    if (const auto it = m_combinedCodes.find(key); it != m_combinedCodes.end()) {
        return it->second;
    }
    if (static_cast<int>(m_combined.size()) >= kMaxCombined) {
        return chars[0]; // a device printing thousands of distinct combinations keeps the base
                         // characters
    }
    const char32_t code = kCombinedBase + static_cast<char32_t>(m_combined.size());
    m_combined.push_back(key);
    m_combinedCodes.emplace(std::move(key), code);
    return code;
}

void TerminalScreen::put(int row, int column, const char32_t *chars, int count, int width)
{
    if (row < 0 || row >= m_rows || column < 0 || column >= m_columns || count < 1) {
        return;
    }
    Line &line = grid().at(row);
    const quint8 cellWidth = static_cast<quint8>(std::clamp(width, 1, 2));
    line[static_cast<size_t>(column)] =
        inked(count == 1 ? chars[0] : combined(chars, count), cellWidth);
    if (cellWidth == 2 && column + 1 < m_columns) {
        line[static_cast<size_t>(column) + 1] = inked(kRightHalf, 1);
    }
}

void TerminalScreen::putAscii(int row, int column, const char *text, int length)
{
    if (row < 0 || row >= m_rows || column < 0) {
        return;
    }
    Line &line = grid().at(row);
    const int end = std::min(column + length, m_columns);
    for (int c = column; c < end; ++c) {
        line[static_cast<size_t>(c)] =
            inked(static_cast<char32_t>(static_cast<unsigned char>(text[c - column])), 1);
    }
}

void TerminalScreen::fill(Line &line, int from, int to, const Cell &cell)
{
    if (m_blankLine.size() < line.size() ||
        std::memcmp(&m_blankLine.front(), &cell, sizeof(Cell)) != 0) {
        m_blankLine.assign(std::max(line.size(), m_blankLine.size()), cell);
    }
    std::memcpy(static_cast<void *>(line.data() + from), m_blankLine.data(),
                static_cast<size_t>(to - from) * sizeof(Cell));
}

void TerminalScreen::erase(Rect rect)
{
    rect = clipped(rect);
    const Cell cell = blank(m_pen);
    for (int r = rect.top; r < rect.bottom; ++r) {
        fill(grid().at(r), rect.left, rect.right, cell);
    }
}

void TerminalScreen::pushToScrollback(const Line &line)
{
    if (m_maxScrollback <= 0) {
        return;
    }
    // Trailing blanks on the terminal's own background are not kept: most lines are short.
    auto used = line.end();
    while (used != line.begin()) {
        const Cell &c = *(used - 1);
        const bool blankCell = c.code == 0 || c.code == U' ';
        if (!blankCell || !(c.attributes & DefaultBackground) || (c.attributes & Reverse)) {
            break;
        }
        --used;
    }
    const auto length = static_cast<size_t>(used - line.begin());
    if (static_cast<int>(m_scrollback.size()) < m_maxScrollback) {
        m_scrollback.emplace_back(line.begin(), used);
        return;
    }
    // Full: the oldest line's memory holds the new one, unless it is much bigger than needed.
    Line recycled = std::move(m_scrollback.front());
    m_scrollback.pop_front();
    if (recycled.capacity() > 2 * length + 16) {
        recycled = Line();
    }
    recycled.assign(line.begin(), used);
    m_scrollback.push_back(std::move(recycled));
}

void TerminalScreen::scroll(Rect rect, int downward, int rightward)
{
    m_lastRow = -1;
    rect = clipped(rect);
    const int height = rect.bottom - rect.top;
    const int width = rect.right - rect.left;
    downward = std::clamp(downward, -height, height);
    rightward = std::clamp(rightward, -width, width);
    if (height == 0 || width == 0 || (downward == 0 && rightward == 0)) {
        return;
    }
    if (std::abs(downward) == height || std::abs(rightward) == width) {
        erase(rect); // everything moves out (and, as in libvterm, nothing goes to the scrollback)
        return;
    }
    Grid &lines = grid();
    const Cell cell = blank(m_pen);

    if (rightward == 0 && width == m_columns) {
        // Whole lines: the lines themselves change places (the whole screen: only where the
        // ring starts), then the ones uncovered are cleared.
        if (downward > 0 && rect.top == 0 && !m_onAlternate) {
            for (int r = 0; r < downward; ++r) {
                pushToScrollback(lines.at(r));
            }
        }
        if (height == m_rows) {
            lines.first = (lines.first + downward + m_rows) % m_rows;
        } else if (downward > 0) {
            for (int r = rect.top; r < rect.bottom - downward; ++r) {
                std::swap(lines.at(r), lines.at(r + downward));
            }
        } else {
            for (int r = rect.bottom - 1; r >= rect.top - downward; --r) {
                std::swap(lines.at(r), lines.at(r + downward));
            }
        }
        const int clearFrom = downward > 0 ? rect.bottom - downward : rect.top;
        for (int r = clearFrom; r < clearFrom + std::abs(downward); ++r) {
            fill(lines.at(r), 0, m_columns, cell);
        }
        return;
    }

    // Part of each line (insert and delete characters, or a scroll region with margins).
    const int columnsKept = width - std::abs(rightward);
    const int destinationLeft = rect.left + std::max(0, -rightward);
    const int sourceLeft = rect.left + std::max(0, rightward);
    auto moveRow = [&](int destinationRow) {
        const Line &source = lines.at(destinationRow + downward);
        Line &destination = lines.at(destinationRow);
        std::memmove(static_cast<void *>(destination.data() + destinationLeft),
                     source.data() + sourceLeft, static_cast<size_t>(columnsKept) * sizeof(Cell));
    };
    if (downward >= 0) {
        for (int r = rect.top; r < rect.bottom - downward; ++r) {
            moveRow(r);
        }
    } else {
        for (int r = rect.bottom - 1; r >= rect.top - downward; --r) {
            moveRow(r);
        }
    }
    if (downward > 0) {
        erase({rect.bottom - downward, rect.bottom, rect.left, rect.right});
    } else if (downward < 0) {
        erase({rect.top, rect.top - downward, rect.left, rect.right});
    }
    if (rightward > 0) {
        erase({rect.top, rect.bottom, rect.right - rightward, rect.right});
    } else if (rightward < 0) {
        erase({rect.top, rect.bottom, rect.left, rect.left - rightward});
    }
}

void TerminalScreen::resizeLine(Line &line, int columns, const Cell &empty)
{
    if (columns < static_cast<int>(line.size()) && columns > 0 &&
        line[static_cast<size_t>(columns) - 1].width == 2) {
        line[static_cast<size_t>(columns) - 1] = empty; // half a wide character is not kept
    }
    line.resize(static_cast<size_t>(columns), empty);
}

int TerminalScreen::resize(int rows, int columns, int cursorRow)
{
    rows = std::max(1, rows);
    columns = std::max(1, columns);
    m_lastRow = -1;
    m_primary.straighten();
    m_alternate.straighten();
    int pushed = 0;
    if (rows < m_rows && !m_onAlternate && cursorRow >= rows) {
        // Fewer rows with the cursor below them: the top lines go to the scrollback, as they
        // would have had the output scrolled.
        pushed = std::min(cursorRow, m_rows - 1) - rows + 1;
        for (int r = 0; r < pushed; ++r) {
            pushToScrollback(m_primary.lines[static_cast<size_t>(r)]);
        }
        m_primary.lines.erase(m_primary.lines.begin(), m_primary.lines.begin() + pushed);
    }
    const Cell empty = blank(m_defaultPen);
    for (std::vector<Line> *lines : {&m_primary.lines, &m_alternate.lines}) {
        lines->resize(static_cast<size_t>(rows), Line(static_cast<size_t>(columns), empty));
        for (Line &line : *lines) {
            resizeLine(line, columns, empty);
        }
    }
    m_primary.rows = m_alternate.rows = rows;
    m_rows = rows;
    m_columns = columns;
    return pushed;
}

void TerminalScreen::Grid::straighten()
{
    std::rotate(lines.begin(), lines.begin() + first, lines.end());
    first = 0;
}

void TerminalScreen::useAlternate(bool alternate)
{
    m_onAlternate = alternate;
    m_lastRow = -1;
}

QString TerminalScreen::text(const Cell &cell) const
{
    if (cell.code == 0 || cell.code == kRightHalf) {
        return {};
    }
    if (cell.code >= kCombinedBase) {
        const std::u32string &chars = m_combined[cell.code - kCombinedBase];
        return QString::fromUcs4(chars.data(), static_cast<qsizetype>(chars.size()));
    }
    if (cell.code < 0x10000) {
        return QString(QChar(static_cast<char16_t>(cell.code)));
    }
    return QString::fromUcs4(&cell.code, 1);
}

} // namespace relayfleet
