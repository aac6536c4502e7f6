#pragma once

#include <QString>
#include <QtGlobal>
#include <deque>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace relayfleet {

// The cells of a terminal: the visible grid (a primary and an alternate one) and the lines that
// scrolled off the top of the primary grid. A scroll moves whole lines, never cells, and a cell
// is 16 bytes with no allocation of its own: libvterm's own screen moved the whole grid in
// memory for every line that scrolled, which made a `cat` of a big log crawl. No libvterm here:
// TerminalEmulator drives it from libvterm's state layer.
class TerminalScreen
{
public:
    enum Attribute : quint8
    {
        Bold = 1,
        Italic = 2,
        Underline = 4,
        Reverse = 8,
        DefaultBackground =
            16, // the background is the terminal's own (trailing blanks need not be kept)
    };
    struct Pen
    {
        quint32 foreground = 0xfff0f0f0; // 0xffRRGGBB
        quint32 background = 0xff000000;
        quint8 attributes = DefaultBackground;
    };
    struct Cell
    {
        char32_t code =
            0; // 0: blank; kRightHalf; from kCombinedBase: a character with combining marks
        quint32 foreground = 0xfff0f0f0;
        quint32 background = 0xff000000;
        quint8 width = 1;
        quint8 attributes = DefaultBackground;
        quint16 unused = 0; // the cell is written whole, as two machine words
    };
    static constexpr char32_t kRightHalf = 0xffffffff;  // the right half of a wide character
    static constexpr char32_t kCombinedBase = 0x200000; // above every Unicode code point
    static constexpr int kMaxCombined = 4096;           // distinct combined characters kept
    struct Rect                                         // rows [top, bottom), columns [left, right)
    {
        int top = 0;
        int bottom = 0;
        int left = 0;
        int right = 0;
    };

    TerminalScreen(int rows, int columns, int maxScrollback);

    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    bool onAlternate() const { return m_onAlternate; }

    // What put() and erase() paint with, and what a resize fills new cells with.
    void setPen(const Pen &pen) { m_pen = pen; }
    void setDefaultPen(const Pen &pen) { m_defaultPen = pen; }

    void put(int row, int column, const char32_t *chars, int count, int width);
    // Printable ASCII, one narrow cell each, from `column` on (as much as fits in the row).
    void putAscii(int row, int column, const char *text, int length);
    // The common case, one narrow character: inline, it runs for nearly every byte of output.
    void putNarrow(int row, int column, char32_t code)
    {
        if (row != m_lastRow) { // text comes a row at a time: the row's cells are looked up once
            if (row < 0 || row >= m_rows) {
                return;
            }
            m_lastRow = row;
            m_lastRowCells = grid().at(row).data();
        }
        if (column >= 0 && column < m_columns) {
            m_lastRowCells[column] = inked(code, 1);
        }
    }
    void erase(Rect rect);
    // Content inside `rect` moves up by `downward` rows (down when negative) and left by
    // `rightward` columns; what is uncovered is erased. Lines leaving the top of a full-width
    // region that starts at row 0 of the primary grid go to the scrollback.
    void scroll(Rect rect, int downward, int rightward);
    // Returns how many rows the content moved up to keep the cursor's row on the screen.
    int resize(int rows, int columns, int cursorRow);
    void useAlternate(bool alternate);

    std::span<const Cell> row(int row) const { return grid().at(row); }
    int scrollbackSize() const { return static_cast<int>(m_scrollback.size()); }
    std::span<const Cell> scrollbackLine(int index) const
    {
        return m_scrollback[static_cast<size_t>(index)];
    }

    QString text(const Cell &cell) const;

private:
    using Line = std::vector<Cell>;
    // The rows of one screen, in a ring: scrolling the whole screen moves where it starts.
    struct Grid
    {
        std::vector<Line> lines;
        int rows = 0; // lines.size(), kept to spare a division in every access
        int first = 0;
        size_t index(int row) const
        {
            const int i = first + row; // 0 <= first, row < rows
            return static_cast<size_t>(i < rows ? i : i - rows);
        }
        Line &at(int row) { return lines[index(row)]; }
        const Line &at(int row) const { return lines[index(row)]; }
        void straighten(); // first row at index 0
    };
    Grid &grid() { return m_onAlternate ? m_alternate : m_primary; }
    const Grid &grid() const { return m_onAlternate ? m_alternate : m_primary; }
    Cell blank(const Pen &pen) const;
    // A character in the current pen.
    Cell inked(char32_t code, quint8 width) const
    {
        return Cell{code, m_pen.foreground, m_pen.background, width, m_pen.attributes, 0};
    }
    Rect clipped(Rect rect) const;
    void pushToScrollback(const Line &line);
    char32_t combined(const char32_t *chars, int count);
    static void resizeLine(Line &line, int columns, const Cell &fill);
    void fill(Line &line, int from, int to, const Cell &cell);

    int m_rows;
    int m_columns;
    int m_maxScrollback;
    bool m_onAlternate = false;
    Pen m_pen;
    Pen m_defaultPen;
    Grid m_primary;
    Grid m_alternate;
    std::deque<Line> m_scrollback;
    // putNarrow()'s row; forgotten whenever lines change places (scroll, resize, screens).
    int m_lastRow = -1;
    Cell *m_lastRowCells = nullptr;
    // A whole line of the last blank erased, copied instead of filled cell by cell.
    Line m_blankLine;
    std::vector<std::u32string> m_combined;
    std::unordered_map<std::u32string, char32_t> m_combinedCodes;
};

} // namespace relayfleet
